"""Catch up on alerts the worker missed (a queue that was down, a restored backup): send the
waiting immediate alerts and the digests that are due, and forget sign-ups never confirmed.
Safe at any time: deliveries are claimed before sending, so nothing goes out twice."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts import delivery, registry, subscriptions
from alerts.models import Delivery, DeliveryStatus, Frequency

# Immediate alerts younger than this are left to the worker that is about to send them.
GRACE = timedelta(minutes=5)


class Command(BaseCommand):
    help = "Send overdue e-mail alerts and digests, and forget unconfirmed sign-ups."

    def handle(self, *args, **options):
        now = timezone.now()
        waiting = (
            Delivery.objects.filter(
                status=DeliveryStatus.PENDING,
                frequency=Frequency.IMMEDIATE,
                due_at__lte=now - GRACE,
            )
            .values_list("kind", "object_id")
            .distinct()
            .order_by("kind", "object_id")
        )
        sent = 0
        for kind_key, object_id in waiting:
            kind = registry.get(kind_key)
            if kind is not None:
                sent += delivery.send_immediate(kind, object_id)
        for frequency in (Frequency.DAILY, Frequency.WEEKLY):
            sent += delivery.send_digests(frequency, now)
        purged = subscriptions.purge_unconfirmed(now)
        self.stdout.write(
            self.style.SUCCESS(f"{sent} e-mail(s) sent, {purged} unconfirmed sign-up(s) removed.")
        )
