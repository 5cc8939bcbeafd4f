from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_type import QuestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cell import Cell
    from ..models.distribution_row import DistributionRow
    from ..models.month_row import MonthRow
    from ..models.option_result import OptionResult
    from ..models.text_answer import TextAnswer


T = TypeVar("T", bound="QuestionResult")


@_attrs_define
class QuestionResult:
    """
    Attributes:
        key (str):
        text (str):
        type_ (QuestionType):
        section (str):
        answered (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        options (list[OptionResult] | None | Unset):
        distribution (list[DistributionRow] | None | Unset):
        mean (Cell | None | Unset):
        median (Cell | None | Unset):
        months (list[MonthRow] | None | Unset):
        texts (list[TextAnswer] | None | Unset):
    """

    key: str
    text: str
    type_: QuestionType
    section: str
    answered: Cell
    options: list[OptionResult] | None | Unset = UNSET
    distribution: list[DistributionRow] | None | Unset = UNSET
    mean: Cell | None | Unset = UNSET
    median: Cell | None | Unset = UNSET
    months: list[MonthRow] | None | Unset = UNSET
    texts: list[TextAnswer] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cell import Cell  # noqa: PLC0415

        key = self.key

        text = self.text

        type_ = self.type_.value

        section = self.section

        answered = self.answered.to_dict()

        options: list[dict[str, Any]] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = []
            for options_type_0_item_data in self.options:
                options_type_0_item = options_type_0_item_data.to_dict()
                options.append(options_type_0_item)

        else:
            options = self.options

        distribution: list[dict[str, Any]] | None | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        elif isinstance(self.distribution, list):
            distribution = []
            for distribution_type_0_item_data in self.distribution:
                distribution_type_0_item = distribution_type_0_item_data.to_dict()
                distribution.append(distribution_type_0_item)

        else:
            distribution = self.distribution

        mean: dict[str, Any] | None | Unset
        if isinstance(self.mean, Unset):
            mean = UNSET
        elif isinstance(self.mean, Cell):
            mean = self.mean.to_dict()
        else:
            mean = self.mean

        median: dict[str, Any] | None | Unset
        if isinstance(self.median, Unset):
            median = UNSET
        elif isinstance(self.median, Cell):
            median = self.median.to_dict()
        else:
            median = self.median

        months: list[dict[str, Any]] | None | Unset
        if isinstance(self.months, Unset):
            months = UNSET
        elif isinstance(self.months, list):
            months = []
            for months_type_0_item_data in self.months:
                months_type_0_item = months_type_0_item_data.to_dict()
                months.append(months_type_0_item)

        else:
            months = self.months

        texts: list[dict[str, Any]] | None | Unset
        if isinstance(self.texts, Unset):
            texts = UNSET
        elif isinstance(self.texts, list):
            texts = []
            for texts_type_0_item_data in self.texts:
                texts_type_0_item = texts_type_0_item_data.to_dict()
                texts.append(texts_type_0_item)

        else:
            texts = self.texts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "text": text,
                "type": type_,
                "section": section,
                "answered": answered,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if mean is not UNSET:
            field_dict["mean"] = mean
        if median is not UNSET:
            field_dict["median"] = median
        if months is not UNSET:
            field_dict["months"] = months
        if texts is not UNSET:
            field_dict["texts"] = texts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415
        from ..models.distribution_row import DistributionRow  # noqa: PLC0415
        from ..models.month_row import MonthRow  # noqa: PLC0415
        from ..models.option_result import OptionResult  # noqa: PLC0415
        from ..models.text_answer import TextAnswer  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        text = d.pop("text")

        type_ = QuestionType(d.pop("type"))

        section = d.pop("section")

        answered = Cell.from_dict(d.pop("answered"))

        def _parse_options(data: object) -> list[OptionResult] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = []
                _options_type_0 = data
                for options_type_0_item_data in _options_type_0:
                    options_type_0_item = OptionResult.from_dict(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionResult] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_distribution(data: object) -> list[DistributionRow] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                distribution_type_0 = []
                _distribution_type_0 = data
                for distribution_type_0_item_data in _distribution_type_0:
                    distribution_type_0_item = DistributionRow.from_dict(distribution_type_0_item_data)

                    distribution_type_0.append(distribution_type_0_item)

                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DistributionRow] | None | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))

        def _parse_mean(data: object) -> Cell | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mean_type_0 = Cell.from_dict(data)

                return mean_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Cell | None | Unset, data)

        mean = _parse_mean(d.pop("mean", UNSET))

        def _parse_median(data: object) -> Cell | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                median_type_0 = Cell.from_dict(data)

                return median_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Cell | None | Unset, data)

        median = _parse_median(d.pop("median", UNSET))

        def _parse_months(data: object) -> list[MonthRow] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                months_type_0 = []
                _months_type_0 = data
                for months_type_0_item_data in _months_type_0:
                    months_type_0_item = MonthRow.from_dict(months_type_0_item_data)

                    months_type_0.append(months_type_0_item)

                return months_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MonthRow] | None | Unset, data)

        months = _parse_months(d.pop("months", UNSET))

        def _parse_texts(data: object) -> list[TextAnswer] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                texts_type_0 = []
                _texts_type_0 = data
                for texts_type_0_item_data in _texts_type_0:
                    texts_type_0_item = TextAnswer.from_dict(texts_type_0_item_data)

                    texts_type_0.append(texts_type_0_item)

                return texts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TextAnswer] | None | Unset, data)

        texts = _parse_texts(d.pop("texts", UNSET))

        question_result = cls(
            key=key,
            text=text,
            type_=type_,
            section=section,
            answered=answered,
            options=options,
            distribution=distribution,
            mean=mean,
            median=median,
            months=months,
            texts=texts,
        )

        question_result.additional_properties = d
        return question_result

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
