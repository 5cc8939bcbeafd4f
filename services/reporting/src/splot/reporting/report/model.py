"""The results report as a plain data structure: what both renderers (HTML and PDF) draw.

A report is built once from the data (:mod:`.build`) and is then only data: sections of blocks —
texts, tables of protected cells, chart series, map values and definitions. Freezing a report in
an edition stores this structure as JSON (:meth:`Report.to_json`); rendering a frozen one reads it
back (:meth:`Report.from_json`), so it shows exactly what was frozen whatever the data does later.
Every number in it has already passed the suppression policy (or the survey rule): renderers only
format cells, they never compute.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Bumped when the structure changes incompatibly (frozen reports keep their own version).
SCHEMA_VERSION = 1

#: How a cell's value is written: a count, a share (0..1, shown as %), days or a plain number.
Format = Literal["count", "ratio", "days", "number"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Cell(_Frozen):
    """A protected value: ``suppressed`` cells are shown as hidden, ``None`` as "no data"."""

    value: float | int | None = None
    suppressed: bool = False


class Text(_Frozen):
    kind: Literal["text"] = "text"
    text: str
    #: "note" is set smaller (methodological remarks, empty-section notices).
    style: Literal["paragraph", "note"] = "paragraph"


class Table(_Frozen):
    kind: Literal["table"] = "table"
    title: str
    #: Column headings; the first column holds row labels (text), the others cells.
    columns: list[str]
    formats: list[Format]
    rows: list[tuple[str, list[Cell]]]
    #: The small-cell threshold of these cells when it is not the report's (survey results).
    threshold: int | None = None
    #: One format per row instead of per column (a table of different indicators).
    row_formats: list[Format] | None = None

    def format_of(self, row: int, column: int) -> Format:
        """The format of the cell in ``row`` and ``column`` (0 = the first cell after the label)."""
        if self.row_formats is not None:
            return self.row_formats[row]
        return self.formats[column + 1]


class Bar(_Frozen):
    label: str
    value: Cell


class BarChart(_Frozen):
    kind: Literal["bar_chart"] = "bar_chart"
    title: str
    format: Format = "count"
    bars: list[Bar]
    threshold: int | None = None


class LineChart(_Frozen):
    kind: Literal["line_chart"] = "line_chart"
    title: str
    format: Format = "count"
    #: One point per month, "YYYY-MM" labels, in order.
    points: list[Bar]


class MapArea(_Frozen):
    code: str
    name: str
    value: Cell


class MapBlock(_Frozen):
    kind: Literal["map"] = "map"
    title: str
    #: "voivodeship" (the country by voivodeship) or "powiat" (a voivodeship by powiat).
    level: Literal["voivodeship", "powiat"]
    #: The voivodeship drawn (its powiats) when ``level`` is "powiat"; "" for the country.
    within: str = ""
    format: Format = "count"
    areas: list[MapArea]


class Definition(_Frozen):
    term: str
    text: str


class Definitions(_Frozen):
    kind: Literal["definitions"] = "definitions"
    items: list[Definition]


Block = Annotated[Text | Table | BarChart | LineChart | MapBlock | Definitions, Field(discriminator="kind")]


class Section(_Frozen):
    key: str
    title: str
    blocks: list[Block]


class Report(_Frozen):
    schema_version: int = SCHEMA_VERSION
    title: str
    territory: str
    territory_name: str
    period_from: str
    period_to: str
    generated_at: str
    #: When the data was last read from the source feeds (ISO datetime), or None.
    data_as_of: str | None
    #: Counts from 1 to threshold-1 are hidden ("ukryte (<k)").
    suppression_threshold: int
    sections: list[Section]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        return cls.model_validate(data)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def cell(value: Any) -> Cell:
    """A :class:`Cell` from the reporting service's ``Cell`` or its ``as_dict()``."""
    if isinstance(value, Cell):
        return value
    if isinstance(value, dict):
        return Cell(value=value.get("value"), suppressed=bool(value.get("suppressed")))
    return Cell(value=getattr(value, "value", None), suppressed=bool(getattr(value, "suppressed", False)))


def format_cell(c: Cell, fmt: Format, *, threshold: int | None = None) -> str:
    """A cell as text, Polish conventions: 1 234; 12,5 %; "ukryte (<k)"; "—" for no data."""
    if c.suppressed:
        return f"ukryte (<{threshold})" if threshold else "ukryte"
    if c.value is None:
        return "—"
    if fmt == "ratio":
        percent = round(c.value * 100, 1)
        if 0 < c.value < 1:  # a share strictly between 0 and 1 never reads as 0 % or 100 %
            percent = min(max(percent, 0.1), 99.9)
        return f"{percent:.1f}".replace(".", ",") + " %"
    if fmt == "count":
        return f"{int(round(c.value)):,}".replace(",", "\u00a0")
    if fmt == "days":
        return f"{c.value:g}".replace(".", ",") + " dni rob."
    return f"{c.value:,.2f}".replace(",", "\u00a0").replace(".", ",")
