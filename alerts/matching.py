"""Which subscriptions an item that went public matches, read from the term index.

No subscription's filter is evaluated: the item's index keys (its terms and all their
ancestors, its words) are looked up in ``FilterTerm`` in one grouped query, and a filter matches
when every one of its term groups was hit. Filters with no group (everything of a kind) match
every item of that kind.
"""

from django.db.models import Count, F
from django.utils import timezone

from .models import AlertFilter, Delivery, FilterTerm, Frequency, Subscription
from .schedule import next_digest_at

BATCH = 2000


def matching_filters(kind, keys):
    """A queryset of the ids of ``kind``'s filters matched by an item carrying ``keys``."""
    hit = (
        FilterTerm.objects.filter(key__in=sorted(keys))
        .values("filter_id")
        .annotate(hit_groups=Count("group", distinct=True))
        .filter(hit_groups=F("filter__groups"))
        .values("filter_id")
        .order_by()
    )
    everything = AlertFilter.objects.filter(kind=kind.key, groups=0).values("id").order_by()
    return hit.union(everything)


def matching_subscriptions(kind, item):
    """The confirmed subscriptions matching ``item`` (a queryset of them)."""
    filter_ids = [row["filter_id"] for row in matching_filters(kind, kind.item_keys(item))]
    return Subscription.objects.filter(filter_id__in=filter_ids, confirmed_at__isnull=False)


def record_deliveries(kind, item, now=None):
    """Create the pending delivery of ``item`` for every matching subscription (once).

    Returns {frequency: due time} for the frequencies that matched. A second call creates
    nothing new: each subscription has at most one delivery of an item (unique constraint).
    """
    now = now or timezone.now()
    due = {
        Frequency.IMMEDIATE: now,
        Frequency.DAILY: next_digest_at(Frequency.DAILY, now),
        Frequency.WEEKLY: next_digest_at(Frequency.WEEKLY, now),
    }
    matched = {}
    rows = matching_subscriptions(kind, item).values_list("id", "frequency").order_by("id")
    batch = []
    for subscription_id, frequency in rows.iterator(chunk_size=BATCH):
        matched[frequency] = due[frequency]
        batch.append(
            Delivery(
                subscription_id=subscription_id,
                kind=kind.key,
                object_id=item.pk,
                frequency=frequency,
                due_at=due[frequency],
            )
        )
        if len(batch) >= BATCH:
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    return matched
