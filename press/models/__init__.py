from editorial.models import Status

from .releases import PressContact, PressRelease, PressReleaseQuerySet

__all__ = ["PressContact", "PressRelease", "PressReleaseQuerySet", "Status"]
