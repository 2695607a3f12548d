from pydantic import Field
from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings
from services import manifest


class TrainingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ANBAO_TRAINING_", extra="ignore")

    database_url: str = "sqlite:///./data/training.db"
    grpc_port: int = manifest.get("training").grpc_port
    # the services it calls, with a `service` token presented to each
    registry_address: str = f"127.0.0.1:{manifest.get('registry').grpc_port}"
    registry_token: str = ""
    accreditation_address: str = f"127.0.0.1:{manifest.get('accreditation').grpc_port}"
    accreditation_token: str = ""
    call_deadline_seconds: float = 3.0
    # TRN-1 (000 §二(二)): a class hour is 45 minutes; the plan's thresholds
    class_hour_minutes: int = Field(45, ge=1)
    min_class_hours: int = Field(20, ge=1)
    min_theory_percent: int = Field(60, ge=0, le=100)
    max_practical_percent: int = Field(40, ge=0, le=100)
    max_online_percent: int = Field(60, ge=0, le=100)
    # POOL-3 (001 §四(四)): the cadres' courses
    min_cadre_initial_hours: int = Field(36, ge=1)
    min_cadre_rotation_hours: int = Field(24, ge=1)
    # TRN-5, TRN-6, TRN-7: subsidy amounts, limits, publicity and ledger retention per
    # city (empty: the shipped services/training/data/subsidies.toml)
    subsidy_schedule_file: str = ""
