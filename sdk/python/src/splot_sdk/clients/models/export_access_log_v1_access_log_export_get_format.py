from enum import StrEnum


class ExportAccessLogV1AccessLogExportGetFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
