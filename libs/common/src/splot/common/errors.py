"""RFC 9457 problem details for every error a service returns.

Handlers cover our own :class:`Problem` exceptions, Starlette/FastAPI HTTP errors, request
validation (including malformed JSON bodies) and anything unhandled, which becomes a generic 500
that names the request id but never the exception.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://splot.gov.pl/problems/"

log = structlog.get_logger("splot.errors")


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ProblemDetail(BaseModel):
    """An RFC 9457 problem document with a stable machine-readable ``code``."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not_found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    code: str
    request_id: str | None = None
    errors: list[FieldError] | None = None


class ValidationProblem(ProblemDetail):
    """422: the request breaks the schema (``errors``) or a business rule (the lists name what)."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": PROBLEM_TYPE_BASE + "validation_error",
                    "title": "Unprocessable Content",
                    "status": 422,
                    "detail": "the request is not valid",
                    "code": "validation_error",
                    "errors": [{"loc": ["body", "name"], "msg": "Field required", "type": "missing"}],
                }
            ]
        },
    )

    errors: list[FieldError] | None = None
    #: Fields a business rule needs and the request lacks.
    missing_fields: list[str] | None = None
    #: Fields the action does not take.
    unexpected_fields: list[str] | None = None
    #: Codes (of a dictionary) that are not known.
    invalid_codes: list[str] | None = None


class StaleEtagProblem(ProblemDetail):
    """412 ``stale_etag``: reload the resource and retry with its current ETag."""

    #: The resource's current ETag (when the check was made before the write).
    current_etag: str | None = None


class ForbiddenProblem(ProblemDetail):
    """403: the roles or token scopes that would have been needed, where the rule names them."""

    required_roles: list[str] | None = None
    required_scopes: list[str] | None = None


#: The schema of each status's problem document (others: :class:`ProblemDetail`).
PROBLEM_MODELS: dict[int, type[ProblemDetail]] = {
    403: ForbiddenProblem,
    412: StaleEtagProblem,
    422: ValidationProblem,
}


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str | None = None,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or code)
        self.status = status
        self.code = code
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers or {}
        self.extra = extra


def not_found(what: str = "resource") -> Problem:
    # Deliberately identical for "absent" and "not visible to you": existence must not leak.
    return Problem(404, "not_found", f"{what} not found")


def forbidden(detail: str = "you are not allowed to do this") -> Problem:
    return Problem(403, "forbidden", detail)


def conflict(code: str, detail: str, **extra: Any) -> Problem:
    return Problem(409, code, detail, **extra)


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str | None = None,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "code": code,
        "request_id": getattr(request.state, "request_id", None),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "stale_etag",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    423: "locked",
    428: "precondition_required",
    429: "rate_limited",
}


def _clean_loc(loc: tuple[Any, ...] | list[Any]) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


async def _problem(request: Request, exc: Problem) -> JSONResponse:
    return problem_response(
        request,
        status=exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        headers=exc.headers,
        **exc.extra,
    )


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _STATUS_CODES.get(exc.status_code, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem_response(request, status=exc.status_code, code=code, detail=detail, headers=headers)


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(err.get("type") == "json_invalid" for err in errors):
        return problem_response(
            request, status=400, code="malformed_json", detail="request body is not valid JSON"
        )
    # Echoing the offending input back could repeat personal data: only location and message.
    field_errors = [
        {
            "loc": _clean_loc(err.get("loc", ())),
            "msg": str(err.get("msg", "")),
            "type": str(err.get("type", "")),
        }
        for err in errors
    ]
    return problem_response(
        request,
        status=422,
        code="validation_error",
        detail="the request is not valid",
        errors=field_errors,
    )


async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
    # Two requests raced past the service's own checks (a unique key, a reference): the
    # database kept the data consistent, the loser is told so. Never the constraint's text.
    log.info("integrity_conflict", path=request.url.path, exc_type=type(exc.orig).__name__)
    return problem_response(
        request,
        status=409,
        code="conflict",
        detail="the change conflicts with data changed at the same time; reload and try again",
    )


async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
    # Optimistic locking caught a writer that passed the If-Match check concurrently.
    return problem_response(
        request,
        status=412,
        code="stale_etag",
        detail="the resource was changed by someone else; reload it and try again",
    )


async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
    kind = _database_error_kind(exc)
    if kind in _RETRY_LATER:
        code, detail = _RETRY_LATER[kind]
        return problem_response(request, status=503, code=code, detail=detail, headers={"Retry-After": "1"})
    if kind == "data":
        return problem_response(
            request, status=422, code="invalid_value", detail="a value cannot be stored as given"
        )
    log.error("database_error", path=request.url.path, exc_info=exc)
    return problem_response(
        request,
        status=500,
        code="internal_error",
        detail="an unexpected error occurred; quote the request id when reporting it",
    )


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled_exception", path=request.url.path, exc_info=exc)
    return problem_response(
        request,
        status=500,
        code="internal_error",
        detail="an unexpected error occurred; quote the request id when reporting it",
    )


_HANDLERS: tuple[tuple[type[Exception], Callable[[Request, Any], Awaitable[JSONResponse]]], ...] = (
    (Problem, _problem),
    (StarletteHTTPException, _http),
    (RequestValidationError, _validation),
    (IntegrityError, _integrity),
    (StaleDataError, _stale),
    (DBAPIError, _database),
    (Exception, _unhandled),
)


def install_problem_handlers(app: FastAPI) -> None:
    """Every error a service can meet answers as a problem document (see the module docstring)."""
    for exc_class, handler in _HANDLERS:
        app.exception_handler(exc_class)(handler)


#: SQLSTATEs of errors a retry resolves (serialization failure, deadlock, lock timeout).
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})


#: Database errors a retry a moment later gets past: (problem code, detail) by kind.
_RETRY_LATER = {
    # The server dropped the connection (a restart): the pool replaces it, a retry succeeds.
    "lost": ("database_unavailable", "the database connection was lost; retry shortly"),
    "retry": ("busy", "the database is busy; retry shortly"),
}


def _database_error_kind(exc: DBAPIError) -> str:
    """``lost`` (the connection was dropped), ``retry`` (contention: tell the client to retry),
    ``data`` (a value the database refuses: the client's input) or ``other``."""
    if exc.connection_invalidated:
        return "lost"
    orig = exc.orig
    sqlstate = (
        getattr(orig, "sqlstate", None)
        or getattr(orig, "pgcode", None)
        or getattr(getattr(orig, "__cause__", None), "sqlstate", None)
    )
    if sqlstate in _RETRY_SQLSTATES:
        return "retry"
    if isinstance(sqlstate, str) and sqlstate.startswith("22"):  # class 22: data exception
        return "data"
    message = str(orig).lower()
    if "database is locked" in message or "database table is locked" in message:
        return "retry"  # SQLite: another writer held the lock past busy_timeout
    return "other"


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    # Starlette names only the first route that matched the path, and routes added with
    # include_router hide theirs; asking every route whether it would take each method works
    # for all kinds of route and lists what Allow must list.
    scope = dict(request.scope)
    allowed = []
    for method in _METHODS:
        scope["method"] = method
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


#: The usual error sets of list, single-resource and write operations (400 covers malformed JSON
#: and invalid cursors; 422 schema and business-rule violations).
LIST_ERRORS: tuple[int, ...] = (400, 401, 403, 422)
READ_ERRORS: tuple[int, ...] = (400, 401, 403, 404, 422)
WRITE_ERRORS: tuple[int, ...] = (400, 401, 403, 404, 409, 412, 422, 428)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries for the given error statuses, all as problem documents (each status
    with its named schema, :data:`PROBLEM_MODELS`)."""
    return {status: problem_model(status, PROBLEM_MODELS.get(status, ProblemDetail)) for status in statuses}


def problem_model(status: int, model: type[ProblemDetail]) -> dict[str, Any]:
    """One ``responses=`` entry: a problem document with ``model``'s extra members."""
    return {
        "model": model,
        "description": HTTPStatus(status).phrase,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
    }
