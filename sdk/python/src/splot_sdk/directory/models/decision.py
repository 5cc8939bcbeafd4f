from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_create import TaskCreate


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        text (str):
        task (None | TaskCreate | Unset): A plan task the decision creates
    """

    text: str
    task: None | TaskCreate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_create import TaskCreate  # noqa: PLC0415

        text = self.text

        task: dict[str, Any] | None | Unset
        if isinstance(self.task, Unset):
            task = UNSET
        elif isinstance(self.task, TaskCreate):
            task = self.task.to_dict()
        else:
            task = self.task

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if task is not UNSET:
            field_dict["task"] = task

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_create import TaskCreate  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        def _parse_task(data: object) -> None | TaskCreate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                task_type_0 = TaskCreate.from_dict(data)

                return task_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskCreate | Unset, data)

        task = _parse_task(d.pop("task", UNSET))

        decision = cls(
            text=text,
            task=task,
        )

        return decision
