"""What the routers share: the ``splot_id`` path convertor, the caller as an :class:`Actor`, the
peers, the typed settings, and committing a change before its access state goes to the registry."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.convertors import Convertor, register_url_convertor

from splot.common.api import settings_of
from splot.common.auth import CurrentPrincipal
from splot.referrals import access, occupancy, plan_actions
from splot.referrals.config import ReferralsSettings
from splot.referrals.peers import Peers, get_peers
from splot.referrals.workflow import Actor


class _IdConvertor(Convertor[uuid.UUID]):
    """Ids in paths match only UUIDs (any case), so ``/v1/referrals/inbox`` never reaches
    ``/v1/referrals/{referral_id}`` and a wrong method there is a 405, not a 422."""

    regex = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    def convert(self, value: str) -> uuid.UUID:
        return uuid.UUID(value)

    def to_string(self, value: uuid.UUID) -> str:
        return str(value)


register_url_convertor("splot_id", _IdConvertor())


async def _actor(principal: CurrentPrincipal) -> Actor:
    return Actor.from_principal(principal)


ActorDep = Annotated[Actor, Depends(_actor)]
PeersDep = Annotated[Peers, Depends(get_peers)]
SettingsDep = Annotated[ReferralsSettings, Depends(settings_of(ReferralsSettings))]


async def commit_then_sync_access(request: Request, session: AsyncSession, referral_id: uuid.UUID) -> None:
    """Commit the change, then hand the receiver's access (recorded with it) to the registry
    before answering, so that the receiver can open the person as soon as the sender has its
    answer, and the places it takes or frees to the directory. If a peer does not take them now,
    the scheduler retries; the change stands. The same for the states of plan actions the
    changed referrals serve (a forward's parent among them)."""
    await session.commit()
    maker, peers = request.app.state.sessionmaker, request.app.state.peers
    # Only what this request wrote: a change that writes no state costs no further transaction
    # (anything older and still pending is the scheduler's).
    if referral_id in access.written(session):
        await access.deliver_pending(maker, peers, [referral_id])
    if referral_id in occupancy.written(session):
        await occupancy.deliver_pending(maker, peers, [referral_id])
    await plan_actions.deliver_pending(maker, peers, plan_actions.written(session))
