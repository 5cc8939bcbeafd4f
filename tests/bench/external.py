"""Measurements the services' own benchmark scripts provide (reporting ingestion and aggregate API,
clients import and search), loaded by path and called lazily: a missing script or function gives a
row "not measured: <reason>", never a made-up number."""

from __future__ import annotations

import importlib.util
import inspect
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.report import Row, number

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = {
    "measure_ingestion": REPO / "services/reporting/bench/ingest_bench.py",
    "measure_aggregate": REPO / "services/reporting/bench/aggregate_bench.py",
    "measure_search": REPO / "services/clients/bench/search_bench.py",
    "measure_import": REPO / "services/clients/bench/import_bench.py",
}


class NotMeasured(Exception):
    pass


def function(name: str) -> Callable[..., Any]:
    path = SCRIPTS[name]
    if not path.exists():
        raise NotMeasured(f"{path.relative_to(REPO)} does not exist yet")
    module_name = f"splot_bench_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise NotMeasured(f"cannot load {path.relative_to(REPO)}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # noqa: BLE001 (a peer's script failing to import is reported, not fatal)
        raise NotMeasured(f"{path.name} does not import ({type(error).__name__}: {error})") from None
    found = getattr(module, name, None)
    if found is None:
        raise NotMeasured(f"{path.name} has no {name}() yet")
    return found  # type: ignore[no-any-return]


async def call(name: str, *args: Any, **kwargs: Any) -> Any:
    fn = function(name)
    try:
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
    except Exception as error:  # noqa: BLE001
        traceback.print_exc()
        raise NotMeasured(f"{name}() failed: {type(error).__name__}: {str(error)[:200]}") from None
    return result


def _get(result: Any, *keys: str) -> float | None:
    if isinstance(result, dict):
        for key in keys:
            value = result.get(key)
            if isinstance(value, int | float):
                return float(value)
    return None


def describe(result: Any, skip: tuple[str, ...] = ()) -> str:
    if isinstance(result, dict):
        return ", ".join(
            f"{k}={v}" for k, v in result.items() if k not in skip and not isinstance(v, dict | list)
        )
    return str(result)


def ingestion_row(result: Any) -> Row:
    rate = _get(result, "events_per_s")
    cpu = _get(result, "cpu_ms_per_event")
    measured = f"{number(rate)} events/s" if rate is not None else describe(result)
    if rate is not None and cpu is not None:
        measured += f", {cpu:.2f} ms consumer CPU/event ({int(_get(result, 'events') or 0):,} events)"
    return Row(
        "reporting ingestion of the referrals feed",
        "≥ 5,000 events/s",
        measured=measured,
        met=None if rate is None else rate >= 5000,
    )


def import_rows(result: Any, rows: int) -> list[Row]:
    """``result``: one dict per pass (``first_import``, ``re_import``) with ``rows_per_second`` and
    ``process_rows_per_second``, or a flat dict."""
    passes = (
        {k: v for k, v in result.items() if isinstance(v, dict)} if isinstance(result, dict) else {}
    ) or {"": result}
    found = []
    for name, values in passes.items():
        rate = _get(values, "rows_per_second", "rows_per_s", "rate")
        process = _get(values, "process_rows_per_second")
        measured = f"{number(rate)} rows/s" if rate is not None else describe(values)
        if process is not None:
            measured += f" (processing alone {number(process)} rows/s)"
        label = f"bulk import on PostgreSQL, {rows:,} rows" + (f", {name.replace('_', ' ')}" if name else "")
        found.append(
            Row(
                label,
                "≥ 2,000 rows/s (aim 10,000)",
                measured=measured,
                met=None if rate is None else rate >= 2000,
            )
        )
    return found


def aggregate_rows(result: Any, facts: int) -> list[Row]:
    """``result["queries"]``: per query, ``http`` / ``cube`` / ``raw`` timings (``p50_ms``,
    ``p95_ms``), ``identical`` and ``raw_over_http_p50``."""
    queries = result.get("queries") if isinstance(result, dict) else None
    if not isinstance(queries, dict) or not queries:
        return [
            Row(f"aggregate API, {facts:,} facts", "p95 < 100 ms and ≥ 20× raw", measured=describe(result))
        ]
    found = []
    for title, values in queries.items():
        http, raw, cube = (values.get(k) or {} for k in ("http", "raw", "cube"))
        p95 = _get(http, "p95_ms")
        raw_p50 = _get(raw, "p50_ms")
        share = _get(values, "raw_over_http_p50")
        measured = (
            f"p95 {p95:.0f} ms, p50 {_get(http, 'p50_ms') or 0:.0f} ms"
            if p95 is not None
            else describe(values)
        )
        if _get(cube, "p50_ms") is not None:
            measured += f" (query engine on the cubes p50 {_get(cube, 'p50_ms'):.0f} ms)"
        if share is not None:
            measured += f"; {share:.1f}× faster than raw"
        if values.get("identical") is False:
            measured += "; **cube and raw rows differ**"
        row = Row(f"aggregate API, {title}, {facts:,} facts", "p95 < 100 ms and ≥ 20× raw", measured=measured)
        if raw_p50 is not None:
            row.yardstick = f"raw GROUP BY p50 {raw_p50:,.0f} ms"
        row.met = None if p95 is None or share is None else (p95 < 100 and share >= 20)
        found.append(row)
    return found
