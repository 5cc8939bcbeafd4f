from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_counts import ImportCounts


T = TypeVar("T", bound="ImportRead")


@_attrs_define
class ImportRead:
    """
    Attributes:
        id (UUID):
        institution_id (UUID):
        status (str):
        dry_run (bool):
        source_format (str):
        total_rows (int):
        processed_rows (int):
        progress (float):
        counts (ImportCounts):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: UUID
    institution_id: UUID
    status: str
    dry_run: bool
    source_format: str
    total_rows: int
    processed_rows: int
    progress: float
    counts: ImportCounts
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        institution_id = str(self.institution_id)

        status = self.status

        dry_run = self.dry_run

        source_format = self.source_format

        total_rows = self.total_rows

        processed_rows = self.processed_rows

        progress = self.progress

        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "status": status,
                "dry_run": dry_run,
                "source_format": source_format,
                "total_rows": total_rows,
                "processed_rows": processed_rows,
                "progress": progress,
                "counts": counts,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        status = d.pop("status")

        dry_run = d.pop("dry_run")

        source_format = d.pop("source_format")

        total_rows = d.pop("total_rows")

        processed_rows = d.pop("processed_rows")

        progress = d.pop("progress")

        counts = ImportCounts.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        import_read = cls(
            id=id,
            institution_id=institution_id,
            status=status,
            dry_run=dry_run,
            source_format=source_format,
            total_rows=total_rows,
            processed_rows=processed_rows,
            progress=progress,
            counts=counts,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        import_read.additional_properties = d
        return import_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
