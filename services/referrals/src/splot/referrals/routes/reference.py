"""Reference data: reason and outcome codes, and the workflow table the service enforces."""

from __future__ import annotations

from fastapi import APIRouter

from splot.common.api import LIST_RESPONSES
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.referrals import queries, schemas

router = APIRouter(prefix="/v1", tags=["reference"])


@router.get("/reason-codes", response_model=schemas.ReasonCodeList, responses=LIST_RESPONSES)
async def list_reason_codes(session: SessionDep, _: CurrentPrincipal) -> schemas.ReasonCodeList:
    """Reasons for rejecting, withdrawing, failing or cancelling a referral, with the actions each fits."""
    items = await queries.reason_codes(session)
    return schemas.ReasonCodeList(items=[schemas.ReasonCodeRead.model_validate(i) for i in items])


@router.get("/outcome-codes", response_model=schemas.OutcomeCodeList, responses=LIST_RESPONSES)
async def list_outcome_codes(
    session: SessionDep, _: CurrentPrincipal, kind: schemas.OutcomeKind | None = None
) -> schemas.OutcomeCodeList:
    """Outcomes of completed referrals and of follow-up checks."""
    items = await queries.outcome_codes(session, kind=kind.value if kind else None)
    return schemas.OutcomeCodeList(items=[schemas.OutcomeCodeRead.model_validate(i) for i in items])


@router.get("/workflow", response_model=schemas.WorkflowRead, responses=LIST_RESPONSES)
async def get_workflow(_: CurrentPrincipal) -> schemas.WorkflowRead:
    """The transition table the service enforces: actions, statuses, sides, roles and fields."""
    return queries.workflow_table()
