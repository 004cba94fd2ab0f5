from editorial.models import Status

from .releases import Attachment, PressContact, PressRelease, PressReleaseQuerySet

__all__ = ["Attachment", "PressContact", "PressRelease", "PressReleaseQuerySet", "Status"]
