"""Input every service refuses before any endpoint sees it, and the default caching rule.

- **Control characters.** NUL cannot be stored in PostgreSQL text (a 500 instead of an answer),
  and C0 control characters break exports (openpyxl refuses them; a title with one would make
  its XLSX fail forever) and terminal or log viewers. So a request whose path, query string,
  form body or JSON body carries a C0 control character other than tab, line feed and carriage
  return (those only in JSON bodies, where multi-line text is legitimate) is refused:
  404 for a path (no route has one), 422 ``control_character`` otherwise. Fields that must be a
  single line refuse tab and line breaks in their own schemas (:data:`~splot.common.validation.SingleLine`).
- **No caching.** Answers carry personal data and are per caller: ``Cache-Control: no-store``
  unless the endpoint set its own policy (the JWKS document is public and cacheable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, unquote_to_bytes

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from splot.common.errors import problem_response

#: Raw control bytes (DEL is harmless and allowed).
_RAW_CONTROL = re.compile(rb"[\x00-\x1f]")
_CONTROL_TEXT = re.compile(r"[\x00-\x1f]")
#: A JSON ``\u00XX`` escape of a control character other than \t (09), \n (0a) and \r (0d),
#: preceded by an even number of backslashes (so ``\\u0000``, an escaped backslash followed by
#: the text "u0000", is not one).
_JSON_ESCAPED_CONTROL = re.compile(rb"(?<!\\)(?:\\\\)*\\u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F])")
_JSON_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class InputGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if _RAW_CONTROL.search(scope["path"].encode("utf-8", "surrogatepass")):
            response = problem_response(request, status=404, code="not_found", detail="not found")
            await send_no_store(response, scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if query:
            bad = _bad_form_field(query)
            if bad is not None:
                await _refuse(request, ["query", bad], scope, receive, send)
                return
        if scope["method"] not in _BODY_METHODS:
            await send_no_store(self.app, scope, receive, send)
            return
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        checker = _body_checker(content_type)
        if checker is None:
            await send_no_store(self.app, scope, receive, send)
            return
        body = await _read_body(receive)
        location = checker(body)
        if location is not None:
            await _refuse(request, location, scope, receive, send)
            return
        await send_no_store(self.app, scope, _replay(body, receive), send)


def _bad_form_field(raw: bytes) -> str | None:
    """The name of the first field of an urlencoded string with a control character in it."""
    if not _RAW_CONTROL.search(unquote_to_bytes(raw.replace(b"+", b" "))):
        return None
    # Decoded byte for byte (latin-1), so that any byte sequence maps to characters 1:1.
    for name, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
        if _CONTROL_TEXT.search(name) or _CONTROL_TEXT.search(value):
            return _printable(name)
    return "?"


def _printable(name: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in name)[:64] or "?"


def _json_location(body: bytes) -> list[str | int] | None:
    if _JSON_ESCAPED_CONTROL.search(body) or _JSON_RAW_CONTROL.search(body):
        return ["body"]
    return None


def _form_location(body: bytes) -> list[str | int] | None:
    field = _bad_form_field(body)
    return ["body", field] if field is not None else None


def _body_checker(content_type: str) -> Callable[[bytes], list[str | int] | None] | None:
    if content_type == "application/json" or content_type.endswith("+json"):
        return _json_location
    if content_type == "application/x-www-form-urlencoded":
        return _form_location
    return None  # files (CSV, multipart) are validated row by row by the endpoint that reads them


async def _refuse(
    request: Request, location: list[str | int], scope: Scope, receive: Receive, send: Send
) -> None:
    response = problem_response(
        request,
        status=422,
        code="control_character",
        detail="control characters (such as NUL) are not accepted in text",
        errors=[{"loc": location, "msg": "control character not allowed", "type": "control_character"}],
    )
    await send_no_store(response, scope, receive, send)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body once, then the real channel (which reports the client's disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def send_no_store(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Run ``app``, adding ``Cache-Control: no-store`` unless it chose a caching policy itself."""

    async def send_with_policy(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers.setdefault("Cache-Control", "no-store")
        await send(message)

    await app(scope, receive, send_with_policy)
