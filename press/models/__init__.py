from editorial.models import Status

from .releases import (
    ISSUER_RELATIONS,
    CoIssuer,
    Kind,
    PressContact,
    PressRelease,
    PressReleaseQuerySet,
)

__all__ = [
    "ISSUER_RELATIONS",
    "CoIssuer",
    "Kind",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "Status",
]
