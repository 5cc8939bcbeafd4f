from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="StatutoryBasis")


@_attrs_define
class StatutoryBasis:
    """A statutory task of the sender, chosen from the directory's legal-basis catalogue
    (``GET /api/directory/v1/legal-bases?institution_type=…&service_type=…``). Since issue #13
    the free-text ``article`` is no longer accepted (422): send the provision's ``code``.

        Attributes:
            kind (Literal['statutory']):
            code (str): A provision of the legal-basis catalogue: active, a task of the sender's institution type, covering
                the referral's service type (422 otherwise)
    """

    kind: Literal["statutory"]
    code: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["statutory"], d.pop("kind"))
        if kind != "statutory":
            raise ValueError(f"kind must match const 'statutory', got '{kind}'")

        code = d.pop("code")

        statutory_basis = cls(
            kind=kind,
            code=code,
        )

        return statutory_basis
