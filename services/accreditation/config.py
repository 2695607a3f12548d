from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings
from services import manifest


class AccreditationSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ANBAO_ACCREDITATION_", extra="ignore")

    database_url: str = "sqlite:///./data/accreditation.db"
    grpc_port: int = manifest.get("accreditation").grpc_port
    registry_address: str = f"127.0.0.1:{manifest.get('registry').grpc_port}"
    # a `service` token this service presents to registry
    registry_token: str = ""
    registry_deadline_seconds: float = 3.0
    # EVAL-1 assumption: evaluators are appointed for 3 years
    evaluator_term_years: int = 3
    # ASMT-3: a 保安员证 obtained within this many years exempts 五级 candidates from theory
    guard_certificate_exemption_years: int = 3
    # INST-5 assumption: supervisors (督导员) are appointed for 3 years
    supervisor_term_years: int = 3
    # INST-3: a province's own quota table (JSON like data/quotas.json); empty: the shipped one
    quota_file: str = ""
