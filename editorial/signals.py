"""The one domain signal every content type's public output goes through.

``public_output_changed`` is sent after the transaction commits, once per item whose public
output changed: it went public (including a scheduled time coming due), changed while public,
or left public view (withdrawn, unpublished, trashed). Caches, sitemaps, alerts and the API
subscribe to it; none of them needs to know which content models exist.

Arguments: ``sender`` the model class, ``instance`` the item, ``change`` one of the constants
below.
"""

from django.dispatch import Signal

PUBLISHED = "published"
UPDATED = "updated"
REMOVED = "removed"

public_output_changed = Signal()

# Sent after commit when the future time at which an item goes public is set, moved or
# cancelled (nothing public has changed yet). Arguments: ``sender`` the model class,
# ``instance`` the item, ``at`` that time, or None when it was cancelled.
schedule_changed = Signal()
