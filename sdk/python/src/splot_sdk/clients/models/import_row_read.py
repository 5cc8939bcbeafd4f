from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row_read_problem_type_0 import ImportRowReadProblemType0


T = TypeVar("T", bound="ImportRowRead")


@_attrs_define
class ImportRowRead:
    """
    Attributes:
        row_number (int):
        external_id (None | str):
        outcome (None | str):
        person_id (None | UUID):
        problem (ImportRowReadProblemType0 | None):
    """

    row_number: int
    external_id: None | str
    outcome: None | str
    person_id: None | UUID
    problem: ImportRowReadProblemType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_row_read_problem_type_0 import ImportRowReadProblemType0  # noqa: PLC0415

        row_number = self.row_number

        external_id: None | str
        external_id = self.external_id

        outcome: None | str
        outcome = self.outcome

        person_id: None | str
        if isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        problem: dict[str, Any] | None
        if isinstance(self.problem, ImportRowReadProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row_number": row_number,
                "external_id": external_id,
                "outcome": outcome,
                "person_id": person_id,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_read_problem_type_0 import ImportRowReadProblemType0  # noqa: PLC0415

        d = dict(src_dict)
        row_number = d.pop("row_number")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        person_id = _parse_person_id(d.pop("person_id"))

        def _parse_problem(data: object) -> ImportRowReadProblemType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = ImportRowReadProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportRowReadProblemType0 | None, data)

        problem = _parse_problem(d.pop("problem"))

        import_row_read = cls(
            row_number=row_number,
            external_id=external_id,
            outcome=outcome,
            person_id=person_id,
            problem=problem,
        )

        import_row_read.additional_properties = d
        return import_row_read

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
