from pydantic import Field
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
    # POOL-5 key rotation (README "Rotating the data keys"): the versions of the keys above,
    # and the retired versions still needed to read what is not re-encrypted yet, as JSON
    # {"1": "<base64 key>"}; `anbao registry new-key-version` writes them.
    field_key_id: int = 1
    blind_index_key_id: int = 1
    retired_field_keys: dict[int, str] = {}
    retired_blind_index_keys: dict[int, str] = {}

    def protector_keys(self) -> tuple[dict[int, str], dict[int, str]]:
        """Every field key and every blind-index key by version, the current ones included."""
        return ({**self.retired_field_keys, self.field_key_id: self.field_key},
                {**self.retired_blind_index_keys, self.blind_index_key_id: self.blind_index_key})
    # POOL-3: security cadres of key units — rotation training every `years` years of at
    # least `hours` class hours; new cadres an initial course of at least `initial_hours`
    # within `initial_within_days` of the appointment (the deadline is an assumption)
    cadre_rotation_years: int = Field(default=2, ge=1)
    cadre_rotation_hours: int = Field(default=24, ge=1)
    cadre_initial_hours: int = Field(default=36, ge=1)
    cadre_initial_within_days: int = Field(default=365, ge=1)
