from .releases import Attachment, PressContact, PressRelease, PressReleaseQuerySet, Status
from .workflow import AuditEntry, ChangeNote, EditorialScope, PreviewLink, Revision, SlugRedirect

__all__ = [
    "Attachment",
    "AuditEntry",
    "ChangeNote",
    "EditorialScope",
    "PressContact",
    "PressRelease",
    "PressReleaseQuerySet",
    "PreviewLink",
    "Revision",
    "SlugRedirect",
    "Status",
]
