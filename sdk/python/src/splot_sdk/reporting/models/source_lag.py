from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SourceLag")


@_attrs_define
class SourceLag:
    """
    Attributes:
        source (str):
        last_seq (int):
        head_seq (int):
        lag (int):
        last_success_at (datetime.datetime | None):
        last_error_at (datetime.datetime | None):
        consecutive_failures (int):
    """

    source: str
    last_seq: int
    head_seq: int
    lag: int
    last_success_at: datetime.datetime | None
    last_error_at: datetime.datetime | None
    consecutive_failures: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        last_seq = self.last_seq

        head_seq = self.head_seq

        lag = self.lag

        last_success_at: None | str
        if isinstance(self.last_success_at, datetime.datetime):
            last_success_at = self.last_success_at.isoformat()
        else:
            last_success_at = self.last_success_at

        last_error_at: None | str
        if isinstance(self.last_error_at, datetime.datetime):
            last_error_at = self.last_error_at.isoformat()
        else:
            last_error_at = self.last_error_at

        consecutive_failures = self.consecutive_failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "last_seq": last_seq,
                "head_seq": head_seq,
                "lag": lag,
                "last_success_at": last_success_at,
                "last_error_at": last_error_at,
                "consecutive_failures": consecutive_failures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        last_seq = d.pop("last_seq")

        head_seq = d.pop("head_seq")

        lag = d.pop("lag")

        def _parse_last_success_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_success_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_success_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at"))

        def _parse_last_error_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_error_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_error_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_error_at = _parse_last_error_at(d.pop("last_error_at"))

        consecutive_failures = d.pop("consecutive_failures")

        source_lag = cls(
            source=source,
            last_seq=last_seq,
            head_seq=head_seq,
            lag=lag,
            last_success_at=last_success_at,
            last_error_at=last_error_at,
            consecutive_failures=consecutive_failures,
        )

        source_lag.additional_properties = d
        return source_lag

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
