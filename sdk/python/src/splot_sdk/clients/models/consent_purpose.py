from enum import StrEnum


class ConsentPurpose(StrEnum):
    INFORMATION_EXCHANGE = "information_exchange"
    REFERRAL = "referral"
    SERVICE_DELIVERY = "service_delivery"

    def __str__(self) -> str:
        return str(self.value)
