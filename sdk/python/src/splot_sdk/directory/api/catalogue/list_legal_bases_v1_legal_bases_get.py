from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.institution_type import InstitutionType
from ...models.legal_basis_list import LegalBasisList
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    institution_type: InstitutionType | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_institution_type: None | str | Unset
    if isinstance(institution_type, Unset):
        json_institution_type = UNSET
    elif isinstance(institution_type, InstitutionType):
        json_institution_type = institution_type.value
    else:
        json_institution_type = institution_type
    params["institution_type"] = json_institution_type

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/legal-bases",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = LegalBasisList.from_dict(response.json())

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
) -> Response[ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    institution_type: InstitutionType | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
) -> Response[ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem]:
    """List Legal Bases

     The catalogue of statutory legal bases: provisions of Polish law, the institution types
    whose task each is and the service types it covers (an empty list: every one). Filtered by
    institution type and service type, it lists what such a sender may cite for such a referral.

    Args:
        institution_type (InstitutionType | None | Unset):
        service_type (None | str | Unset):
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_type=institution_type,
        service_type=service_type,
        active=active,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    institution_type: InstitutionType | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
) -> ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem | None:
    """List Legal Bases

     The catalogue of statutory legal bases: provisions of Polish law, the institution types
    whose task each is and the service types it covers (an empty list: every one). Filtered by
    institution type and service type, it lists what such a sender may cite for such a referral.

    Args:
        institution_type (InstitutionType | None | Unset):
        service_type (None | str | Unset):
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        institution_type=institution_type,
        service_type=service_type,
        active=active,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    institution_type: InstitutionType | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
) -> Response[ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem]:
    """List Legal Bases

     The catalogue of statutory legal bases: provisions of Polish law, the institution types
    whose task each is and the service types it covers (an empty list: every one). Filtered by
    institution type and service type, it lists what such a sender may cite for such a referral.

    Args:
        institution_type (InstitutionType | None | Unset):
        service_type (None | str | Unset):
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_type=institution_type,
        service_type=service_type,
        active=active,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    institution_type: InstitutionType | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
) -> ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem | None:
    """List Legal Bases

     The catalogue of statutory legal bases: provisions of Polish law, the institution types
    whose task each is and the service types it covers (an empty list: every one). Filtered by
    institution type and service type, it lists what such a sender may cite for such a referral.

    Args:
        institution_type (InstitutionType | None | Unset):
        service_type (None | str | Unset):
        active (bool | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | LegalBasisList | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            institution_type=institution_type,
            service_type=service_type,
            active=active,
        )
    ).parsed
