"""The alerts' background tasks: match an item that went public, send, send digests.

All idempotent (the unique ``Delivery`` per subscription and item, claimed before sending); a
mail server failure retries with back-off (``osce_cms.background``), and deliveries still
waiting after the last attempt are marked failed for the admin.
"""

import smtplib

from django.core.mail import mailers
from django.tasks import task
from django.utils import timezone

from osce_cms import background

from . import delivery, matching, registry
from .models import Delivery, DeliveryStatus, DigestRun, Frequency, Subscription

MAIL_ERRORS = (smtplib.SMTPException, OSError)


@task
def match_published(kind_key, object_id):
    """Record the deliveries of an item that went public, then have them sent."""
    kind = registry.get(kind_key)
    items = kind.public_items([object_id]) if kind else []
    if not items:
        return {}
    matched = matching.record_deliveries(kind, items[0])
    if Frequency.IMMEDIATE in matched:
        background.enqueue_on_commit(send_immediate, kind_key, object_id)
    for frequency, due_at in matched.items():
        if frequency != Frequency.IMMEDIATE:
            schedule_digest(frequency, due_at)
    return {frequency: due_at.isoformat() for frequency, due_at in matched.items()}


def schedule_digest(frequency, due_at):
    """Enqueue the ``frequency`` digest sending of ``due_at`` (once, however many items)."""
    _, created = DigestRun.objects.get_or_create(frequency=frequency, due_at=due_at)
    if created:
        background.enqueue_on_commit(send_digests, frequency, run_after=due_at)


def _give_up(waiting, error):
    waiting.filter(status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED, error=str(error)[:500]
    )


@task
def send_immediate(kind_key, object_id, attempt=0):
    kind = registry.get(kind_key)
    try:
        return delivery.send_immediate(kind, object_id)
    except MAIL_ERRORS as error:
        if not background.retry_later(send_immediate, attempt, kind_key, object_id):
            _give_up(
                Delivery.objects.filter(
                    kind=kind_key, object_id=object_id, frequency=Frequency.IMMEDIATE
                ),
                error,
            )
        raise


@task
def send_digests(frequency, attempt=0):
    try:
        return delivery.send_digests(frequency, timezone.now())
    except MAIL_ERRORS as error:
        if not background.retry_later(send_digests, attempt, frequency):
            _give_up(
                Delivery.objects.filter(frequency=frequency, due_at__lte=timezone.now()), error
            )
        raise


@task
def send_confirmation(subscription_id, frequency, language, attempt=0):
    subscription = (
        Subscription.objects.select_related("subscriber", "filter")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return False
    message = delivery.confirmation_message(subscription, frequency, language)
    try:
        with mailers.default as connection:
            connection.send_messages([message])
    except MAIL_ERRORS:
        background.retry_later(send_confirmation, attempt, subscription_id, frequency, language)
        raise
    return True
