from datetime import date

from pydantic import Field, field_validator
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
    # reference data files; empty: the packaged data/eligibility.toml and data/assessment.toml
    eligibility_file: str = ""   # ASMT-5 routes
    assessment_file: str = ""    # ASMT-6 modes, ASMT-7 modules, ASMT-10 site occupations, CERT-5 issuers
    # EVAL-1 assumption: evaluators are appointed for 3 years
    evaluator_term_years: int = 3
    # ASMT-3: a 保安员证 obtained within this many years exempts 五级 candidates from theory
    guard_certificate_exemption_years: int = 3
    # EVAL-3 assumption: a year's assessment is due by this month and day of the next year
    # (MM-DD, a day every year has); the year is overdue from the day after
    evaluator_assessment_deadline: str = "03-31"
    # EVAL-3: each score of the annual assessment must reach this (ethics decides first)
    evaluator_assessment_pass_mark: int = Field(60, ge=0, le=100)
    # pass-rate monitoring: flag a rate whose exact two-sided binomial p-value against the
    # rest of the province is below this, when both sides have at least this many candidates
    pass_rate_alpha: float = Field(0.001, gt=0, lt=1)
    pass_rate_min_candidates: int = Field(20, ge=1)
    # INST-5 assumption: supervisors (督导员) are appointed for 3 years
    supervisor_term_years: int = 3
    # INST-3: a province's own quota table (JSON like data/quotas.json); empty: the shipped one
    quota_file: str = ""

    @field_validator("evaluator_assessment_deadline")
    @classmethod
    def _month_day(cls, value: str) -> str:
        date.fromisoformat(f"2001-{value}")  # MM-DD of a day every year has (not 02-29)
        return value

    @property
    def assessment_deadline(self) -> tuple[int, int]:
        month, day = self.evaluator_assessment_deadline.split("-")
        return int(month), int(day)
