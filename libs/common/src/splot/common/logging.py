"""Structured JSON logging (structlog) that never prints personal data or secrets.

Callers log events and identifiers (UUIDs, codes, counts), not people. As a second line of
defence a processor masks any field whose name suggests personal data or a credential, and any
value that looks like a PESEL or a bearer token, wherever it appears.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

SENSITIVE_KEYS = frozenset(
    {
        "pesel",
        "first_name",
        "last_name",
        "name",
        "full_name",
        "birth_date",
        "email",
        "phone",
        "address",
        "street",
        "password",
        "secret",
        "client_secret",
        "token",
        "access_token",
        "refresh_token",
        "authorization",
        "cookie",
        "document_number",
        "username",
    }
)
MASK = "[redacted]"
_PESEL = re.compile(r"(?<![0-9A-Za-z])\d{11}(?![0-9A-Za-z])")  # not inside hex ids
_BEARER = re.compile(r"(?i)bearer\s+[\w\-.~+/]+=*")
_JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        value = _PESEL.sub(MASK, value)
        value = _BEARER.sub("Bearer " + MASK, value)
        return _JWT.sub(MASK, value)
    if isinstance(value, dict):
        return {k: (MASK if str(k).lower() in SENSITIVE_KEYS else _scrub_value(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_value(v) for v in value]
    return value


def redact_personal_data(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key in list(event_dict):
        if key.lower() in SENSITIVE_KEYS:
            event_dict[key] = MASK
        else:
            event_dict[key] = _scrub_value(event_dict[key])
    return event_dict


def _safe_traceback(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    # Exception messages may quote SQL parameters (names, PESEL): keep type and frames only.
    exc_info = event_dict.pop("exc_info", None)
    if exc_info:
        if exc_info is True:
            exc_info = sys.exc_info()
        exc = exc_info[1] if isinstance(exc_info, tuple) else exc_info
        if isinstance(exc, BaseException):
            frames = []
            tb = exc.__traceback__
            while tb is not None:
                frames.append(f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}:{tb.tb_frame.f_code.co_name}")
                tb = tb.tb_next
            event_dict["exc_type"] = type(exc).__name__
            event_dict["frames"] = frames[-15:]
    return event_dict


_configured = False


def configure_logging(level: str = "INFO", *, json: bool = True) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _safe_traceback,
        redact_personal_data,
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(),
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
