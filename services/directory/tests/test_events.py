"""The directory's event contracts: every type it emits is declared, with an example that fits
its schema, and no payload schema has a field for a name or an e-mail address."""

from splot.common.events import declared
from splot.directory import events  # noqa: F401  (the declarations)

EMITTED = {
    "institution.created",
    "institution.updated",
    "offer.created",
    "offer.updated",
    "offer.capacity_changed",
    "agreement.created",
    "agreement.updated",
    "agreement.confirmed",
    "agreement.terminated",
    "agreement.superseded",
    "partnership.created",
    "partnership.updated",
    "partnership.invitation_answered",
    "partnership.party_left",
    "evaluation.submitted",
    "user.created",
    "user.roles_changed",
    "user.deactivated",
    "user.activated",
}


def test_every_emitted_event_type_is_declared_with_a_valid_example():
    types = {t.name: t for t in declared("directory")}
    assert set(types) == EMITTED
    for event in types.values():
        examples = event.payload.model_json_schema().get("examples")
        assert examples, event.name
        for example in examples:
            event.payload.model_validate(example)


def test_user_events_have_no_personal_fields():
    user_types = [t for t in declared("directory") if t.aggregate_type == "user"]
    assert user_types
    for event in user_types:
        assert set(event.payload.model_fields) == {"id", "institution_id", "roles", "analyst_scope"}
