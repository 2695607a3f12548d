from pathlib import Path

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
    # TRN-9 assumption: a trainee meets the class with this share of its class hours signed in
    min_attendance_percent: int = Field(100, ge=1, le=100)
    # TRN-4 evidence media: the content-addressed store and the largest upload accepted
    # (empty: `training-media` beside the SQLite database, or ./data/training-media)
    media_dir: str = ""
    max_upload_bytes: int = Field(512 * 1024 * 1024, ge=1)
    # TRN-7: archives (plans, rosters, attendance, evidence) are kept at least this long
    archive_retention_years: int = Field(3, ge=1)

    @property
    def media_path(self) -> Path:
        if self.media_dir:
            return Path(self.media_dir)
        if self.database_url.startswith("sqlite:///"):
            return Path(self.database_url.removeprefix("sqlite:///")).parent / "training-media"
        return Path("./data/training-media")
    # TRN-5, TRN-6, TRN-7: subsidy amounts, limits, publicity and ledger retention per
    # city (empty: the shipped services/training/data/subsidies.toml)
    subsidy_schedule_file: str = ""
