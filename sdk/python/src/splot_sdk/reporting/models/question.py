from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.question_type import QuestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.number_spec import NumberSpec
    from ..models.option import Option
    from ..models.scale import Scale
    from ..models.show_if import ShowIf


T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """
    Attributes:
        key (str):
        text (str):
        type_ (QuestionType):
        help_ (None | str | Unset):
        required (bool | Unset):  Default: False.
        options (list[Option] | Unset):
        scale (None | Scale | Unset):
        number (None | NumberSpec | Unset):
        show_if (None | ShowIf | Unset):
        indicator (None | str | Unset):
    """

    key: str
    text: str
    type_: QuestionType
    help_: None | str | Unset = UNSET
    required: bool | Unset = False
    options: list[Option] | Unset = UNSET
    scale: None | Scale | Unset = UNSET
    number: None | NumberSpec | Unset = UNSET
    show_if: None | ShowIf | Unset = UNSET
    indicator: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.number_spec import NumberSpec  # noqa: PLC0415
        from ..models.scale import Scale  # noqa: PLC0415
        from ..models.show_if import ShowIf  # noqa: PLC0415

        key = self.key

        text = self.text

        type_ = self.type_.value

        help_: None | str | Unset
        if isinstance(self.help_, Unset):
            help_ = UNSET
        else:
            help_ = self.help_

        required = self.required

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        scale: dict[str, Any] | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, Scale):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        number: dict[str, Any] | None | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        elif isinstance(self.number, NumberSpec):
            number = self.number.to_dict()
        else:
            number = self.number

        show_if: dict[str, Any] | None | Unset
        if isinstance(self.show_if, Unset):
            show_if = UNSET
        elif isinstance(self.show_if, ShowIf):
            show_if = self.show_if.to_dict()
        else:
            show_if = self.show_if

        indicator: None | str | Unset
        if isinstance(self.indicator, Unset):
            indicator = UNSET
        else:
            indicator = self.indicator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "text": text,
                "type": type_,
            }
        )
        if help_ is not UNSET:
            field_dict["help"] = help_
        if required is not UNSET:
            field_dict["required"] = required
        if options is not UNSET:
            field_dict["options"] = options
        if scale is not UNSET:
            field_dict["scale"] = scale
        if number is not UNSET:
            field_dict["number"] = number
        if show_if is not UNSET:
            field_dict["show_if"] = show_if
        if indicator is not UNSET:
            field_dict["indicator"] = indicator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.number_spec import NumberSpec  # noqa: PLC0415
        from ..models.option import Option  # noqa: PLC0415
        from ..models.scale import Scale  # noqa: PLC0415
        from ..models.show_if import ShowIf  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        text = d.pop("text")

        type_ = QuestionType(d.pop("type"))

        def _parse_help_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_ = _parse_help_(d.pop("help", UNSET))

        required = d.pop("required", UNSET)

        _options = d.pop("options", UNSET)
        options: list[Option] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = Option.from_dict(options_item_data)

                options.append(options_item)

        def _parse_scale(data: object) -> None | Scale | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_0 = Scale.from_dict(data)

                return scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scale | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))

        def _parse_number(data: object) -> None | NumberSpec | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                number_type_0 = NumberSpec.from_dict(data)

                return number_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NumberSpec | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_show_if(data: object) -> None | ShowIf | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                show_if_type_0 = ShowIf.from_dict(data)

                return show_if_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShowIf | Unset, data)

        show_if = _parse_show_if(d.pop("show_if", UNSET))

        def _parse_indicator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        indicator = _parse_indicator(d.pop("indicator", UNSET))

        question = cls(
            key=key,
            text=text,
            type_=type_,
            help_=help_,
            required=required,
            options=options,
            scale=scale,
            number=number,
            show_if=show_if,
            indicator=indicator,
        )

        return question
