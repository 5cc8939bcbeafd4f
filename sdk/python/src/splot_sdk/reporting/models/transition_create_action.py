from enum import StrEnum


class TransitionCreateAction(StrEnum):
    ACCEPT = "accept"
    PUBLISH = "publish"
    REJECT = "reject"
    RETURN = "return"
    SUBMIT = "submit"
    UNPUBLISH = "unpublish"

    def __str__(self) -> str:
        return str(self.value)
