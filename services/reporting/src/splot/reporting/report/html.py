"""The results report as one self-contained HTML document: its own CSS, charts and the map as
inline SVG, no external resource (served with ``default-src 'none'``), printable."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from splot.reporting.report import svg
from splot.reporting.report.model import BarChart, Cell, Format, LineChart, MapBlock, Report, format_cell

#: The Content-Security-Policy the document is served with: nothing but its own inline styles and
#: data: images can load, no script runs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("splot.reporting.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_html(report: Report, *, frozen: str | None = None) -> str:
    """``frozen``: a line saying which edition version the report was frozen in."""

    def fmt(c: Cell, f: Format, threshold: int | None) -> str:
        return format_cell(c, f, threshold=threshold or report.suppression_threshold)

    def chart(block: BarChart | LineChart | MapBlock) -> Markup:
        threshold = report.suppression_threshold
        if isinstance(block, BarChart):
            return Markup(svg.bar_chart(block, threshold))  # noqa: S704 - built from escaped parts
        if isinstance(block, LineChart):
            return Markup(svg.line_chart(block, threshold))  # noqa: S704
        return Markup(svg.map_svg(block, threshold))  # noqa: S704

    template = _environment().get_template("report.html.j2")
    return template.render(report=report, fmt=fmt, svg=chart, frozen=frozen)
