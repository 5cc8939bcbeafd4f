from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.cell import Cell
    from ..models.goal_count import GoalCount
    from ..models.plan_type_count import PlanTypeCount
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="CaseworkRead")


@_attrs_define
class CaseworkRead:
    """The casework measures of a period (definitions in docs/indicators.md, "Casework").

    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        period_from (str):
        period_to (str):
        exact (bool):
        persons_with_plan (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never
            0.
        persons_with_plan_by_type (list[PlanTypeCount]):
        persons_with_joint_plan (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``,
            never 0.
        goals (list[GoalCount]):
        actions (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        actions_by_other_institution (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed":
            true}``, never 0.
        share_by_other_institution (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed":
            true}``, never 0.
        plans_with_first_action_after_diagnosis (Cell): A published value: a suppressed cell is ``{"value": null,
            "suppressed": true}``, never 0.
        median_working_days_diagnosis_to_first_action (Cell): A published value: a suppressed cell is ``{"value": null,
            "suppressed": true}``, never 0.
        plans_reviewed (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        plans_reviewed_on_time (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``,
            never 0.
        review_on_time_share (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``,
            never 0.
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    period_from: str
    period_to: str
    exact: bool
    persons_with_plan: Cell
    persons_with_plan_by_type: list[PlanTypeCount]
    persons_with_joint_plan: Cell
    goals: list[GoalCount]
    actions: Cell
    actions_by_other_institution: Cell
    share_by_other_institution: Cell
    plans_with_first_action_after_diagnosis: Cell
    median_working_days_diagnosis_to_first_action: Cell
    plans_reviewed: Cell
    plans_reviewed_on_time: Cell
    review_on_time_share: Cell
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        period_from = self.period_from

        period_to = self.period_to

        exact = self.exact

        persons_with_plan = self.persons_with_plan.to_dict()

        persons_with_plan_by_type = []
        for persons_with_plan_by_type_item_data in self.persons_with_plan_by_type:
            persons_with_plan_by_type_item = persons_with_plan_by_type_item_data.to_dict()
            persons_with_plan_by_type.append(persons_with_plan_by_type_item)

        persons_with_joint_plan = self.persons_with_joint_plan.to_dict()

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        actions = self.actions.to_dict()

        actions_by_other_institution = self.actions_by_other_institution.to_dict()

        share_by_other_institution = self.share_by_other_institution.to_dict()

        plans_with_first_action_after_diagnosis = self.plans_with_first_action_after_diagnosis.to_dict()

        median_working_days_diagnosis_to_first_action = (
            self.median_working_days_diagnosis_to_first_action.to_dict()
        )

        plans_reviewed = self.plans_reviewed.to_dict()

        plans_reviewed_on_time = self.plans_reviewed_on_time.to_dict()

        review_on_time_share = self.review_on_time_share.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "period_from": period_from,
                "period_to": period_to,
                "exact": exact,
                "persons_with_plan": persons_with_plan,
                "persons_with_plan_by_type": persons_with_plan_by_type,
                "persons_with_joint_plan": persons_with_joint_plan,
                "goals": goals,
                "actions": actions,
                "actions_by_other_institution": actions_by_other_institution,
                "share_by_other_institution": share_by_other_institution,
                "plans_with_first_action_after_diagnosis": plans_with_first_action_after_diagnosis,
                "median_working_days_diagnosis_to_first_action": median_working_days_diagnosis_to_first_action,
                "plans_reviewed": plans_reviewed,
                "plans_reviewed_on_time": plans_reviewed_on_time,
                "review_on_time_share": review_on_time_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.cell import Cell  # noqa: PLC0415
        from ..models.goal_count import GoalCount  # noqa: PLC0415
        from ..models.plan_type_count import PlanTypeCount  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        exact = d.pop("exact")

        persons_with_plan = Cell.from_dict(d.pop("persons_with_plan"))

        persons_with_plan_by_type = []
        _persons_with_plan_by_type = d.pop("persons_with_plan_by_type")
        for persons_with_plan_by_type_item_data in _persons_with_plan_by_type:
            persons_with_plan_by_type_item = PlanTypeCount.from_dict(persons_with_plan_by_type_item_data)

            persons_with_plan_by_type.append(persons_with_plan_by_type_item)

        persons_with_joint_plan = Cell.from_dict(d.pop("persons_with_joint_plan"))

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalCount.from_dict(goals_item_data)

            goals.append(goals_item)

        actions = Cell.from_dict(d.pop("actions"))

        actions_by_other_institution = Cell.from_dict(d.pop("actions_by_other_institution"))

        share_by_other_institution = Cell.from_dict(d.pop("share_by_other_institution"))

        plans_with_first_action_after_diagnosis = Cell.from_dict(
            d.pop("plans_with_first_action_after_diagnosis")
        )

        median_working_days_diagnosis_to_first_action = Cell.from_dict(
            d.pop("median_working_days_diagnosis_to_first_action")
        )

        plans_reviewed = Cell.from_dict(d.pop("plans_reviewed"))

        plans_reviewed_on_time = Cell.from_dict(d.pop("plans_reviewed_on_time"))

        review_on_time_share = Cell.from_dict(d.pop("review_on_time_share"))

        casework_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            period_from=period_from,
            period_to=period_to,
            exact=exact,
            persons_with_plan=persons_with_plan,
            persons_with_plan_by_type=persons_with_plan_by_type,
            persons_with_joint_plan=persons_with_joint_plan,
            goals=goals,
            actions=actions,
            actions_by_other_institution=actions_by_other_institution,
            share_by_other_institution=share_by_other_institution,
            plans_with_first_action_after_diagnosis=plans_with_first_action_after_diagnosis,
            median_working_days_diagnosis_to_first_action=median_working_days_diagnosis_to_first_action,
            plans_reviewed=plans_reviewed,
            plans_reviewed_on_time=plans_reviewed_on_time,
            review_on_time_share=review_on_time_share,
        )

        casework_read.additional_properties = d
        return casework_read

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
