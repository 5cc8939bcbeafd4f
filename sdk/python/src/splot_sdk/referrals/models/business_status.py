from enum import StrEnum


class BusinessStatus(StrEnum):
    APPOINTMENT_SCHEDULED = "appointment_scheduled"
    CONTACT_ATTEMPTED = "contact_attempted"
    INTERIM_REPORT = "interim_report"
    NO_SHOW = "no_show"
    WAITING_LIST = "waiting_list"

    def __str__(self) -> str:
        return str(self.value)
