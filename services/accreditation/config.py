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
    # reference data files; empty: the packaged data/eligibility.toml and data/assessment.toml
    eligibility_file: str = ""   # ASMT-5 routes
    assessment_file: str = ""    # ASMT-6 modes, ASMT-7 modules, ASMT-10 site occupations, CERT-5 issuers
