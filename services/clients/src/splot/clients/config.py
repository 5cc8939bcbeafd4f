from __future__ import annotations

from functools import cached_property

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from splot.common.keyring import KeyRing
from splot.common.settings import DEV_SECRET_PREFIX, Environment, ServiceSettings


class ClientsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_CLIENTS_", extra="ignore")

    service_name: str = "clients"
    service_client_id: str = "clients"

    #: Matching: two records with the same birth date are a likely duplicate when the similarity
    #: of their normalised full names (rapidfuzz token_sort_ratio, 0-100) reaches this score.
    match_name_threshold: float = Field(86.0, ge=50, le=100)
    #: At most this many candidates are reported by matching.
    match_max_candidates: int = Field(10, ge=1, le=50)

    #: Break-glass access: default and longest duration, in hours.
    break_glass_default_hours: int = Field(6, ge=1, le=72)
    break_glass_max_hours: int = Field(24, ge=1, le=168)

    #: A merge can be undone this many days; then the copies of both records' identity kept for
    #: the undo are erased.
    merge_undo_days: int = Field(30, ge=0, le=365)

    #: After the referral that gave it ends, an access grant keeps working this many days
    #: (unless the referrals service names another retention when it revokes it).
    grant_retention_days: int = Field(30, ge=0, le=3650)

    #: An access request to a person's registering institutions expires after this many days
    #: without a decision (it then grants nothing).
    access_request_days: int = Field(14, ge=1, le=90)
    #: A likely duplicate's ``candidate_id`` (an opaque token for an access request) is valid
    #: this many hours after the 409 that named it.
    candidate_token_hours: int = Field(24, ge=1, le=168)
    #: Keys of the candidate ids: a comma-separated list of long random strings; the first issues,
    #: every one is accepted (to rotate: new key first, drop the old one after
    #: candidate_token_hours). Required in production; unset in development, a development key is used.
    candidate_token_keys: SecretStr | None = None

    #: Persons with no activity for this many days and no active grant are anonymised.
    retention_days: int = Field(3650, ge=1)
    #: How often the retention job runs in the background (seconds); 0 switches the schedule off
    #: (the ``splot-clients anonymise`` command still runs it on demand).
    retention_interval_seconds: int = Field(3600, ge=0)
    retention_batch_size: int = Field(200, ge=1, le=10_000)

    #: Bulk import: rows per transaction, upload limits, and whether to process the job inside the
    #: request (tests) instead of in a background task after the response.
    import_batch_size: int = Field(500, ge=1, le=10_000)
    import_max_rows: int = Field(200_000, ge=1)
    import_max_bytes: int = Field(64 * 1024 * 1024, ge=1024)
    import_inline: bool = False
    #: The background worker picks up queued (or abandoned) import jobs this often (seconds).
    import_poll_seconds: float = Field(5.0, ge=0)
    #: A running job whose heartbeat is older than this is considered abandoned and resumed.
    import_stale_seconds: int = Field(300, ge=10)
    #: Rejected rows keep their data (for the download of the rejected rows, to correct and
    #: upload again) this many days after the job finished; the import worker then erases it.
    import_rejected_keep_days: int = Field(7, ge=0, le=90)
    #: The auditor's access-log export refuses more rows than this (narrow the filters).
    access_log_export_max_rows: int = Field(50_000, ge=1, le=1_000_000)

    @model_validator(mode="after")
    def _candidate_keys_in_production(self) -> ClientsSettings:
        self._configured_candidate_ring()  # production refuses an unset ring or a development key
        return self

    def _configured_candidate_ring(self) -> KeyRing:
        return KeyRing.configured(
            single=None,
            listed=self.candidate_token_keys,
            development_default=DEV_SECRET_PREFIX + "candidate-token-key",
            production=self.environment is Environment.production,
            setting="candidate_token_keys",
        )

    @cached_property
    def candidate_key_ring(self) -> KeyRing:
        """The keys of the candidate ids: the first issues, every one is accepted."""
        return self._configured_candidate_ring()
