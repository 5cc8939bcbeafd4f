from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.granularity import Granularity
from ...models.measure_name import MeasureName
from ...models.problem_detail import ProblemDetail
from ...models.series_read import SeriesRead
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    measures: list[MeasureName],
    granularity: Granularity | Unset = UNSET,
    period_from: None | str | Unset = UNSET,
    period_to: None | str | Unset = UNSET,
    sender_voivodeship: None | str | Unset = UNSET,
    sender_powiat: None | str | Unset = UNSET,
    target_voivodeship: None | str | Unset = UNSET,
    target_powiat: None | str | Unset = UNSET,
    sender_type: None | str | Unset = UNSET,
    target_type: None | str | Unset = UNSET,
    route: None | str | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    priority: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    age_band: None | str | Unset = UNSET,
    sex: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_measures = []
    for measures_item_data in measures:
        measures_item = measures_item_data.value
        json_measures.append(measures_item)

    params["measures"] = json_measures

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity.value

    params["granularity"] = json_granularity

    json_period_from: None | str | Unset
    if isinstance(period_from, Unset):
        json_period_from = UNSET
    else:
        json_period_from = period_from
    params["period_from"] = json_period_from

    json_period_to: None | str | Unset
    if isinstance(period_to, Unset):
        json_period_to = UNSET
    else:
        json_period_to = period_to
    params["period_to"] = json_period_to

    json_sender_voivodeship: None | str | Unset
    if isinstance(sender_voivodeship, Unset):
        json_sender_voivodeship = UNSET
    else:
        json_sender_voivodeship = sender_voivodeship
    params["sender_voivodeship"] = json_sender_voivodeship

    json_sender_powiat: None | str | Unset
    if isinstance(sender_powiat, Unset):
        json_sender_powiat = UNSET
    else:
        json_sender_powiat = sender_powiat
    params["sender_powiat"] = json_sender_powiat

    json_target_voivodeship: None | str | Unset
    if isinstance(target_voivodeship, Unset):
        json_target_voivodeship = UNSET
    else:
        json_target_voivodeship = target_voivodeship
    params["target_voivodeship"] = json_target_voivodeship

    json_target_powiat: None | str | Unset
    if isinstance(target_powiat, Unset):
        json_target_powiat = UNSET
    else:
        json_target_powiat = target_powiat
    params["target_powiat"] = json_target_powiat

    json_sender_type: None | str | Unset
    if isinstance(sender_type, Unset):
        json_sender_type = UNSET
    else:
        json_sender_type = sender_type
    params["sender_type"] = json_sender_type

    json_target_type: None | str | Unset
    if isinstance(target_type, Unset):
        json_target_type = UNSET
    else:
        json_target_type = target_type
    params["target_type"] = json_target_type

    json_route: None | str | Unset
    if isinstance(route, Unset):
        json_route = UNSET
    else:
        json_route = route
    params["route"] = json_route

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    json_priority: None | str | Unset
    if isinstance(priority, Unset):
        json_priority = UNSET
    else:
        json_priority = priority
    params["priority"] = json_priority

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_age_band: None | str | Unset
    if isinstance(age_band, Unset):
        json_age_band = UNSET
    else:
        json_age_band = age_band
    params["age_band"] = json_age_band

    json_sex: None | str | Unset
    if isinstance(sex, Unset):
        json_sex = UNSET
    else:
        json_sex = sex
    params["sex"] = json_sex

    json_programme: None | str | Unset
    if isinstance(programme, Unset):
        json_programme = UNSET
    else:
        json_programme = programme
    params["programme"] = json_programme

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/series",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = SeriesRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    measures: list[MeasureName],
    granularity: Granularity | Unset = UNSET,
    period_from: None | str | Unset = UNSET,
    period_to: None | str | Unset = UNSET,
    sender_voivodeship: None | str | Unset = UNSET,
    sender_powiat: None | str | Unset = UNSET,
    target_voivodeship: None | str | Unset = UNSET,
    target_powiat: None | str | Unset = UNSET,
    sender_type: None | str | Unset = UNSET,
    target_type: None | str | Unset = UNSET,
    route: None | str | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    priority: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    age_band: None | str | Unset = UNSET,
    sex: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem]:
    """Series

     A time series of measures: one point per period of the range (of the granularity); a
    period outside the data (before the first referral, or in the future) has null values, a gap
    rather than a zero.

    Args:
        measures (list[MeasureName]): Measures to compute
        granularity (Granularity | Unset):
        period_from (None | str | Unset): First period (of the granularity)
        period_to (None | str | Unset): Last period (of the granularity)
        sender_voivodeship (None | str | Unset): Only sender_voivodeship equal to this
        sender_powiat (None | str | Unset): Only sender_powiat equal to this
        target_voivodeship (None | str | Unset): Only target_voivodeship equal to this
        target_powiat (None | str | Unset): Only target_powiat equal to this
        sender_type (None | str | Unset): Only sender_type equal to this
        target_type (None | str | Unset): Only target_type equal to this
        route (None | str | Unset): Only route equal to this
        service_type (None | str | Unset): Only service_type equal to this
        priority (None | str | Unset): Only priority equal to this
        status (None | str | Unset): Only status equal to this
        age_band (None | str | Unset): Only age_band equal to this
        sex (None | str | Unset): Only sex equal to this
        programme (None | str | Unset): Only programme equal to this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem]
    """

    kwargs = _get_kwargs(
        measures=measures,
        granularity=granularity,
        period_from=period_from,
        period_to=period_to,
        sender_voivodeship=sender_voivodeship,
        sender_powiat=sender_powiat,
        target_voivodeship=target_voivodeship,
        target_powiat=target_powiat,
        sender_type=sender_type,
        target_type=target_type,
        route=route,
        service_type=service_type,
        priority=priority,
        status=status,
        age_band=age_band,
        sex=sex,
        programme=programme,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    measures: list[MeasureName],
    granularity: Granularity | Unset = UNSET,
    period_from: None | str | Unset = UNSET,
    period_to: None | str | Unset = UNSET,
    sender_voivodeship: None | str | Unset = UNSET,
    sender_powiat: None | str | Unset = UNSET,
    target_voivodeship: None | str | Unset = UNSET,
    target_powiat: None | str | Unset = UNSET,
    sender_type: None | str | Unset = UNSET,
    target_type: None | str | Unset = UNSET,
    route: None | str | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    priority: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    age_band: None | str | Unset = UNSET,
    sex: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem | None:
    """Series

     A time series of measures: one point per period of the range (of the granularity); a
    period outside the data (before the first referral, or in the future) has null values, a gap
    rather than a zero.

    Args:
        measures (list[MeasureName]): Measures to compute
        granularity (Granularity | Unset):
        period_from (None | str | Unset): First period (of the granularity)
        period_to (None | str | Unset): Last period (of the granularity)
        sender_voivodeship (None | str | Unset): Only sender_voivodeship equal to this
        sender_powiat (None | str | Unset): Only sender_powiat equal to this
        target_voivodeship (None | str | Unset): Only target_voivodeship equal to this
        target_powiat (None | str | Unset): Only target_powiat equal to this
        sender_type (None | str | Unset): Only sender_type equal to this
        target_type (None | str | Unset): Only target_type equal to this
        route (None | str | Unset): Only route equal to this
        service_type (None | str | Unset): Only service_type equal to this
        priority (None | str | Unset): Only priority equal to this
        status (None | str | Unset): Only status equal to this
        age_band (None | str | Unset): Only age_band equal to this
        sex (None | str | Unset): Only sex equal to this
        programme (None | str | Unset): Only programme equal to this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem
    """

    return sync_detailed(
        client=client,
        measures=measures,
        granularity=granularity,
        period_from=period_from,
        period_to=period_to,
        sender_voivodeship=sender_voivodeship,
        sender_powiat=sender_powiat,
        target_voivodeship=target_voivodeship,
        target_powiat=target_powiat,
        sender_type=sender_type,
        target_type=target_type,
        route=route,
        service_type=service_type,
        priority=priority,
        status=status,
        age_band=age_band,
        sex=sex,
        programme=programme,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    measures: list[MeasureName],
    granularity: Granularity | Unset = UNSET,
    period_from: None | str | Unset = UNSET,
    period_to: None | str | Unset = UNSET,
    sender_voivodeship: None | str | Unset = UNSET,
    sender_powiat: None | str | Unset = UNSET,
    target_voivodeship: None | str | Unset = UNSET,
    target_powiat: None | str | Unset = UNSET,
    sender_type: None | str | Unset = UNSET,
    target_type: None | str | Unset = UNSET,
    route: None | str | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    priority: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    age_band: None | str | Unset = UNSET,
    sex: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem]:
    """Series

     A time series of measures: one point per period of the range (of the granularity); a
    period outside the data (before the first referral, or in the future) has null values, a gap
    rather than a zero.

    Args:
        measures (list[MeasureName]): Measures to compute
        granularity (Granularity | Unset):
        period_from (None | str | Unset): First period (of the granularity)
        period_to (None | str | Unset): Last period (of the granularity)
        sender_voivodeship (None | str | Unset): Only sender_voivodeship equal to this
        sender_powiat (None | str | Unset): Only sender_powiat equal to this
        target_voivodeship (None | str | Unset): Only target_voivodeship equal to this
        target_powiat (None | str | Unset): Only target_powiat equal to this
        sender_type (None | str | Unset): Only sender_type equal to this
        target_type (None | str | Unset): Only target_type equal to this
        route (None | str | Unset): Only route equal to this
        service_type (None | str | Unset): Only service_type equal to this
        priority (None | str | Unset): Only priority equal to this
        status (None | str | Unset): Only status equal to this
        age_band (None | str | Unset): Only age_band equal to this
        sex (None | str | Unset): Only sex equal to this
        programme (None | str | Unset): Only programme equal to this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem]
    """

    kwargs = _get_kwargs(
        measures=measures,
        granularity=granularity,
        period_from=period_from,
        period_to=period_to,
        sender_voivodeship=sender_voivodeship,
        sender_powiat=sender_powiat,
        target_voivodeship=target_voivodeship,
        target_powiat=target_powiat,
        sender_type=sender_type,
        target_type=target_type,
        route=route,
        service_type=service_type,
        priority=priority,
        status=status,
        age_band=age_band,
        sex=sex,
        programme=programme,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    measures: list[MeasureName],
    granularity: Granularity | Unset = UNSET,
    period_from: None | str | Unset = UNSET,
    period_to: None | str | Unset = UNSET,
    sender_voivodeship: None | str | Unset = UNSET,
    sender_powiat: None | str | Unset = UNSET,
    target_voivodeship: None | str | Unset = UNSET,
    target_powiat: None | str | Unset = UNSET,
    sender_type: None | str | Unset = UNSET,
    target_type: None | str | Unset = UNSET,
    route: None | str | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    priority: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    age_band: None | str | Unset = UNSET,
    sex: None | str | Unset = UNSET,
    programme: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem | None:
    """Series

     A time series of measures: one point per period of the range (of the granularity); a
    period outside the data (before the first referral, or in the future) has null values, a gap
    rather than a zero.

    Args:
        measures (list[MeasureName]): Measures to compute
        granularity (Granularity | Unset):
        period_from (None | str | Unset): First period (of the granularity)
        period_to (None | str | Unset): Last period (of the granularity)
        sender_voivodeship (None | str | Unset): Only sender_voivodeship equal to this
        sender_powiat (None | str | Unset): Only sender_powiat equal to this
        target_voivodeship (None | str | Unset): Only target_voivodeship equal to this
        target_powiat (None | str | Unset): Only target_powiat equal to this
        sender_type (None | str | Unset): Only sender_type equal to this
        target_type (None | str | Unset): Only target_type equal to this
        route (None | str | Unset): Only route equal to this
        service_type (None | str | Unset): Only service_type equal to this
        priority (None | str | Unset): Only priority equal to this
        status (None | str | Unset): Only status equal to this
        age_band (None | str | Unset): Only age_band equal to this
        sex (None | str | Unset): Only sex equal to this
        programme (None | str | Unset): Only programme equal to this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | SeriesRead | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            measures=measures,
            granularity=granularity,
            period_from=period_from,
            period_to=period_to,
            sender_voivodeship=sender_voivodeship,
            sender_powiat=sender_powiat,
            target_voivodeship=target_voivodeship,
            target_powiat=target_powiat,
            sender_type=sender_type,
            target_type=target_type,
            route=route,
            service_type=service_type,
            priority=priority,
            status=status,
            age_band=age_band,
            sex=sex,
            programme=programme,
        )
    ).parsed
