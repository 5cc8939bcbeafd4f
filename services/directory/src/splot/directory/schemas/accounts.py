"""Staff users, API clients, tokens and keys, the audit log and token revocations."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
)

from splot.common.api import Page
from splot.common.auth import Role
from splot.directory.schemas.base import Input, Output, Text200
from splot.directory.schemas.institutions import InstitutionRead

AnalystScope = Annotated[str, StringConstraints(pattern=r"^(\d{2}|\d{4})?$")]
Password = Annotated[str, StringConstraints(min_length=12, max_length=128)]


class UserCreate(Input):
    email: EmailStr
    full_name: Text200
    roles: list[Role] = Field(min_length=1, max_length=6)
    institution_id: uuid.UUID | None = Field(None, description="System admins only; defaults to yours")
    analyst_scope: AnalystScope | None = Field(
        None, description='Analysts: "" national, 2 digits a voivodeship, 4 digits a powiat'
    )
    password: Password


class UserUpdate(Input):
    full_name: Text200 | None = None
    roles: list[Role] | None = Field(None, min_length=1, max_length=6)
    analyst_scope: AnalystScope | None = Field(
        None, description="Analysts only; dropped with the analyst role unless given"
    )

    not_nullable: ClassVar[frozenset[str]] = frozenset({"full_name", "roles"})


class PasswordReset(Input):
    password: Password


class PasswordChange(Input):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password


class UserRead(Output):
    id: uuid.UUID
    institution_id: uuid.UUID
    email: str
    full_name: str
    roles: list[Role]
    analyst_scope: str | None
    active: bool
    locked: bool = Field(
        description="Sign-ins to this account are being made to wait after repeated failures "
        "from everywhere (activating the user clears it)",
    )
    last_login_at: datetime | None
    deactivated_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class UserPage(Page[UserRead]): ...


class UserMembership(Output):
    """Whose staff a user is (for Splot's own services: no name, no e-mail)."""

    id: uuid.UUID
    institution_id: uuid.UUID
    active: bool


class UserContact(Output):
    """How to reach a staff member about a referral they sent (for Splot's own services: the
    referrals service shows it to the referral's receiver)."""

    id: uuid.UUID
    institution_id: uuid.UUID
    full_name: str
    email: str
    active: bool


class MeRead(BaseModel):
    subject: str
    kind: str
    user: UserRead | None = None
    institution: InstitutionRead | None = None
    roles: list[str]
    scopes: list[str]


Scope = Annotated[str, StringConstraints(pattern=r"^[a-z]+:[a-z_]+$", max_length=64)]


class ApiClientCreate(Input):
    name: Text200
    scopes: list[Scope] = Field(min_length=1, max_length=20)
    institution_id: uuid.UUID | None = Field(None, description="System admins only; defaults to yours")


class ApiClientRead(Output):
    id: uuid.UUID
    client_id: str
    name: str
    kind: str
    institution_id: uuid.UUID | None
    scopes: list[str]
    active: bool
    secret_rotated_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    version: int
    created_at: datetime


class ApiClientWithSecret(ApiClientRead):
    client_secret: str = Field(description="Shown only now; store it safely, it cannot be read again")


class ApiClientPage(Page[ApiClientRead]): ...


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    scope: str = ""


class Jwk(BaseModel):
    model_config = ConfigDict(extra="allow")
    kty: str
    kid: str
    use: str
    alg: str
    n: str
    e: str


class Jwks(BaseModel):
    keys: list[Jwk]


class AuditAction(StrEnum):
    user_created = "user_created"
    user_updated = "user_updated"
    user_roles_changed = "user_roles_changed"
    user_deactivated = "user_deactivated"
    user_activated = "user_activated"
    user_password_reset = "user_password_reset"
    user_password_changed = "user_password_changed"
    api_client_created = "api_client_created"
    api_client_secret_rotated = "api_client_secret_rotated"
    api_client_revoked = "api_client_revoked"
    service_client_keyed = "service_client_keyed"
    institution_created = "institution_created"
    institution_deactivated = "institution_deactivated"
    institution_activated = "institution_activated"
    agreement_confirmed = "agreement_confirmed"
    agreement_terminated = "agreement_terminated"
    partnership_document_uploaded = "partnership_document_uploaded"


class AuditEntryRead(Output):
    id: uuid.UUID
    occurred_at: datetime
    actor_subject: str
    actor_kind: str
    actor_institution_id: uuid.UUID | None
    action: AuditAction
    target_type: str
    target_id: str
    target_institution_id: uuid.UUID | None
    before: dict[str, object] | None
    after: dict[str, object] | None
    request_id: str | None


class AuditPage(Page[AuditEntryRead]): ...


class TokenRevocationRead(Output):
    """What :meth:`splot.common.revocation.Revocation.from_json` reads."""

    id: int
    kind: Literal["user", "session", "client", "institution"]
    value: str
    min_stamp: int | None
    not_after: datetime | None
    expires_at: datetime


class TokenRevocationList(BaseModel):
    items: list[TokenRevocationRead]
