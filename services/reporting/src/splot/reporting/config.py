from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from splot.common.settings import DEV_SECRET_PREFIX, ServiceSettings

#: Special-category (GDPR art. 9) service types, used until the directory's catalogue is known.
FALLBACK_SENSITIVE_SERVICE_TYPES = (
    "psychological_counselling",
    "care_services",
    "addiction_therapy",
    "mental_health_support",
)


class ReportingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_REPORTING_", extra="ignore")

    service_name: str = "reporting"
    service_client_id: str = "reporting"

    #: Where the event feeds are (``{base}/v1/events``).
    directory_url: str = "http://127.0.0.1:8000/api/directory"
    clients_url: str = "http://127.0.0.1:8000/api/clients"
    referrals_url: str = "http://127.0.0.1:8000/api/referrals"

    #: HMAC-SHA256 key turning registry person ids into pseudonyms; known to this service only.
    #: Changing it breaks the link between old and new facts: run ``splot-reporting rebuild``.
    pseudonym_key: SecretStr = SecretStr(DEV_SECRET_PREFIX + "pseudonym-key")

    #: Small-cell suppression: counts from 1 to threshold-1 are hidden.
    suppression_threshold: int = Field(5, ge=1, le=100)
    #: The same for cells specific to a sensitive (special-category) service type.
    sensitive_suppression_threshold: int = Field(10, ge=1, le=100)
    #: Every published count is rounded to a multiple of this (complementary protection).
    rounding_base: int = Field(5, ge=1, le=100)
    fallback_sensitive_service_types: list[str] = list(FALLBACK_SENSITIVE_SERVICE_TYPES)
    employment_outcomes: list[str] = ["employed", "employed_subsidised", "self_employed"]
    #: Local calendar of the cohort month and of working days.
    timezone: str = "Europe/Warsaw"
    #: The largest attachment of a good practice (bytes; at most 5 files each).
    practice_attachment_max_bytes: int = Field(10 * 1024 * 1024, ge=1024, le=50 * 1024 * 1024)

    #: Feed consumption (background task and ``splot-reporting ingest``).
    ingest_enabled: bool = True
    ingest_batch_size: int = Field(500, ge=1, le=1000)
    ingest_poll_seconds: float = Field(5.0, gt=0)
    ingest_backoff_initial_seconds: float = Field(1.0, gt=0)
    ingest_backoff_max_seconds: float = Field(300.0, gt=0)
    #: Surveys of institutions: counts of institutions' answers from 1 to threshold-1 are hidden
    #: (2: one institution's answer is never visible on its own); see docs/indicators.md, "Surveys".
    survey_suppression_threshold: int = Field(2, ge=2, le=100)
    #: How often the surveys' job runs (closes rounds after their deadline, sends the automatic
    #: reminders); 0 disables it.
    survey_jobs_interval_seconds: float = Field(900.0, ge=0)
    #: How often the service-type catalogue (sensitivity flags) is re-read from the directory.
    service_types_refresh_seconds: float = Field(3600.0, gt=0)
