from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings
from services import manifest


class RegistrySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ANBAO_REGISTRY_", extra="ignore")

    database_url: str = "sqlite:///./data/registry.db"
    grpc_port: int = manifest.get("registry").grpc_port
    # base64 32-byte keys; required: a service holding personal data never runs without them
    field_key: str
    blind_index_key: str
