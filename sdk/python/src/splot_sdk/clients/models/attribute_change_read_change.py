from enum import StrEnum


class AttributeChangeReadChange(StrEnum):
    CHANGED = "changed"
    RECORDED = "recorded"
    REMOVED = "removed"

    def __str__(self) -> str:
        return str(self.value)
