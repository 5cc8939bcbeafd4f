"""Structured JSON logging (structlog) that never prints personal data or secrets.

Callers log events and identifiers (UUIDs, codes, counts), not people. As a second line of
defence a processor masks any field whose name suggests personal data or a credential, and any
value that looks like a PESEL or a bearer token, wherever it appears.

Two formats: JSON, one object per line (production, ``log_json=true``), and a short line for a
person at a console (``log_json=false``, the embedded mode): ``14:02:11 WARNING referrals
webhook_url_refused reason=private``, and for a request ``14:02:11 referrals GET
/v1/referrals/{referral_id} 404 12ms``: the route template, never the path with its ids. The
console may also leave out routine requests (``requests="problems"``: only 4xx/5xx answers
and slow ones), so that a demo's console stays readable.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from datetime import datetime
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


#: A request slower than this is a problem worth a line even when it succeeded.
SLOW_REQUEST_MS = 1000.0
#: Health probes: a slow but successful one is not worth a line on the console.
_PROBES = frozenset({"/health", "/ready", "/metrics"})
_CONVERTER = re.compile(r"\{(\w+):[^}]*\}")  # {referral_id:splot_id} reads {referral_id}
_CONSOLE_SKIP = frozenset({"event", "level", "timestamp", "service", "request_id", "frames"})


def _only_problem_requests(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Drops requests answered 1xx-3xx in time, and successful probes however slow (a busy start
    is not a problem of ``/ready``); keeps every other event."""
    if event_dict.get("event") == "request":
        status = int(event_dict.get("status") or 0)
        if status < 400 and (
            float(event_dict.get("duration_ms") or 0) < SLOW_REQUEST_MS or event_dict.get("route") in _PROBES
        ):
            raise structlog.DropEvent
    return event_dict


def render_console(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> str:
    """One short line: local time, level (when not info), service, then the event."""
    moment = datetime.now().strftime("%H:%M:%S")
    level = str(event_dict.get("level", "info"))
    parts = [moment]
    if level != "info":
        parts.append(level.upper())
    if event_dict.get("service"):
        parts.append(str(event_dict["service"]))
    if event_dict.get("event") == "request":
        parts += [
            str(event_dict.get("method", "")),
            _CONVERTER.sub(r"{\1}", str(event_dict.get("route", ""))),
            str(event_dict.get("status", "")),
            f"{float(event_dict.get('duration_ms') or 0):.0f}ms",
        ]
    else:
        parts.append(str(event_dict.get("event", "")))
        parts += [f"{k}={v}" for k, v in event_dict.items() if k not in _CONSOLE_SKIP]
    return " ".join(parts)


_configured = False


def configure_logging(
    level: str = "INFO", *, json: bool = True, requests: str = "all", force: bool = False
) -> None:
    """JSON lines (``json``) or short console lines; ``requests="problems"`` keeps only failed
    and slow requests (console only; JSON logs every request). The first call wins unless
    ``force``."""
    global _configured
    if _configured and not force:
        return
    _configured = True
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _safe_traceback,
        redact_personal_data,
    ]
    if json:
        processors.append(structlog.processors.JSONRenderer())
    else:
        if requests == "problems":
            processors.insert(0, _only_problem_requests)
        processors.append(render_console)
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
