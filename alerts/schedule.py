"""When digests go out: daily at ``ALERTS_DIGEST_HOUR`` (site time), weekly on Mondays then."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from .models import Frequency


def next_digest_at(frequency, now):
    """The first digest time of ``frequency`` strictly after ``now``."""
    local = timezone.localtime(now)
    at = time(settings.ALERTS_DIGEST_HOUR)
    candidate = timezone.make_aware(datetime.combine(local.date(), at))
    if frequency == Frequency.WEEKLY:
        candidate -= timedelta(days=local.weekday())  # this week's Monday
        while candidate <= now:
            candidate = timezone.make_aware(
                datetime.combine(timezone.localtime(candidate).date() + timedelta(days=7), at)
            )
        return candidate
    while candidate <= now:
        candidate = timezone.make_aware(
            datetime.combine(timezone.localtime(candidate).date() + timedelta(days=1), at)
        )
    return candidate
