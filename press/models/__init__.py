from editorial.models import Status

from .releases import (
    ISSUER_RELATIONS,
    CoIssuer,
    Kind,
    PressContact,
    PressRelease,
    PressReleaseQuerySet,
    co_issuer_refs,
)

__all__ = [
    "ISSUER_RELATIONS",
    "CoIssuer",
    "Kind",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "Status",
    "co_issuer_refs",
]
