from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LegalBasisRead")


@_attrs_define
class LegalBasisRead:
    """
    Attributes:
        code (str):
        act_title (str): The act's full title
        act_short_name (str):
        act_journal (None | str): Where the act is published, when given
        article (None | str): None: the act and its task are cited without an article
        paragraph (None | str): ustęp
        point (None | str): punkt
        citation (str):
        title_pl (str):
        title_en (str):
        institution_types (list[str]): Institution types whose statutory task it is
        service_types (list[str]): Service types it covers; empty: every service type
        active (bool):
    """

    code: str
    act_title: str
    act_short_name: str
    act_journal: None | str
    article: None | str
    paragraph: None | str
    point: None | str
    citation: str
    title_pl: str
    title_en: str
    institution_types: list[str]
    service_types: list[str]
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        act_title = self.act_title

        act_short_name = self.act_short_name

        act_journal: None | str
        act_journal = self.act_journal

        article: None | str
        article = self.article

        paragraph: None | str
        paragraph = self.paragraph

        point: None | str
        point = self.point

        citation = self.citation

        title_pl = self.title_pl

        title_en = self.title_en

        institution_types = self.institution_types

        service_types = self.service_types

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "act_title": act_title,
                "act_short_name": act_short_name,
                "act_journal": act_journal,
                "article": article,
                "paragraph": paragraph,
                "point": point,
                "citation": citation,
                "title_pl": title_pl,
                "title_en": title_en,
                "institution_types": institution_types,
                "service_types": service_types,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        act_title = d.pop("act_title")

        act_short_name = d.pop("act_short_name")

        def _parse_act_journal(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        act_journal = _parse_act_journal(d.pop("act_journal"))

        def _parse_article(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        article = _parse_article(d.pop("article"))

        def _parse_paragraph(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paragraph = _parse_paragraph(d.pop("paragraph"))

        def _parse_point(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        point = _parse_point(d.pop("point"))

        citation = d.pop("citation")

        title_pl = d.pop("title_pl")

        title_en = d.pop("title_en")

        institution_types = cast(list[str], d.pop("institution_types"))

        service_types = cast(list[str], d.pop("service_types"))

        active = d.pop("active")

        legal_basis_read = cls(
            code=code,
            act_title=act_title,
            act_short_name=act_short_name,
            act_journal=act_journal,
            article=article,
            paragraph=paragraph,
            point=point,
            citation=citation,
            title_pl=title_pl,
            title_en=title_en,
            institution_types=institution_types,
            service_types=service_types,
            active=active,
        )

        legal_basis_read.additional_properties = d
        return legal_basis_read

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
