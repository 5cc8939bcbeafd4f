"""Request bodies are strict: JSON ``false`` is not the number 0, ``"5"`` is not 5, ``1`` is not
``true``; and a field the resource always has cannot be patched to null."""

import typing

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from splot.directory import schemas

from conftest import etag


def _input_models() -> list[type[schemas.Input]]:
    found, todo = [], [schemas.Input]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def _json_types(field_schema: dict) -> set[str]:
    types = {field_schema.get("type")} if "type" in field_schema else set()
    for option in field_schema.get("anyOf", []):
        types |= _json_types(option)
    return types - {None, "null"}


def _number_and_boolean_fields() -> list[tuple[type[BaseModel], str, str]]:
    cases = []
    for model in _input_models():
        properties = model.model_json_schema()["properties"]
        for name, field_schema in properties.items():
            for json_type in _json_types(field_schema) & {"integer", "boolean"}:
                cases.append((model, name, json_type))
    return cases


def test_the_directory_has_number_and_boolean_inputs_to_check():
    found = {(m.__name__, n) for m, n, _ in _number_and_boolean_fields()}
    assert {("OfferCreate", "capacity_max"), ("CapacityUpdate", "capacity_available")} <= found
    assert {("InstitutionUpdate", "active"), ("OfferUpdate", "active")} <= found


@pytest.mark.parametrize(
    ("model", "name", "json_type"),
    _number_and_boolean_fields(),
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_every_number_and_boolean_input_is_strict(model, name, json_type):
    info = model.model_fields[name]
    annotation = typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    adapter = TypeAdapter(annotation)
    wrong = [False, True, "5", "1", 5.5] if json_type == "integer" else [0, 1, "true", "false", "yes"]
    for value in wrong:
        with pytest.raises(ValidationError):
            adapter.validate_python(value)
    adapter.validate_python(5 if json_type == "integer" else True)


OFFER = {"service_type_code": "kis", "name": "KIS", "capacity_available": 3, "capacity_max": 10}


@pytest.mark.parametrize("value", [False, True, "5", 2.5])
async def test_capacities_refuse_booleans_strings_and_fractions(client, factory, value):
    ngo = await factory.institution("NGO")
    headers = factory.headers(await factory.user(ngo, "coordinator"))
    for field in ("capacity_max", "capacity_available"):
        response = await client.post(
            f"/v1/institutions/{ngo.id}/offers", json={**OFFER, field: value}, headers=headers
        )
        assert response.status_code == 422, (field, value)
        assert response.json()["errors"][0]["loc"][:2] == ["body", field]
    offer = (await client.post(f"/v1/institutions/{ngo.id}/offers", json=OFFER, headers=headers)).json()
    for body in ({"capacity_available": value}, {"capacity_available": 1, "capacity_max": value}):
        response = await client.put(f"/v1/offers/{offer['id']}/capacity", json=body, headers=headers)
        assert response.status_code == 422, body
    unchanged = await client.get(f"/v1/offers/{offer['id']}", headers=headers)
    assert (unchanged.json()["capacity_available"], unchanged.json()["capacity_max"]) == (3, 10)


@pytest.mark.parametrize("value", [0, 1, "true", "false"])
async def test_active_flags_refuse_numbers_and_strings(client, factory, sysadmin, value):
    ngo = await factory.institution("NGO")
    headers = factory.headers(sysadmin)
    current = await client.get(f"/v1/institutions/{ngo.id}", headers=headers)
    response = await client.patch(
        f"/v1/institutions/{ngo.id}",
        json={"active": value},
        headers={**headers, "If-Match": current.headers["etag"]},
    )
    assert response.status_code == 422
    offer = (await client.post(f"/v1/institutions/{ngo.id}/offers", json=OFFER, headers=headers)).json()
    response = await client.patch(
        f"/v1/offers/{offer['id']}",
        json={"active": value},
        headers={**headers, "If-Match": f'"{offer["id"]}.1"'},
    )
    assert response.status_code == 422


async def test_fields_the_resource_always_has_cannot_be_patched_to_null(client, factory, sysadmin):
    ngo = await factory.institution("NGO")
    staff = await factory.user(ngo)
    headers = factory.headers(sysadmin)
    current = await client.get(f"/v1/institutions/{ngo.id}", headers=headers)
    for body in ({"name": None}, {"active": None}, {"teryt": None}):
        response = await client.patch(
            f"/v1/institutions/{ngo.id}", json=body, headers={**headers, "If-Match": current.headers["etag"]}
        )
        assert response.status_code == 422, body
    for body in ({"full_name": None}, {"roles": None}):
        response = await client.patch(
            f"/v1/users/{staff.user.id}", json=body, headers={**headers, **etag(staff.user)}
        )
        assert response.status_code == 422, body
    # Optional fields still can be cleared.
    cleared = await client.patch(
        f"/v1/institutions/{ngo.id}",
        json={"phone": None},
        headers={**headers, "If-Match": current.headers["etag"]},
    )
    assert cleared.status_code == 200
