"""The reporting service's own analytical store.

Three layers, all fed only from the other services' event feeds:

* ingestion state: a cursor per source, the ids of the events already applied, the months whose
  pre-aggregates must be recomputed;
* the analytical model: institutions, offers and agreements (dimensions from the directory),
  pseudonymous persons (from the client registry: a keyed hash instead of the registry id, birth
  year, sex, gmina), one fact row per referral with its derived measures, follow-ups, person
  contacts with institutions (for shared clients);
* pre-aggregated cubes (monthly; see :mod:`splot.reporting.cubes`) that dashboards read instead
  of the facts, and published editions (frozen snapshots).

Nothing here holds a name, a PESEL or a registry person id.

This module is the store's one public home: import the models from here. They are declared, all
on the one :class:`Base` (so one ``Base.metadata``), in

* :mod:`splot.reporting.model_base`: the base and the shared constants;
* :mod:`splot.reporting.consumer_models`: the ingestion state;
* :mod:`splot.reporting.dimensions`: the dimensions from the directory and the persons;
* :mod:`splot.reporting.fact_models`: the referral, follow-up, consent and casework facts, and
  the additive measures;
* :mod:`splot.reporting.edition_models`: the published editions.
"""

from __future__ import annotations

from splot.reporting.consumer_models import DirtyMonth, ProcessedEvent, SourceCursor
from splot.reporting.dimensions import (
    AgreementDim,
    InstitutionDim,
    OfferDim,
    PartnershipDim,
    PartnershipPartyDim,
    PersonContact,
    PersonDim,
    ServiceTypeRef,
    agreement_party,
)
from splot.reporting.edition_models import Edition, EditionVersion
from splot.reporting.fact_models import (
    MEASURE_COLUMNS,
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
    ConsentFact,
    FollowupFact,
    ReferralFact,
    ReferralOutcome,
)
from splot.reporting.model_base import UNKNOWN, Base

__all__ = [
    "MEASURE_COLUMNS",
    "UNKNOWN",
    "AgreementDim",
    "Base",
    "CaseworkActionFact",
    "CaseworkDiagnosisFact",
    "CaseworkGoalFact",
    "CaseworkPlanFact",
    "ConsentFact",
    "DirtyMonth",
    "Edition",
    "EditionVersion",
    "FollowupFact",
    "InstitutionDim",
    "OfferDim",
    "PartnershipDim",
    "PartnershipPartyDim",
    "PersonContact",
    "PersonDim",
    "ProcessedEvent",
    "ReferralFact",
    "ReferralOutcome",
    "ServiceTypeRef",
    "SourceCursor",
    "agreement_party",
]
