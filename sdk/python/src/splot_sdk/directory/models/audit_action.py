from enum import StrEnum


class AuditAction(StrEnum):
    AGREEMENT_CONFIRMED = "agreement_confirmed"
    AGREEMENT_TERMINATED = "agreement_terminated"
    API_CLIENT_CREATED = "api_client_created"
    API_CLIENT_REVOKED = "api_client_revoked"
    API_CLIENT_SECRET_ROTATED = "api_client_secret_rotated"
    INSTITUTION_ACTIVATED = "institution_activated"
    INSTITUTION_CREATED = "institution_created"
    INSTITUTION_DEACTIVATED = "institution_deactivated"
    PARTNERSHIP_DOCUMENT_UPLOADED = "partnership_document_uploaded"
    SERVICE_CLIENT_KEYED = "service_client_keyed"
    USER_ACTIVATED = "user_activated"
    USER_CREATED = "user_created"
    USER_DEACTIVATED = "user_deactivated"
    USER_PASSWORD_CHANGED = "user_password_changed"
    USER_PASSWORD_RESET = "user_password_reset"
    USER_ROLES_CHANGED = "user_roles_changed"
    USER_UPDATED = "user_updated"

    def __str__(self) -> str:
        return str(self.value)
