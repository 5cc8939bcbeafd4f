"""The directory's request and answer schemas, by concern (one import path for the rest of the
service: ``from splot.directory import schemas``)."""

from splot.directory.schemas.accounts import (
    AnalystScope as AnalystScope,
)
from splot.directory.schemas.accounts import (
    ApiClientCreate as ApiClientCreate,
)
from splot.directory.schemas.accounts import (
    ApiClientPage as ApiClientPage,
)
from splot.directory.schemas.accounts import (
    ApiClientRead as ApiClientRead,
)
from splot.directory.schemas.accounts import (
    ApiClientWithSecret as ApiClientWithSecret,
)
from splot.directory.schemas.accounts import (
    AuditAction as AuditAction,
)
from splot.directory.schemas.accounts import (
    AuditEntryRead as AuditEntryRead,
)
from splot.directory.schemas.accounts import (
    AuditPage as AuditPage,
)
from splot.directory.schemas.accounts import (
    Jwk as Jwk,
)
from splot.directory.schemas.accounts import (
    Jwks as Jwks,
)
from splot.directory.schemas.accounts import (
    MeRead as MeRead,
)
from splot.directory.schemas.accounts import (
    Password as Password,
)
from splot.directory.schemas.accounts import (
    PasswordChange as PasswordChange,
)
from splot.directory.schemas.accounts import (
    PasswordReset as PasswordReset,
)
from splot.directory.schemas.accounts import (
    Scope as Scope,
)
from splot.directory.schemas.accounts import (
    TokenResponse as TokenResponse,
)
from splot.directory.schemas.accounts import (
    TokenRevocationList as TokenRevocationList,
)
from splot.directory.schemas.accounts import (
    TokenRevocationRead as TokenRevocationRead,
)
from splot.directory.schemas.accounts import (
    UserContact as UserContact,
)
from splot.directory.schemas.accounts import (
    UserCreate as UserCreate,
)
from splot.directory.schemas.accounts import (
    UserMembership as UserMembership,
)
from splot.directory.schemas.accounts import (
    UserPage as UserPage,
)
from splot.directory.schemas.accounts import (
    UserRead as UserRead,
)
from splot.directory.schemas.accounts import (
    UserUpdate as UserUpdate,
)
from splot.directory.schemas.base import (
    GminaCode as GminaCode,
)
from splot.directory.schemas.base import (
    Input as Input,
)
from splot.directory.schemas.base import (
    InstitutionType as InstitutionType,
)
from splot.directory.schemas.base import (
    Krs as Krs,
)
from splot.directory.schemas.base import (
    Nip as Nip,
)
from splot.directory.schemas.base import (
    Output as Output,
)
from splot.directory.schemas.base import (
    Phone as Phone,
)
from splot.directory.schemas.base import (
    PostalCode as PostalCode,
)
from splot.directory.schemas.base import (
    Regon as Regon,
)
from splot.directory.schemas.base import (
    Text200 as Text200,
)
from splot.directory.schemas.base import (
    Text300 as Text300,
)
from splot.directory.schemas.base import (
    Url as Url,
)
from splot.directory.schemas.institutions import (
    AgreementCreate as AgreementCreate,
)
from splot.directory.schemas.institutions import (
    AgreementPage as AgreementPage,
)
from splot.directory.schemas.institutions import (
    AgreementRead as AgreementRead,
)
from splot.directory.schemas.institutions import (
    AgreementUpdate as AgreementUpdate,
)
from splot.directory.schemas.institutions import (
    Capacity as Capacity,
)
from splot.directory.schemas.institutions import (
    CapacityUpdate as CapacityUpdate,
)
from splot.directory.schemas.institutions import (
    InstitutionCreate as InstitutionCreate,
)
from splot.directory.schemas.institutions import (
    InstitutionPage as InstitutionPage,
)
from splot.directory.schemas.institutions import (
    InstitutionRead as InstitutionRead,
)
from splot.directory.schemas.institutions import (
    InstitutionUpdate as InstitutionUpdate,
)
from splot.directory.schemas.institutions import (
    LegalBasisList as LegalBasisList,
)
from splot.directory.schemas.institutions import (
    LegalBasisRead as LegalBasisRead,
)
from splot.directory.schemas.institutions import (
    OccupancyRead as OccupancyRead,
)
from splot.directory.schemas.institutions import (
    OccupancyState as OccupancyState,
)
from splot.directory.schemas.institutions import (
    OfferCreate as OfferCreate,
)
from splot.directory.schemas.institutions import (
    OfferPage as OfferPage,
)
from splot.directory.schemas.institutions import (
    OfferRead as OfferRead,
)
from splot.directory.schemas.institutions import (
    OfferUpdate as OfferUpdate,
)
from splot.directory.schemas.institutions import (
    ServiceTypeList as ServiceTypeList,
)
from splot.directory.schemas.institutions import (
    ServiceTypeRead as ServiceTypeRead,
)
from splot.directory.schemas.institutions import (
    TerritoryList as TerritoryList,
)
from splot.directory.schemas.institutions import (
    TerritoryRead as TerritoryRead,
)
