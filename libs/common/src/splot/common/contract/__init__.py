"""What every service's contract says beyond what FastAPI derives from the code.

FastAPI describes parameters, bodies and the responses routes declare; a client also needs the
headers it must read or send and an example of every body. :func:`complete` adds them to the
generated document by the conventions of :mod:`splot.common` (one place, so that all four
contracts say the same thing the same way); :mod:`splot.common.contract.rules` checks them, and
``.spectral.yaml`` lints the published documents (``make lint``)."""

from __future__ import annotations

from typing import Any

from splot.common.contract.examples import add_examples
from splot.common.contract.headers import add_headers
from splot.common.contract.rules import violations

__all__ = ["complete", "violations"]

#: Who answers for the contracts (``info.contact``).
CONTACT = {"name": "Splot", "url": "https://splot.gov.pl/"}


def complete(document: dict[str, Any], *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Add headers, problem schemas, tags and examples to ``document`` (in place; returned too).
    ``skip``: paths left as they are (the probes)."""
    document["info"].setdefault("contact", CONTACT)
    add_headers(document, skip=skip)
    add_examples(document)
    _declare_tags(document)
    _integer_formats(document.get("components", {}).get("schemas", {}))
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                _integer_formats([p.get("schema", {}) for p in operation.get("parameters", [])])
    return document


_INT32_MAX = 2**31 - 1


def _integer_formats(node: Any) -> None:
    """``int32`` or ``int64`` on every integer (the range a client must be able to hold)."""
    if isinstance(node, dict):
        if node.get("type") == "integer" and "format" not in node:
            fits = (
                -_INT32_MAX - 1 <= node.get("minimum", -_INT32_MAX - 2)
                and node.get("maximum", _INT32_MAX + 1) <= _INT32_MAX
            )
            node["format"] = "int32" if fits else "int64"
        for value in node.values():
            _integer_formats(value)
    elif isinstance(node, list):
        for value in node:
            _integer_formats(value)


def _declare_tags(document: dict[str, Any]) -> None:
    """Every tag an operation uses, listed once at the top (what tools group operations by)."""
    used: list[str] = []
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for tag in operation.get("tags", []) if isinstance(operation, dict) else []:
                if tag not in used:
                    used.append(tag)
    known = {tag["name"] for tag in document.get("tags", [])}
    document.setdefault("tags", []).extend(
        {"name": tag, "description": f"Operations on {tag.replace('-', ' ')}"}
        for tag in used
        if tag not in known
    )
