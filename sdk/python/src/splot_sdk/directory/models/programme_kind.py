from enum import StrEnum


class ProgrammeKind(StrEnum):
    CIS_KIS = "cis_kis"
    EU_PROJECT = "eu_project"
    JOINT_ACTIVATION = "joint_activation"
    LOCAL = "local"
    NATIONAL = "national"

    def __str__(self) -> str:
        return str(self.value)
