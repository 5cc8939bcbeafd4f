from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OccupancyState")


@_attrs_define
class OccupancyState:
    """Whether a referral occupies a place of an offer, as of the referral's version (the body of
    ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only).

        Attributes:
            offer_id (UUID):
            occupying (bool):
            version (int):
    """

    offer_id: UUID
    occupying: bool
    version: int

    def to_dict(self) -> dict[str, Any]:
        offer_id = str(self.offer_id)

        occupying = self.occupying

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offer_id": offer_id,
                "occupying": occupying,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer_id = UUID(d.pop("offer_id"))

        occupying = d.pop("occupying")

        version = d.pop("version")

        occupancy_state = cls(
            offer_id=offer_id,
            occupying=occupying,
            version=version,
        )

        return occupancy_state
