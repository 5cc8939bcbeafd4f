from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from splot.common.settings import DEV_SECRET_PREFIX, Environment, ServiceSettings, data_dir


class ReferralsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_REFERRALS_", extra="ignore")

    service_name: str = "referrals"
    service_client_id: str = "referrals"
    #: Scopes this service asks for when it calls its peers.
    peer_scope: str = "clients:internal directory:read"

    #: Base URLs of the peers (the paths ``/v1/...`` are appended).
    clients_url: str = "http://127.0.0.1:8000/api/clients"
    directory_url: str = "http://127.0.0.1:8000/api/directory"
    #: How long institutions and the service-type catalogue are cached.
    directory_cache_seconds: int = 60
    peer_timeout_seconds: float = 10.0

    #: Target institution types whose legal basis must be the client's consent (not a statutory task).
    consent_required_types: list[str] = ["NGO", "CIS", "KIS"]

    #: Response deadline (accept or reject) in Polish working days, unless the service type says otherwise.
    response_days_routine: int = 5
    response_days_urgent: int = 2
    #: A ``requested`` referral without an answer after this many working days is cancelled (no_response).
    expiry_working_days: int = 14
    #: Rejected, cancelled or failed referrals may be reopened this many days after they ended.
    reopen_window_days: int = 30
    #: The receiver keeps read access this many days after a referral ended (0 for entered_in_error).
    access_retention_days: int = 30
    #: How deep a forwarding chain may grow (the root has depth 0).
    max_chain_depth: int = 5
    #: Follow-up checks after an employment outcome, in months after completion.
    followup_months: list[int] = [3, 6]
    #: Deadlines are computed on the calendar of this time zone.
    timezone: str = "Europe/Warsaw"

    #: The scheduler (deadlines, e-mail, webhooks, access revocations) runs this often inside the service.
    scheduler_interval_seconds: float = 30.0
    scheduler_batch_size: int = 50
    scheduler_enabled: bool = True

    #: E-mail: "file" (default; one message per file under email_dir), "console" (the log) or "smtp".
    email_sender: Literal["console", "file", "smtp"] = "file"
    email_dir: Path | None = None
    email_from: str = "splot@localhost"
    email_max_attempts: int = 6
    email_backoff_seconds: int = 60
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = 20.0
    #: Where the SPA is published, for links in e-mails.
    app_base_url: str = "http://127.0.0.1:8000"

    #: Webhooks: attempts before a delivery is dead-lettered, back-off base and request timeout.
    webhook_max_attempts: int = 8
    webhook_backoff_seconds: int = 30
    webhook_timeout_seconds: float = 10.0
    #: Encrypts subscription secrets at rest (any long random string).
    webhook_secret_key: SecretStr = SecretStr(DEV_SECRET_PREFIX + "webhook-secret-key")
    #: Allow http:// webhook URLs (development only; production requires https).
    webhook_allow_http: bool = True
    #: Allow webhook targets that are not public internet addresses (loopback, private, link-local…;
    #: see ``netguard``). Only for the embedded single-user mode and tests delivering to a receiver
    #: on 127.0.0.1; always off in production, whatever the environment says.
    webhook_allow_private_targets: bool = False

    @model_validator(mode="after")
    def _safe_webhooks_in_production(self) -> ReferralsSettings:
        if self.environment is Environment.production:
            self.webhook_allow_http = False
            self.webhook_allow_private_targets = False
        return self

    @property
    def effective_email_dir(self) -> Path:
        return self.email_dir or data_dir() / "referrals-mail"
