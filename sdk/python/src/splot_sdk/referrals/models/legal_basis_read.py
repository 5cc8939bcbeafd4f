from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legal_basis_read_kind import LegalBasisReadKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalBasisRead")


@_attrs_define
class LegalBasisRead:
    """
    Attributes:
        kind (LegalBasisReadKind):
        code (None | str | Unset): The provision's code in the legal-basis catalogue (statutory bases)
        citation (None | str | Unset): The provision as the catalogue cited it when the referral was saved or sent (a
            snapshot); referrals recorded before the catalogue show their free-text citation
        article (None | str | Unset): Deprecated: the same text as ``citation``
        consent_id (None | Unset | UUID):
    """

    kind: LegalBasisReadKind
    code: None | str | Unset = UNSET
    citation: None | str | Unset = UNSET
    article: None | str | Unset = UNSET
    consent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        citation: None | str | Unset
        if isinstance(self.citation, Unset):
            citation = UNSET
        else:
            citation = self.citation

        article: None | str | Unset
        if isinstance(self.article, Unset):
            article = UNSET
        else:
            article = self.article

        consent_id: None | str | Unset
        if isinstance(self.consent_id, Unset):
            consent_id = UNSET
        elif isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if citation is not UNSET:
            field_dict["citation"] = citation
        if article is not UNSET:
            field_dict["article"] = article
        if consent_id is not UNSET:
            field_dict["consent_id"] = consent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = LegalBasisReadKind(d.pop("kind"))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_citation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        citation = _parse_citation(d.pop("citation", UNSET))

        def _parse_article(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        article = _parse_article(d.pop("article", UNSET))

        def _parse_consent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_id_type_0 = UUID(data)

                return consent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        consent_id = _parse_consent_id(d.pop("consent_id", UNSET))

        legal_basis_read = cls(
            kind=kind,
            code=code,
            citation=citation,
            article=article,
            consent_id=consent_id,
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
