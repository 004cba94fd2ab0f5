from editorial.models import Status

from .releases import (
    ISSUER_RELATIONS,
    Attachment,
    CoIssuer,
    Kind,
    PressContact,
    PressRelease,
    PressReleaseQuerySet,
)

__all__ = [
    "ISSUER_RELATIONS",
    "Attachment",
    "CoIssuer",
    "Kind",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "Status",
]
