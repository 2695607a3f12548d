from typing import Literal

from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings
from services import manifest

from . import contexts


class CertificatesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ANBAO_CERTIFICATES_", extra="ignore")

    database_url: str = "sqlite:///./data/certificates.db"
    grpc_port: int = manifest.get("certificates").grpc_port
    http_host: str = "127.0.0.1"
    http_port: int = manifest.get("certificates").http_port
    # base64 32-byte key that seals the signing keys' private halves at rest
    key_encryption_key: str
    signing_key_validity_days: int = 730
    # where the public reaches the HTTP endpoints: the status lists' URLs in every
    # credential start with it; empty = http://{http_host}:{http_port}
    public_base_url: str = ""
    # how long verifiers may cache a status list (Cache-Control max-age, the list's ttl)
    status_list_max_age_seconds: int = 60
    # the algorithm of new signing keys; keys of the other kind keep verifying
    signature_profile: Literal["ed25519", "sm2"] = "ed25519"
    # how often each replica re-reads the key table (rotation, compromise elsewhere)
    key_refresh_seconds: float = 30.0
    # our JSON-LD context: the URL credentials name (served at its path by the public
    # HTTP service) and the base IRI of its terms
    context_url: str = contexts.DEFAULT_URL
    context_base: str = contexts.DEFAULT_BASE
    # the public lookup's budgets (CERT-4); see domain/lookup_budget.py
    lookup_per_client_per_minute: int = 60
    lookup_client_burst: int = 20
    lookup_failures_per_number_per_hour: int = 10
    # peers (a reverse proxy) whose `client_address_header` names the real client;
    # from anyone else the header is ignored, so it cannot be forged to dodge the budget
    trusted_proxies: list[str] = []
    client_address_header: str = "X-Forwarded-For"
    # employers' webhooks (EMP-2, EMP-3): the retry schedule (exponential backoff with
    # jitter from `base`, each wait at most `cap`, for `window` hours), how often the
    # dispatcher looks for due deliveries, and one POST's timeout
    webhook_retry_base_seconds: float = 10.0
    webhook_retry_cap_seconds: float = 3600.0
    webhook_retry_window_hours: float = 24.0
    webhook_poll_seconds: float = 1.0
    webhook_timeout_seconds: float = 10.0
    # development only: webhooks may be plain http to a loopback address (a local receiver)
    webhook_allow_loopback_http: bool = False
