from enum import StrEnum


class ReportFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
