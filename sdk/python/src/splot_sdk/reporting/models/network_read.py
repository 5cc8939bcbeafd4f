from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.edge import Edge
    from ..models.node import Node
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="NetworkRead")


@_attrs_define
class NetworkRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        period (str):
        nodes (list[Node]):
        edges (list[Edge]):
        truncated (bool):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    period: str
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        period = self.period

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "period": period,
                "nodes": nodes,
                "edges": edges,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.edge import Edge  # noqa: PLC0415
        from ..models.node import Node  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        period = d.pop("period")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = Node.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = Edge.from_dict(edges_item_data)

            edges.append(edges_item)

        truncated = d.pop("truncated")

        network_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            period=period,
            nodes=nodes,
            edges=edges,
            truncated=truncated,
        )

        network_read.additional_properties = d
        return network_read

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
