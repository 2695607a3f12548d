from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class CertificatesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ANBAO_CERTIFICATES_", extra="ignore")

    database_url: str = "sqlite:///./data/certificates.db"
    grpc_port: int = 50053
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    # base64 32-byte key that seals the signing keys' private halves at rest
    key_encryption_key: str
    signing_key_validity_days: int = 730
