from enum import StrEnum


class CriteriaLabourOfficeStatus(StrEnum):
    ANY = "any"
    JOBSEEKER = "jobseeker"
    NOT_REGISTERED = "not_registered"
    UNEMPLOYED = "unemployed"

    def __str__(self) -> str:
        return str(self.value)
