"""The SDK against the embedded server: tokens, idempotent registration, a referral sent by one
institution's system and answered by another's, If-Match retries, sync and async."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sdk_world import person_body, send_referral

from splot_sdk import (
    ConcurrentChangeError,
    PersonConflict,
    Splot,
    TokenError,
    aif_match_retry,
    ensure_person,
    if_match_retry,
)
from splot_sdk.directory.api.catalogue import list_service_types_v1_service_types_get as list_service_types
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.api.referrals import inbox_v1_referrals_inbox_get as inbox
from splot_sdk.referrals.api.webhooks import (
    create_subscription_v1_webhooks_subscriptions_post as create_subscription,
)
from splot_sdk.referrals.api.webhooks import (
    get_subscription_v1_webhooks_subscriptions_subscription_id_get as get_subscription,
)
from splot_sdk.referrals.api.webhooks import (
    update_subscription_v1_webhooks_subscriptions_subscription_id_patch as update_subscription,
)
from splot_sdk.referrals.api.workflow import (
    take_transition_v1_referrals_referral_id_transitions_post as take_transition,
)
from splot_sdk.referrals.models import (
    ReferralRead,
    Status,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionUpdate,
    SubscriptionWithSecret,
    TransitionAction,
    TransitionRequest,
)


def test_a_token_is_obtained_once_and_reused(base_url: str, pup_credentials: tuple[str, str]) -> None:
    with Splot(base_url, *pup_credentials) as splot:
        for _ in range(3):
            assert list_service_types.sync_detailed(client=splot.directory).status_code == 200
        assert splot.auth.tokens_obtained == 1


def test_a_token_about_to_expire_is_renewed_first(base_url: str, pup_credentials: tuple[str, str]) -> None:
    with Splot(base_url, *pup_credentials) as splot:
        assert list_service_types.sync_detailed(client=splot.directory).status_code == 200
        first = splot.auth.token
        splot.auth.refresh_margin = 10 * 3600  # every token now "expires within the margin"
        assert list_service_types.sync_detailed(client=splot.directory).status_code == 200
        assert splot.auth.tokens_obtained == 2
        assert splot.auth.token != first


def test_a_refused_token_is_renewed_once_and_the_request_repeated(
    base_url: str, pup_credentials: tuple[str, str]
) -> None:
    with Splot(base_url, *pup_credentials) as splot:
        assert list_service_types.sync_detailed(client=splot.directory).status_code == 200
        splot.auth._token = "not.a.token"  # as after a revocation or a retired signing key
        response = get_referral.sync_detailed(uuid.uuid4(), client=splot.referrals)
        assert response.status_code == 404  # answered with the new token (401 with the old one)
        assert splot.auth.tokens_obtained == 2


def test_wrong_credentials_are_a_token_error(base_url: str, pup_credentials: tuple[str, str]) -> None:
    with Splot(base_url, pup_credentials[0], "wrong-secret") as splot, pytest.raises(TokenError) as refused:
        list_service_types.sync_detailed(client=splot.directory)
    assert refused.value.status_code in (400, 401)


def test_a_person_is_registered_once(pup: Splot, ops: Splot) -> None:
    body = person_body()
    person_id, created = ensure_person(pup.clients, body)
    again, created_again = ensure_person(pup.clients, body)
    assert created and not created_again
    assert again == person_id
    # another institution registering the same PESEL does not get the PUP's record named
    with pytest.raises(PersonConflict) as other:
        ensure_person(ops.clients, {**body, "last_name": "Inna"})
    assert other.value.status == 409 and other.value.body["code"] == "likely_duplicate"
    assert person_id not in str(other.value.body)


def test_a_retried_registration_with_its_idempotency_key_gets_the_first_answer(pup: Splot) -> None:
    body = person_body()
    key = str(uuid.uuid4())
    person_id, created = ensure_person(pup.clients, body, idempotency_key=key)
    # The answer was lost; the same request again: the same record, answered as the first time.
    again, created_again = ensure_person(pup.clients, body, idempotency_key=key)
    assert created and (again, created_again) == (person_id, False)
    with pytest.raises(PersonConflict) as reused:  # the same key for another request
        ensure_person(pup.clients, {**body, "first_name": "Inny"}, idempotency_key=key)
    assert (reused.value.status, reused.value.body["code"]) == (422, "idempotency_key_reused")


def _accept(who: Splot, referral_id: uuid.UUID) -> Any:
    return if_match_retry(
        read=lambda: get_referral.sync_detailed(referral_id, client=who.referrals),
        change=lambda _current: TransitionRequest(action=TransitionAction.ACCEPT, text="Przyjmujemy"),
        write=lambda body, etag: take_transition.sync_detailed(
            referral_id, client=who.referrals, body=body, if_match=etag
        ),
    )


def test_a_referral_sent_by_one_system_is_answered_by_the_other(pup: Splot, ops: Splot) -> None:
    sent = send_referral(pup, ops)
    assert sent.status == Status.REQUESTED
    incoming = inbox.sync(client=ops.referrals)
    assert incoming is not None and sent.id in [item.id for item in incoming.items]

    answered = _accept(ops, sent.id)
    assert answered.status_code == 200, answered.content
    seen_by_sender = get_referral.sync(sent.id, client=pup.referrals)
    assert isinstance(seen_by_sender, ReferralRead)
    assert seen_by_sender.status == Status.ACCEPTED


def _subscription(splot: Splot) -> SubscriptionWithSecret:
    created = create_subscription.sync_detailed(
        client=splot.referrals,
        body=SubscriptionCreate(url="http://127.0.0.1:9/never-delivered", description="v0", event_types=[]),
    )
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, SubscriptionWithSecret)
    return created.parsed


def test_if_match_retry_survives_a_concurrent_change(pup: Splot) -> None:
    subscription = _subscription(pup)
    reads: list[str] = []

    def change(current: SubscriptionRead) -> SubscriptionUpdate:
        reads.append(current.description or "")
        if len(reads) == 1:  # somebody else changes it between our read and our write
            fresh = get_subscription.sync_detailed(subscription.id, client=pup.referrals)
            other = update_subscription.sync_detailed(
                subscription.id,
                client=pup.referrals,
                body=SubscriptionUpdate(description="changed meanwhile"),
                if_match=fresh.headers["etag"],
            )
            assert other.status_code == 200
        return SubscriptionUpdate(description=(current.description or "") + " + ours")

    result = if_match_retry(
        read=lambda: get_subscription.sync_detailed(subscription.id, client=pup.referrals),
        change=change,
        write=lambda body, etag: update_subscription.sync_detailed(
            subscription.id, client=pup.referrals, body=body, if_match=etag
        ),
    )
    assert result.status_code == 200
    assert reads == ["v0", "changed meanwhile"]  # the 412 made it read again and re-apply
    assert isinstance(result.parsed, SubscriptionRead)
    assert result.parsed.description == "changed meanwhile + ours"


def test_if_match_retry_gives_up_after_its_attempts(pup: Splot) -> None:
    subscription = _subscription(pup)

    def always_stale(body: SubscriptionUpdate, etag: str) -> Any:
        return update_subscription.sync_detailed(
            subscription.id, client=pup.referrals, body=body, if_match='"0-stale"'
        )

    with pytest.raises(ConcurrentChangeError) as gave_up:
        if_match_retry(
            read=lambda: get_subscription.sync_detailed(subscription.id, client=pup.referrals),
            change=lambda _current: SubscriptionUpdate(description="never"),
            write=always_stale,
            attempts=2,
        )
    assert gave_up.value.attempts == 2 and gave_up.value.response.status_code == 412


async def test_the_async_functions_share_the_authentication(
    base_url: str, pup: Splot, ops: Splot, ops_credentials: tuple[str, str]
) -> None:
    sent = send_referral(pup, ops)
    async with Splot(base_url, *ops_credentials) as ops_async:
        answered = await aif_match_retry(
            read=lambda: get_referral.asyncio_detailed(sent.id, client=ops_async.referrals),
            change=lambda _current: TransitionRequest(action=TransitionAction.ACCEPT),
            write=lambda body, etag: take_transition.asyncio_detailed(
                sent.id, client=ops_async.referrals, body=body, if_match=etag
            ),
        )
        assert answered.status_code == 200, answered.content
        assert isinstance(answered.parsed, ReferralRead) and answered.parsed.status == Status.ACCEPTED
        assert ops_async.auth.tokens_obtained == 1
