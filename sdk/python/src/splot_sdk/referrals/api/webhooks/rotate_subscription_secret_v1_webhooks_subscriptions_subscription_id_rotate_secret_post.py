from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.subscription_with_secret import SubscriptionWithSecret
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/subscriptions/{subscription_id}/rotate-secret".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = SubscriptionWithSecret.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = StaleEtagProblem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetail.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ProblemDetail.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem
]:
    """Rotate Subscription Secret

     Issue a new signing secret (shown only now). For `webhook_secret_rotation_grace_seconds` (24 h
    by default) deliveries are signed with both the new and the previous secret.

    Args:
        subscription_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem | None:
    """Rotate Subscription Secret

     Issue a new signing secret (shown only now). For `webhook_secret_rotation_grace_seconds` (24 h
    by default) deliveries are signed with both the new and the previous secret.

    Args:
        subscription_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[
    ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem
]:
    """Rotate Subscription Secret

     Issue a new signing secret (shown only now). For `webhook_secret_rotation_grace_seconds` (24 h
    by default) deliveries are signed with both the new and the previous secret.

    Args:
        subscription_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem | None:
    """Rotate Subscription Secret

     Issue a new signing secret (shown only now). For `webhook_secret_rotation_grace_seconds` (24 h
    by default) deliveries are signed with both the new and the previous secret.

    Args:
        subscription_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StaleEtagProblem | SubscriptionWithSecret | ValidationProblem
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
