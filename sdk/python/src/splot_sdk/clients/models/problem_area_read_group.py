from enum import StrEnum


class ProblemAreaReadGroup(StrEnum):
    EMPLOYMENT_BARRIER = "employment_barrier"
    SOCIAL_ASSISTANCE_GROUND = "social_assistance_ground"

    def __str__(self) -> str:
        return str(self.value)
