from __future__ import annotations

from functools import cached_property
from typing import ClassVar

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from splot.common.keyring import KeyRing
from splot.common.settings import DEV_SECRET_PREFIX, Environment, ServiceSettings


class DirectorySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_DIRECTORY_", extra="ignore")

    service_name: str = "directory"
    #: The directory issues tokens itself; it never needs a client secret of its own.
    unused_secrets: ClassVar[frozenset[str]] = frozenset({"service_client_secret"})
    #: Encrypt the private signing keys at rest: a comma-separated list of long random strings
    #: (Fernet keys are derived from them). The first encrypts, every one decrypts: to rotate, put a
    #: new key first, run `splot-directory reencrypt-keys`, then drop the old one. Required in
    #: production (this or key_encryption_key); unset in development, a development key is used.
    key_encryption_keys: SecretStr | None = None
    #: The single key of earlier releases, still read: it goes first, before key_encryption_keys
    #: (move it into that list, then unset it, to rotate).
    key_encryption_key: SecretStr | None = None

    user_token_ttl_seconds: int = 900
    client_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 12 * 3600
    refresh_cookie_name: str = "splot_refresh"
    refresh_cookie_path: str = "/api/directory/v1/oauth"
    #: Send the refresh cookie over HTTPS only; off only for the embedded http:// mode.
    refresh_cookie_secure: bool = False

    #: Free sign-in attempts at one login from one source address. Every attempt (also at
    #: POST /v1/me/password) is counted before its password is checked, per (login, source), per
    #: source and per login from anywhere; past a counter's free attempts each further one waits,
    #: the wait doubling from signin_first_delay_seconds up to signin_max_delay_seconds (429 with
    #: Retry-After). Unknown logins are counted and answered as existing ones; there is no hard lock.
    signin_free_attempts: int = Field(5, ge=1, le=1000)
    #: Free failed attempts from one source address whatever the logins (an office behind one
    #: address shares it); successful sign-ins do not count.
    signin_source_free_attempts: int = Field(50, ge=1, le=100_000)
    #: Free failed attempts at one login from all sources together: slows distributed guessing,
    #: and is high enough that one person cannot stall a colleague's account.
    signin_account_free_attempts: int = Field(30, ge=1, le=100_000)
    #: The wait after the first attempt past the free ones (seconds); it doubles with each further attempt.
    signin_first_delay_seconds: int = Field(1, ge=1, le=3600)
    #: The longest wait between attempts (seconds).
    signin_max_delay_seconds: int = Field(900, ge=1, le=86_400)
    #: A counter starts over after this long without attempts (seconds; longer than the longest wait).
    signin_reset_after_seconds: int = Field(3600, ge=1, le=30 * 86_400)
    #: How often counters quiet for longer than signin_reset_after_seconds are deleted (seconds;
    #: 0: never). Such a counter would start over at its next attempt anyway: deleting it changes
    #: no decision, and the table holds only the last hour's sources and logins.
    signin_prune_interval_seconds: float = Field(600, ge=0, le=86_400)

    #: How long the previous client secret keeps working after a rotation.
    secret_rotation_grace_seconds: int = 24 * 3600
    #: The largest file a partnership keeps (a meeting's minutes), in bytes.
    partnership_document_max_bytes: int = Field(10 * 1024 * 1024, ge=1024, le=100 * 1024 * 1024)

    @model_validator(mode="after")
    def _real_keys_in_production(self) -> DirectorySettings:
        self._configured_key_ring()
        return self

    def _configured_key_ring(self) -> KeyRing:
        return KeyRing.configured(
            single=self.key_encryption_key,
            listed=self.key_encryption_keys,
            development_default=DEV_SECRET_PREFIX + "key-encryption-key",
            production=self.environment is Environment.production,
            setting="key_encryption_keys",
        )

    @model_validator(mode="after")
    def _reset_after_the_longest_wait(self) -> DirectorySettings:
        if self.signin_reset_after_seconds <= self.signin_max_delay_seconds:
            # Otherwise waiting out the longest delay would also wipe the counter: free attempts forever.
            raise ValueError("signin_reset_after_seconds must be longer than signin_max_delay_seconds")
        return self

    @cached_property
    def key_ring(self) -> KeyRing:
        """The keys encrypting the private signing keys: the first encrypts, every one decrypts."""
        return self._configured_key_ring()

    @property
    def longest_token_ttl_seconds(self) -> int:
        return max(self.user_token_ttl_seconds, self.client_token_ttl_seconds)
