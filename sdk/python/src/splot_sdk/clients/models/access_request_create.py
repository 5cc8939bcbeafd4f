from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccessRequestCreate")


@_attrs_define
class AccessRequestCreate:
    """
    Attributes:
        candidate_id (str): From a 409 likely_duplicate's hidden_candidates
        reason (str): Why your institution needs the record (shown to the deciding institution)
    """

    candidate_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        candidate_id = self.candidate_id

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "candidate_id": candidate_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidate_id = d.pop("candidate_id")

        reason = d.pop("reason")

        access_request_create = cls(
            candidate_id=candidate_id,
            reason=reason,
        )

        return access_request_create
