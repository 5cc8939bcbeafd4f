from __future__ import annotations

from typing import ClassVar

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from splot.common.settings import DEV_SECRET_PREFIX, ServiceSettings


class DirectorySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_DIRECTORY_", extra="ignore")

    service_name: str = "directory"
    #: The directory issues tokens itself; it never needs a client secret of its own.
    unused_secrets: ClassVar[frozenset[str]] = frozenset({"service_client_secret"})
    #: Encrypts the private signing keys at rest (any long random string).
    key_encryption_key: SecretStr = SecretStr(DEV_SECRET_PREFIX + "key-encryption-key")

    user_token_ttl_seconds: int = 900
    client_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 12 * 3600
    refresh_cookie_name: str = "splot_refresh"
    refresh_cookie_path: str = "/api/directory/v1/oauth"
    #: Send the refresh cookie over HTTPS only; off only for the embedded http:// mode.
    refresh_cookie_secure: bool = False

    #: After this many consecutive failures an account is locked (423) for lockout_minutes.
    lockout_threshold: int = 5
    lockout_minutes: int = 15
    #: At most this many failed sign-ins per source address within the window, else 429.
    throttle_max_failures: int = 20
    throttle_window_seconds: int = 300

    #: How long the previous client secret keeps working after a rotation.
    secret_rotation_grace_seconds: int = 24 * 3600
