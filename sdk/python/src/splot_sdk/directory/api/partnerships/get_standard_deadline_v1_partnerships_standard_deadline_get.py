from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.standard_deadline import StandardDeadline
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    sender_institution_id: UUID,
    receiver_institution_id: UUID,
    service_type: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sender_institution_id = str(sender_institution_id)
    params["sender_institution_id"] = json_sender_institution_id

    json_receiver_institution_id = str(receiver_institution_id)
    params["receiver_institution_id"] = json_receiver_institution_id

    params["service_type"] = service_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/partnerships/standard-deadline",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = StandardDeadline.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sender_institution_id: UUID,
    receiver_institution_id: UUID,
    service_type: str,
) -> Response[ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem]:
    """Get Standard Deadline

     The working-day deadline the standard of an in-force partnership of both institutions sets
    for the receiver's answer on this service type (404 when none applies). For the referrals
    service (a service token with ``directory:read``) and staff.

    Args:
        sender_institution_id (UUID):
        receiver_institution_id (UUID):
        service_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem]
    """

    kwargs = _get_kwargs(
        sender_institution_id=sender_institution_id,
        receiver_institution_id=receiver_institution_id,
        service_type=service_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sender_institution_id: UUID,
    receiver_institution_id: UUID,
    service_type: str,
) -> ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem | None:
    """Get Standard Deadline

     The working-day deadline the standard of an in-force partnership of both institutions sets
    for the receiver's answer on this service type (404 when none applies). For the referrals
    service (a service token with ``directory:read``) and staff.

    Args:
        sender_institution_id (UUID):
        receiver_institution_id (UUID):
        service_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem
    """

    return sync_detailed(
        client=client,
        sender_institution_id=sender_institution_id,
        receiver_institution_id=receiver_institution_id,
        service_type=service_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sender_institution_id: UUID,
    receiver_institution_id: UUID,
    service_type: str,
) -> Response[ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem]:
    """Get Standard Deadline

     The working-day deadline the standard of an in-force partnership of both institutions sets
    for the receiver's answer on this service type (404 when none applies). For the referrals
    service (a service token with ``directory:read``) and staff.

    Args:
        sender_institution_id (UUID):
        receiver_institution_id (UUID):
        service_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem]
    """

    kwargs = _get_kwargs(
        sender_institution_id=sender_institution_id,
        receiver_institution_id=receiver_institution_id,
        service_type=service_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sender_institution_id: UUID,
    receiver_institution_id: UUID,
    service_type: str,
) -> ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem | None:
    """Get Standard Deadline

     The working-day deadline the standard of an in-force partnership of both institutions sets
    for the receiver's answer on this service type (404 when none applies). For the referrals
    service (a service token with ``directory:read``) and staff.

    Args:
        sender_institution_id (UUID):
        receiver_institution_id (UUID):
        service_type (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StandardDeadline | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            sender_institution_id=sender_institution_id,
            receiver_institution_id=receiver_institution_id,
            service_type=service_type,
        )
    ).parsed
