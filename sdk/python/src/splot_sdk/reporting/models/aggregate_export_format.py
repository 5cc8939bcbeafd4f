from enum import StrEnum


class AggregateExportFormat(StrEnum):
    CSV = "csv"
    SDMX_CSV = "sdmx-csv"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
