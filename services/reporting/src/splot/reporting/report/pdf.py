"""The results report as PDF (fpdf2, pure Python): the SAME :class:`Report` the HTML shows.

Text is set in the bundled DejaVu Sans (Polish diacritics; ``data/``, its licence next to it):
nothing is downloaded at run time. Bar and column charts are drawn with fpdf2's primitives; the
map is the same outline SVG as in the HTML (paths only, no text), the legend drawn beside it.
"""

from __future__ import annotations

import io
from importlib.resources import as_file, files
from typing import Any

from fpdf import FPDF
from fpdf.enums import TableCellFillMode, XPos, YPos

from splot.reporting.report import svg
from splot.reporting.report.model import (
    BarChart,
    Cell,
    Definitions,
    LineChart,
    MapBlock,
    Report,
    Table,
    Text,
    format_cell,
)

FONT = "DejaVu"
_BLUE = (31, 95, 139)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class _Document(FPDF):
    report_title = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.report_title} — strona {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _fonts(pdf: FPDF) -> None:
    data = files("splot.reporting.report").joinpath("data")
    with (
        as_file(data.joinpath("DejaVuSans.ttf")) as regular,
        as_file(data.joinpath("DejaVuSans-Bold.ttf")) as bold,
    ):
        pdf.add_font(FONT, "", str(regular))
        pdf.add_font(FONT, "B", str(bold))


def render_pdf(report: Report, *, frozen: str | None = None) -> bytes:
    pdf = _Document(orientation="P", unit="mm", format="A4")
    pdf.report_title = report.title[:80]
    pdf.set_title(report.title)
    pdf.set_lang("pl")
    pdf.set_creator("Splot")
    pdf.set_subject(f"{report.territory_name}, {report.period_from} – {report.period_to}")
    pdf.set_auto_page_break(auto=True, margin=16)
    _fonts(pdf)
    pdf.add_page()
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(0, 8, report.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=9)
    meta = (
        f"Obszar: {report.territory_name} · Okres: {report.period_from} – {report.period_to} · "
        f"Wygenerowano: {report.generated_at}"
    )
    if frozen:
        meta += f" · {frozen}"
    pdf.multi_cell(0, 5, meta, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*_BLUE)
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(4)
    threshold = report.suppression_threshold
    for section in report.sections:
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.start_section(section.title)
        pdf.set_font(FONT, "B", 14)
        pdf.multi_cell(0, 8, section.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        for block in section.blocks:
            if isinstance(block, Text):
                _text(pdf, block)
            elif isinstance(block, Table):
                _table(pdf, block, block.threshold or threshold)
            elif isinstance(block, BarChart):
                _bars(pdf, block, block.threshold or threshold)
            elif isinstance(block, LineChart):
                _columns(pdf, block, threshold)
            elif isinstance(block, MapBlock):
                _map(pdf, block, threshold)
            elif isinstance(block, Definitions):
                for item in block.items:
                    pdf.set_font(FONT, "B", 9)
                    pdf.multi_cell(0, 5, item.term, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.set_font(FONT, size=9)
                    pdf.multi_cell(0, 4.5, item.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.ln(1)
        pdf.ln(3)
    pdf.set_font(FONT, size=8)
    pdf.multi_cell(
        0, 4, f"Stan danych: {report.data_as_of or 'brak danych'}.", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    return bytes(pdf.output())


def _text(pdf: FPDF, block: Text) -> None:
    pdf.set_font(FONT, size=8.5 if block.style == "note" else 10)
    pdf.multi_cell(0, 5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _caption(pdf: FPDF, title: str) -> None:
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 6, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _table(pdf: FPDF, block: Table, threshold: int) -> None:
    _caption(pdf, block.title)
    pdf.set_font(FONT, size=8)
    # A chart drawn before leaves its bar colour as the fill colour, which fpdf2 uses for the body
    # rows under a heading that wraps: start every table on white.
    pdf.set_fill_color(255, 255, 255)
    n = len(block.columns)
    first = 3.0 if n > 2 else 5.0
    widths = [first, *([(10.0 - first) / max(1, n - 1) if n > 2 else 5.0] * (n - 1))]
    with pdf.table(
        col_widths=widths,
        text_align=("LEFT", *(["RIGHT"] * (n - 1))),
        headings_style=_heading_style(),
        cell_fill_mode=TableCellFillMode.NONE,
        line_height=4.5,
    ) as table:
        heading = table.row()
        for column in block.columns:
            heading.cell(column)
        for i, (label, cells) in enumerate(block.rows):
            row = table.row()
            row.cell(label)
            for j, value in enumerate(cells):
                row.cell(format_cell(value, block.format_of(i, j), threshold=threshold))
        if not block.rows:
            table.row().cell("Brak danych.", colspan=n)
    pdf.ln(3)


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(238, 243, 247))


def _bars(pdf: FPDF, block: BarChart, threshold: int) -> None:
    _caption(pdf, block.title)
    row_h, label_w, bar_w = 5.5, 55.0, 90.0
    if pdf.get_y() + row_h * len(block.bars) > pdf.h - 20:
        pdf.add_page()
    top = max((_number(b.value) for b in block.bars if _shown(b.value)), default=0.0) or 1.0
    pdf.set_font(FONT, size=8)
    for bar in block.bars:
        y, x = pdf.get_y(), pdf.l_margin
        pdf.set_xy(x, y)
        pdf.cell(label_w - 2, row_h, bar.label[:40], align="R")
        width = 0.0
        if _shown(bar.value):
            width = max(0.5, bar_w * _number(bar.value) / top)
            pdf.set_fill_color(*_BLUE)
            pdf.rect(x + label_w, y + 1, width, row_h - 2, style="F")
        pdf.set_xy(x + label_w + width + 1.5, y)
        pdf.cell(35, row_h, format_cell(bar.value, block.format, threshold=threshold))
        pdf.set_xy(x, y + row_h)
    if not block.bars:
        pdf.cell(0, row_h, "Brak danych.", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _shown(c: Cell) -> bool:
    return not c.suppressed and c.value is not None


def _number(c: Cell) -> float:
    return float(c.value or 0)


def _columns(pdf: FPDF, block: LineChart, threshold: int) -> None:
    _caption(pdf, block.title)
    height, left = 45.0, pdf.l_margin + 14
    if pdf.get_y() + height + 14 > pdf.h - 20:
        pdf.add_page()
    y0 = pdf.get_y() + 2
    base = y0 + height
    width = pdf.epw - 16
    n = max(1, len(block.points))
    top = max((_number(p.value) for p in block.points if _shown(p.value)), default=0.0) or 1.0
    pdf.set_font(FONT, size=7)
    pdf.set_xy(pdf.l_margin, y0 - 2)
    pdf.cell(12, 4, format_cell(Cell(value=top), block.format), align="R")
    pdf.line(left, base, left + width, base)
    step = width / n
    pdf.set_fill_color(*_BLUE)
    for i, point in enumerate(block.points):
        x = left + i * step
        if _shown(point.value):
            h = height * _number(point.value) / top
            pdf.rect(x + step * 0.15, base - h, step * 0.7, h, style="F")
        elif point.value.suppressed:
            pdf.set_xy(x, base - 5)
            pdf.cell(step, 4, "×", align="C")
        if n <= 12 or i % max(1, n // 12) == 0:
            pdf.set_xy(x - 2, base + 1)
            pdf.cell(step + 4, 4, point.label, align="C")
    pdf.set_xy(pdf.l_margin, base + 6)
    if any(p.value.suppressed for p in block.points):
        pdf.cell(0, 4, f"× — ukryte (<{threshold})", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _map(pdf: FPDF, block: MapBlock, threshold: int) -> None:
    _caption(pdf, block.title)
    size = 95.0
    if pdf.get_y() + size > pdf.h - 20:
        pdf.add_page()
    y0 = pdf.get_y() + 1
    pdf.image(io.BytesIO(svg.map_outline(block, threshold).encode("utf-8")), x=pdf.l_margin, y=y0, w=size)
    x = pdf.l_margin + size + 8
    pdf.set_xy(x, y0)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(50, 5, "Legenda", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=8)
    for colour, text in svg.legend(block, threshold):
        y = pdf.get_y()
        pdf.set_fill_color(*_rgb(colour))
        pdf.rect(x, y + 0.8, 4, 4, style="DF")
        pdf.set_xy(x + 6, y)
        pdf.cell(60, 5.5, text, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_x(x)
    pdf.set_xy(pdf.l_margin, y0 + size * _aspect(block) + 3)


def _aspect(block: MapBlock) -> float:
    _, _, w, h = svg.map_box(block)
    return h / w
