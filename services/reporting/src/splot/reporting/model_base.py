"""The declarative base of the reporting service's analytical store and its shared constants.

Every table of the store (see :mod:`splot.reporting.models`) is declared on :class:`Base`, so one
``Base.metadata`` describes the whole schema the migrations build.
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from splot.common.db import make_metadata
from splot.common.platform import include_platform_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)

UNKNOWN = "unknown"
