"""Settings shared by every service; each service subclasses with its own env prefix
(`ANBAO_REGISTRY_...`). Built once in main() and passed down, never a module global."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    database_url: str = "sqlite:///./data/service.db"
    nats_url: str = "nats://127.0.0.1:4223"
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 0
    # Ed25519 public key (PEM) that verifies callers' tokens.
    token_public_key_file: Path = Path("./data/secrets/token_public.pem")
    log_level: str = "INFO"
    log_json: bool = False
    grace_seconds: float = Field(5.0, description="drain time on shutdown")
    max_message_bytes: int = 4 * 1024 * 1024
