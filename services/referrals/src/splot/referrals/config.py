from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from splot.common.keyring import KeyRing
from splot.common.settings import DEV_SECRET_PREFIX, Environment, ServiceSettings, data_dir


class ReferralsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_REFERRALS_", extra="ignore")

    service_name: str = "referrals"
    service_client_id: str = "referrals"
    #: Scopes this service asks for when it calls its peers.
    peer_scope: str = "clients:internal directory:read directory:occupancy"

    #: Base URLs of the peers (the paths ``/v1/...`` are appended).
    clients_url: str = "http://127.0.0.1:8000/api/clients"
    directory_url: str = "http://127.0.0.1:8000/api/directory"
    #: How long institutions and the service-type catalogue are cached.
    directory_cache_seconds: int = 60
    #: How long a call to a peer may take. At most a minute: a state handed over after a commit
    #: is kept from the scheduler for two (``splot.referrals.handover.LEASE``).
    peer_timeout_seconds: float = Field(10.0, gt=0, le=60)

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

    #: Webhooks: attempts before a delivery is dead-lettered, back-off base (doubling per attempt,
    #: at most an hour) and request timeout.
    webhook_max_attempts: int = 8
    webhook_backoff_seconds: int = 30
    webhook_timeout_seconds: float = 10.0
    #: Encrypt subscriptions' signing secrets at rest: a comma-separated list of long random strings
    #: (Fernet keys are derived from them). The first encrypts, every one decrypts: to rotate, put a
    #: new key first, run `splot-referrals reencrypt-secrets`, then drop the old one. Required in
    #: production (this or webhook_secret_key); unset in development, a development key is used.
    webhook_secret_keys: SecretStr | None = None
    #: The single key of earlier releases, still read: it goes first, before webhook_secret_keys
    #: (move it into that list, then unset it, to rotate).
    webhook_secret_key: SecretStr | None = None
    #: After `POST …/rotate-secret` deliveries are signed with the new and the previous secret for
    #: this long (seconds), so that the subscriber can switch without losing any; 0 ends the old
    #: secret at once.
    webhook_secret_rotation_grace_seconds: int = Field(24 * 3600, ge=0, le=30 * 86_400)
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
        self._configured_key_ring()  # production refuses an unset ring or a development key in it
        return self

    def _configured_key_ring(self) -> KeyRing:
        return KeyRing.configured(
            single=self.webhook_secret_key,
            listed=self.webhook_secret_keys,
            development_default=DEV_SECRET_PREFIX + "webhook-secret-key",
            production=self.environment is Environment.production,
            setting="webhook_secret_keys",
        )

    @cached_property
    def webhook_key_ring(self) -> KeyRing:
        """The keys encrypting subscription secrets: the first encrypts, every one decrypts."""
        return self._configured_key_ring()

    @property
    def effective_email_dir(self) -> Path:
        return self.email_dir or data_dir() / "referrals-mail"
