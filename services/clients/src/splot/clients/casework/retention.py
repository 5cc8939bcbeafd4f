"""What anonymising a person erases from casework: every free text (notes, sections, the person's
view, conclusions, goal and action descriptions, results, review notes, conference decisions).
Codes, dates, statuses and institution ids stay, as reporting needs them."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.casework.models import (
    CaseConference,
    Diagnosis,
    DiagnosisArea,
    DiagnosisContributor,
    Plan,
    PlanAction,
    PlanGoal,
    PlanReview,
)


async def erase_casework_text(session: AsyncSession, *, person_id: uuid.UUID) -> None:
    diagnoses = select(Diagnosis.id).where(Diagnosis.person_id == person_id).scalar_subquery()
    plans = select(Plan.id).where(Plan.person_id == person_id).scalar_subquery()
    statements = [
        update(Diagnosis)
        .where(Diagnosis.person_id == person_id)
        .values(strengths=None, person_view=None, conclusion=None, version=Diagnosis.version + 1),
        update(DiagnosisArea).where(DiagnosisArea.diagnosis_id.in_(diagnoses)).values(note=None),
        update(DiagnosisContributor)
        .where(DiagnosisContributor.diagnosis_id.in_(diagnoses))
        .values(section=None),
        update(PlanGoal).where(PlanGoal.plan_id.in_(plans)).values(description="", assessment_reason=None),
        update(PlanAction).where(PlanAction.plan_id.in_(plans)).values(description="", result=None),
        update(PlanReview).where(PlanReview.plan_id.in_(plans)).values(note=None),
        update(CaseConference).where(CaseConference.person_id == person_id).values(decisions=None),
    ]
    for statement in statements:
        await session.execute(statement.execution_options(synchronize_session=False))
