from enum import StrEnum


class ReferralCheckResultCodeType0(StrEnum):
    CONSENT_EXPIRED = "consent_expired"
    CONSENT_MISSING = "consent_missing"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    PERSON_NOT_FOUND = "person_not_found"
    SENDER_NOT_ALLOWED = "sender_not_allowed"

    def __str__(self) -> str:
        return str(self.value)
