"""SDMX renderings of the aggregates: SDMX-CSV 2.0.0 data and an SDMX-JSON 2.0.0 structure message.

Standards (SDMX 3.0.0 family; see docs/indicators.md, "SDMX"):

* **SDMX-CSV 2.0.0** data message (sdmx-twg/sdmx-csv, "Data Message Field Guide"), media type
  ``application/vnd.sdmx.data+csv; version=2.0.0``: one row per observation, the columns
  ``STRUCTURE`` (``dataflow``), ``STRUCTURE_ID`` (``PL.SPLOT:DF_REFERRALS(1.0.0)``), ``ACTION``
  (``I``, information), then every dimension of the data structure in its order, the measure
  ``OBS_VALUE`` and the attributes ``OBS_STATUS``, ``OBS_CONF``, ``UNIT_MEASURE``.
* **SDMX-JSON 2.0.0** structure message (sdmx-twg/sdmx-json, "Structure Message Field Guide"),
  media type ``application/vnd.sdmx.structure+json; version=2.0.0``: the dataflow, its data
  structure definition, the concept scheme and the codelists, built from the reporting catalogue.

The data structure ``DSD_REFERRALS`` has the dimensions ``FREQ`` (M, Q, A), ``INDICATOR`` (every
published measure of the catalogue), one dimension per published catalogue dimension (named in
upper case: ``SENDER_VOIVODESHIP``, ``ROUTE``…) and the time dimension ``TIME_PERIOD``. An
observation of a query that neither groups nor filters by a dimension is its total: the code
``_T`` (the SDMX convention), so that a cell has the same key whatever query returns it.

Suppression is the aggregate API's: a suppressed cell has no ``OBS_VALUE``, ``OBS_STATUS`` ``Q``
(missing value; suppressed) and ``OBS_CONF`` ``C`` (confidential); a value that does not exist
(a rate with a zero denominator, a period outside the data) has no ``OBS_VALUE`` and
``OBS_STATUS`` ``O`` (missing value), never 0. The codes follow the SDMX cross-domain code lists
CL_OBS_STATUS and CL_CONF_STATUS; the structure carries the subset used here.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from typing import Any

from splot.common import teryt
from splot.common.spreadsheet import csv_cell
from splot.reporting.catalogue import DIMENSIONS, MEASURES, Dimension

AGENCY = "PL.SPLOT"
VERSION = "1.0.0"
DATAFLOW = "DF_REFERRALS"
DSD = "DSD_REFERRALS"
CONCEPTS = "CS_SPLOT"
STRUCTURE_ID = f"{AGENCY}:{DATAFLOW}({VERSION})"
DATA_MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"
STRUCTURE_MEDIA_TYPE = "application/vnd.sdmx.structure+json; version=2.0.0; charset=utf-8"
STRUCTURE_SCHEMA = (
    "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/"
    "2.0.0/sdmx-json-structure-schema.json"
)
#: The SDMX code of a total (a dimension the query neither groups nor filters by).
TOTAL = "_T"

FREQUENCIES = {"month": "M", "quarter": "Q", "year": "A"}
_FREQ_NAMES = {"M": "Monthly", "Q": "Quarterly", "A": "Annual"}

#: OBS_STATUS (subset of the SDMX cross-domain CL_OBS_STATUS).
NORMAL, SUPPRESSED, MISSING = "A", "Q", "O"
_OBS_STATUS = {
    NORMAL: "Normal value",
    SUPPRESSED: "Missing value; suppressed (a small count, or a value derived from one)",
    MISSING: "Missing value (does not exist: a rate with a zero denominator, a period outside the data)",
}
#: OBS_CONF (subset of the SDMX cross-domain CL_CONF_STATUS).
FREE, CONFIDENTIAL = "F", "C"
_CONF_STATUS = {FREE: "Free", CONFIDENTIAL: "Confidential statistical information (primary suppression)"}
#: UNIT_MEASURE by the measure's kind.
_UNITS = {"count": "REFERRAL", "ratio": "RATIO", "percentile": "WORKING_DAY"}
_UNIT_NAMES = {
    "REFERRAL": "Number of referrals (rounded to the rounding base)",
    "RATIO": "Ratio between 0 and 1 (4 decimals)",
    "WORKING_DAY": "Polish working days",
}

ATTRIBUTES = ("OBS_STATUS", "OBS_CONF", "UNIT_MEASURE")


def dimension_id(name: str) -> str:
    return name.upper()


def code_id(value: str) -> str:
    """A catalogue value as an SDMX code id (letters, digits, ``_@$-``): ``65+`` is ``65_PLUS``."""
    return value.replace("+", "_PLUS")


def dimension_ids() -> list[str]:
    """The dimensions of the data structure, in order (the time dimension last)."""
    return ["FREQ", "INDICATOR", *(dimension_id(n) for n in DIMENSIONS), "TIME_PERIOD"]


def header() -> list[str]:
    return ["STRUCTURE", "STRUCTURE_ID", "ACTION", *dimension_ids(), "OBS_VALUE", *ATTRIBUTES]


# --- data ------------------------------------------------------------------------------------------


def _observation(cell: dict[str, Any]) -> tuple[Any, str, str]:
    """(OBS_VALUE, OBS_STATUS, OBS_CONF) of a published cell: a suppressed cell stays valueless."""
    if cell.get("suppressed"):
        return "", SUPPRESSED, CONFIDENTIAL
    if cell.get("value") is None:
        return "", MISSING, FREE
    return cell["value"], NORMAL, FREE


def to_csv(body: dict[str, Any]) -> str:
    """An aggregate answer (:func:`splot.reporting.routes.common.aggregate_answer`) as SDMX-CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header())
    freq = FREQUENCIES[body["granularity"]]
    filters: dict[str, str] = body["filters"]
    for row in body["rows"]:
        key = {
            name: str(row["dimensions"].get(name, filters.get(name, TOTAL)) or TOTAL) for name in DIMENSIONS
        }
        key = {name: code_id(v) if name in _CODED else v for name, v in key.items()}
        for measure in body["measures"]:
            cell = row["values"].get(measure, {"value": None, "suppressed": False})
            value, status, conf = _observation(cell)
            writer.writerow(
                [
                    csv_cell(c)
                    for c in (
                        "dataflow",
                        STRUCTURE_ID,
                        "I",
                        freq,
                        measure,
                        *key.values(),
                        row["period"],
                        value,
                        status,
                        conf,
                        _UNITS[MEASURES[measure].kind],
                    )
                ]
            )
    return out.getvalue()


