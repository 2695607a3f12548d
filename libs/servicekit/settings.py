"""Settings shared by every service; each service subclasses with its own env prefix
(`ANBAO_REGISTRY_...`). Built once in main() and passed down, never a module global."""

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    database_url: str = "sqlite:///./data/service.db"
    # embedded profile: migrate the schema on start; production runs `anbao migrate` first
    migrate_on_start: bool = True
    nats_url: str = "nats://127.0.0.1:4223"
    # nodes that store each stream this service creates: 1 on one server, 3 on a
    # 3-node JetStream cluster (deploy/)
    stream_replicas: int = Field(1, ge=1, le=5)
    # this service's NKey seed file (`natsauth`); the server refuses a connection without
    nats_credentials_file: Path | None = None
    # TLS to NATS: the CA that signed the server's certificate, and this client's own
    nats_tls_ca_file: Path | None = None
    nats_tls_cert_file: Path | None = None
    nats_tls_key_file: Path | None = None
    # base64 Ed25519 key that signs the events it publishes (`eventsigning`); required
    event_signing_key: str
    # proto package → base64 public keys of its producer: the events it may apply
    event_trusted_keys: dict[str, list[str]] = {}
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 0
    # the health service alone, in plaintext, for probes that speak no TLS (Kubernetes'
    # gRPC probes); unset: health only on the main port
    health_port: int | None = None
    # Prometheus metrics at http://{metrics_host}:{metrics_port}/metrics; unset: none
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = None
    # OpenTelemetry traces (`tracing`): off unless enabled; OTLP over gRPC to the
    # endpoint, or "console" to print them
    tracing_enabled: bool = False
    tracing_exporter: Literal["otlp", "console"] = "otlp"
    tracing_endpoint: str = "http://127.0.0.1:4317"
    # mTLS for gRPC (production): this server's certificate and key, and the CA that
    # signed the callers' client certificates; all three or none
    tls_cert_file: Path | None = None
    tls_key_file: Path | None = None
    tls_ca_file: Path | None = None
    # Ed25519 public key (PEM) that verifies callers' tokens.
    # every public key role tokens may be signed with (PEM bundle; re-read when it changes)
    token_public_key_file: Path = Path("./data/secrets/token_public.pem")
    # token IDs (jti) revoked before they expire, one a line (re-read when it changes)
    token_revocation_file: Path = Path("./data/secrets/revoked_tokens")
    log_level: str = "INFO"
    log_json: bool = False
    grace_seconds: float = Field(5.0, description="drain time on shutdown")
    max_message_bytes: int = 4 * 1024 * 1024
    # an event that fails unexpectedly this many times is dead-lettered (transient
    # failures such as a called service being unavailable are retried without limit)
    event_max_deliveries: int = 20
    # how long JetStream waits for an event's ack before it delivers the event again
    # (after a consumer died holding it)
    event_ack_wait_seconds: float = 30.0
    # base64 32-byte seed of the Ed25519 key that signs the audit log's checkpoints
    audit_key: str
    # a signed checkpoint every this many audit records, or after this many seconds
    audit_checkpoint_records: int = 100
    audit_checkpoint_seconds: float = 300.0
