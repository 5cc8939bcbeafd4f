"""The benchmark report's table and file (tests/bench/report.py): how numbers, ratios, goals and
missing measurements are shown, and that regenerating keeps the hand-written introduction.
No timing is measured or asserted here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPORT = Path(__file__).resolve().parents[1] / "bench" / "report.py"


@pytest.fixture(scope="module")
def report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("splot_bench_report_under_test", REPORT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_measured_row_shows_its_ratio_as_a_percentage_and_whether_the_goal_is_met(
    report: ModuleType,
) -> None:
    share = report.ratio(131.0, 812.0)
    row = report.Row("transition", "≥ 60 %", measured="131 req/s", yardstick="insert 812 req/s", ratio=share)
    row.met = share >= 0.6
    assert row.cells() == ["transition", "131 req/s", "insert 812 req/s", "16%", "≥ 60 %", "**no**"]
    assert report.ratio(5.0, 0.0) is None


def test_a_missing_measurement_says_why_and_shows_no_number(report: ModuleType) -> None:
    row = report.Row.missing("bulk import", "≥ 2,000 rows/s", "import_bench.py has no measure_import() yet")
    assert row.cells() == [
        "bulk import", "not measured: import_bench.py has no measure_import() yet", "—", "—", "≥ 2,000 rows/s", "—",
    ]  # fmt: skip


def test_numbers_and_tables(report: ModuleType) -> None:
    assert report.number(1062.4) == "1,062"
    assert report.number(6.64) == "6.6"
    table = report.markdown_table(["a", "b"], [["x|y", "1"]])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| x\\|y | 1 |"]
    header, rows = report.curve_rows(
        [
            report.Curve("inbox", ["10k", "100k"], {"10k": "6.5 ms"}),
            report.Curve("search", ["1M"], {"1M": "9 ms"}),
        ]
    )
    assert header == ["query (p50, one sequential client)", "10k", "100k", "1M"]
    assert rows == [["inbox", "6.5 ms", "—", "—"], ["search", "—", "—", "9 ms"]]


def test_regenerating_keeps_the_hand_written_introduction(
    report: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nHow to read this.\n\n" + report.MARKER + "\nold numbers\n")
    monkeypatch.setattr(report, "DOC", doc)
    rows = [report.Row("sign-in", "30/s", measured="6.6/s", met=False)]
    report.write(
        report.render(rows, [], [("inbox at 10k", "Index Scan")], header=["- CPU: x"], notes=["shared"])
    )
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\nHow to read this.\n\n" + report.MARKER)
    assert "old numbers" not in text
    assert "| sign-in | 6.6/s | — | — | 30/s | **no** |" in text
    assert "### inbox at 10k" in text and "- shared" in text and "- CPU: x" in text