# --- structure -------------------------------------------------------------------------------------


def _urn(kind: str, artefact: str, item: str | None = None) -> str:
    base = f"urn:sdmx:org.sdmx.infomodel.{kind}={AGENCY}:{artefact}({VERSION})"
    return f"{base}.{item}" if item else base


def _concept(concept_id: str) -> str:
    return _urn("conceptscheme.Concept", CONCEPTS, concept_id)


def _codelist_urn(codelist_id: str) -> str:
    return _urn("codelist.Codelist", codelist_id)


def _artefact(artefact_id: str, name: str, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": artefact_id,
        "agencyID": AGENCY,
        "version": VERSION,
        "isExternalReference": False,
        "name": name,
        "names": {"en": name},
    }
    if description:
        out["description"] = description
        out["descriptions"] = {"en": description}
    return out


def _code(code_id: str, name: str, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": code_id, "name": name, "names": {"en": name}}
    if description:
        out["description"] = description
        out["descriptions"] = {"en": description}
    return out


def _codelist(codelist_id: str, name: str, codes: list[dict[str, Any]]) -> dict[str, Any]:
    return {**_artefact(codelist_id, name), "codes": codes}


def _humanised(name: str) -> str:
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def _indicator_codes() -> list[dict[str, Any]]:
    codes = []
    for m in MEASURES.values():
        code = _code(m.name, _humanised(m.name), f"{m.definition} Formula: {m.formula}.")
        code["annotations"] = [{"type": "SPLOT_MEASURE_KIND", "title": m.kind}]
        codes.append(code)
    return codes


def _territory_codes(level: teryt.Level) -> list[dict[str, Any]]:
    codes = [_code(t.code, t.name, t.kind) for t in teryt.register().list(level=level)]
    return [*codes, _code("unknown", "Unknown (the seat is not in the register)")]


#: Enumerated dimensions: codelist id and its codes (each with the total ``_T``).
def _dimension_codelists() -> dict[str, tuple[str, str, list[dict[str, Any]]]]:
    lists: dict[str, tuple[str, str, list[dict[str, Any]]]] = {}
    voivodeships = _territory_codes(teryt.Level.voivodeship)
    powiats = _territory_codes(teryt.Level.powiat)
    for name, dim in DIMENSIONS.items():
        if name.endswith("_voivodeship"):
            lists[name] = ("CL_VOIVODESHIP", "Voivodeships (TERYT)", voivodeships)
        elif name.endswith("_powiat"):
            lists[name] = ("CL_POWIAT", "Powiats (TERYT)", powiats)
        elif name in ("sender_type", "target_type"):
            values = dim.values or ()
            lists[name] = (
                "CL_INSTITUTION_TYPE",
                "Institution types",
                [_code(code_id(v), v) for v in values],
            )
        elif dim.values is not None:
            lists[name] = (f"CL_{name.upper()}", _humanised(name), [_code(code_id(v), v) for v in dim.values])
    return lists


#: The dimensions with a codelist (the others are text with a pattern: route, service type).
_CODED = frozenset(_dimension_codelists())


def _total() -> dict[str, Any]:
    return _code(TOTAL, "Total", "All values: the query neither grouped nor filtered by this dimension.")


def _open_pattern(dim: Dimension) -> str:
    pattern = (dim.pattern or ".*").removeprefix("^").removesuffix("$")
    return f"^({pattern}|{re.escape(TOTAL)})$"


def structure(*, prepared: datetime | None = None, self_url: str | None = None) -> dict[str, Any]:
    """The SDMX-JSON 2.0.0 structure message: dataflow, data structure, concepts, codelists."""
    lists = _dimension_codelists()
    codelists: dict[str, dict[str, Any]] = {
        "CL_FREQ": _codelist("CL_FREQ", "Frequency", [_code(c, n) for c, n in _FREQ_NAMES.items()]),
        "CL_INDICATOR": _codelist(
            "CL_INDICATOR", "Splot indicators (the reporting catalogue)", _indicator_codes()
        ),
    }
    for list_id, list_name, codes in lists.values():
        codelists.setdefault(list_id, _codelist(list_id, list_name, [*codes, _total()]))
    codelists["CL_OBS_STATUS"] = _codelist(
        "CL_OBS_STATUS", "Observation status", [_code(c, n) for c, n in _OBS_STATUS.items()]
    )
    codelists["CL_CONF_STATUS"] = _codelist(
        "CL_CONF_STATUS", "Confidentiality status", [_code(c, n) for c, n in _CONF_STATUS.items()]
    )
    codelists["CL_UNIT_MEASURE"] = _codelist(
        "CL_UNIT_MEASURE", "Unit of measure", [_code(c, n) for c, n in _UNIT_NAMES.items()]
    )

    concepts = [
        _code("FREQ", "Frequency", "Granularity of the period: M month, Q quarter, A year."),
        _code(
            "INDICATOR", "Indicator", "A published measure of the reporting catalogue (GET /v1/catalogue)."
        ),
        *(_code(dimension_id(n), _humanised(n), d.definition) for n, d in DIMENSIONS.items()),
        _code(
            "TIME_PERIOD",
            "Time period",
            "The cohort period (referrals sent in it, Europe/Warsaw): YYYY-MM, YYYY-Qn or YYYY.",
        ),
        _code("OBS_VALUE", "Observation value", "The published (protected) value of the indicator."),
        _code("OBS_STATUS", "Observation status", "Why a value is missing: Q suppressed, O does not exist."),
        _code("OBS_CONF", "Confidentiality status", "C for a suppressed cell."),
        _code("UNIT_MEASURE", "Unit of measure", "Referrals, a ratio or working days."),
    ]

    dimensions: list[dict[str, Any]] = [
        {
            "id": "FREQ",
            "position": 0,
            "conceptIdentity": _concept("FREQ"),
            "localRepresentation": {"enumeration": _codelist_urn("CL_FREQ")},
        },
        {
            "id": "INDICATOR",
            "position": 1,
            "conceptIdentity": _concept("INDICATOR"),
            "localRepresentation": {"enumeration": _codelist_urn("CL_INDICATOR")},
        },
    ]
    for position, (name, dim) in enumerate(DIMENSIONS.items(), start=2):
        representation: dict[str, Any]
        if name in lists:
            representation = {"enumeration": _codelist_urn(lists[name][0])}
        else:
            representation = {"format": {"dataType": "String", "pattern": _open_pattern(dim)}}
        dimensions.append(
            {
                "id": dimension_id(name),
                "position": position,
                "conceptIdentity": _concept(dimension_id(name)),
                "localRepresentation": representation,
            }
        )

    def attribute(attr_id: str, codelist_id: str, usage: str) -> dict[str, Any]:
        return {
            "id": attr_id,
            "usage": usage,
            "attributeRelationship": {"observation": {}},
            "measureRelationship": ["OBS_VALUE"],
            "conceptIdentity": _concept(attr_id),
            "localRepresentation": {"enumeration": _codelist_urn(codelist_id)},
        }

    dsd = {
        **_artefact(
            DSD,
            "Splot: referrals between institutions (aggregates)",
            "Protected aggregates of the reporting service: small counts suppressed, counts rounded, "
            "rates from the published terms (docs/indicators.md).",
        ),
        "dataStructureComponents": {
            "dimensionList": {
                "id": "DimensionDescriptor",
                "dimensions": dimensions,
                "timeDimension": {
                    "id": "TIME_PERIOD",
                    "conceptIdentity": _concept("TIME_PERIOD"),
                    "localRepresentation": {"format": {"dataType": "ObservationalTimePeriod"}},
                },
            },
            "measureList": {
                "id": "MeasureDescriptor",
                "measures": [
                    {
                        "id": "OBS_VALUE",
                        "conceptIdentity": _concept("OBS_VALUE"),
                        "localRepresentation": {"format": {"dataType": "Double"}},
                        "usage": "optional",
                    }
                ],
            },
            "attributeList": {
                "id": "AttributeDescriptor",
                "attributes": [
                    attribute("OBS_STATUS", "CL_OBS_STATUS", "mandatory"),
                    attribute("OBS_CONF", "CL_CONF_STATUS", "optional"),
                    attribute("UNIT_MEASURE", "CL_UNIT_MEASURE", "mandatory"),
                ],
            },
        },
    }
    dataflow = {
        **_artefact(DATAFLOW, "Splot: referrals between institutions"),
        "structure": _urn("datastructure.DataStructure", DSD),
    }
    moment = (prepared or datetime.now(UTC)).replace(microsecond=0)
    meta: dict[str, Any] = {
        "id": f"SPLOT-STRUCTURE-{moment.strftime('%Y%m%dT%H%M%S')}",
        "test": False,
        "prepared": moment.isoformat().replace("+00:00", "Z"),
        "contentLanguages": ["en"],
        "sender": {"id": AGENCY, "name": "Splot"},
    }
    if self_url:
        meta["links"] = [{"href": self_url, "rel": "self"}]
    return {
        "$schema": STRUCTURE_SCHEMA,
        "meta": meta,
        "data": {
            "dataflows": [dataflow],
            "dataStructures": [dsd],
            "conceptSchemes": [{**_artefact(CONCEPTS, "Splot concepts"), "concepts": concepts}],
            "codelists": list(codelists.values()),
        },
    }
