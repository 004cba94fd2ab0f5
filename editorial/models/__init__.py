from .content import (
    DRAFT_STATUSES,
    LISTED_STATUSES,
    ONLINE_STATUSES,
    EditorialModel,
    EditorialQuerySet,
    EndAction,
    Status,
    one_version_per_language,
)
from .records import AuditEntry, ChangeNote, EditorialScope, PreviewLink, Revision, SlugRedirect

__all__ = [
    "DRAFT_STATUSES",
    "LISTED_STATUSES",
    "ONLINE_STATUSES",
    "AuditEntry",
    "ChangeNote",
    "EditorialModel",
    "EditorialQuerySet",
    "EditorialScope",
    "EndAction",
    "PreviewLink",
    "Revision",
    "SlugRedirect",
    "Status",
    "one_version_per_language",
]
