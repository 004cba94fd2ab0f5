"""E-mail that never fails or half-does the action it reports (a transactional outbox).

``queue(messages)`` writes each message as an ``OutgoingMail`` row in the caller's transaction: a
refused or rolled-back action leaves no mail behind, a committed one always has its mail recorded.
After the commit the rows are sent; a mail server that is down or refuses a message never
reaches the user's request: the error is logged and kept on the row, and
``manage.py send_outgoing_mail`` (cron, every minute) tries again with a growing delay, up to
``MAX_ATTEMPTS`` times. What is still unsent is listed in the admin (Outgoing e-mails).
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)


def queue(messages):
    """Record ``messages`` (EmailMessage, one recipient each) and send them after commit."""
    rows = OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(
                subject=message.subject[:300],
                body=message.body,
                from_email=message.from_email,
                to=message.to[0],
                next_attempt_at=timezone.now(),
            )
            for message in messages
        ]
    )
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: send(OutgoingMail.objects.filter(pk__in=ids)))


def due(now=None):
    """Unsent mail whose next attempt has come, oldest first."""
    now = now or timezone.now()
    return OutgoingMail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
    )


def send(rows):
    """Try to send each of ``rows``; returns how many went. Never raises for a mail failure."""
    sent = 0
    for row in rows.filter(sent_at__isnull=True).order_by("created_at", "id"):
        message = EmailMessage(row.subject, row.body, row.from_email, [row.to])
        try:
            mailers.default.send_messages([message])
        except Exception as error:  # any backend: SMTP, network, API, refused address
            _failed(row, error)
        else:
            OutgoingMail.objects.filter(pk=row.pk).update(sent_at=timezone.now(), last_error="")
            sent += 1
    return sent


def _failed(row, error):
    attempts = row.attempts + 1
    logger.warning("Mail %s to %s failed (attempt %s): %s", row.pk, row.to, attempts, error)
    OutgoingMail.objects.filter(pk=row.pk).update(
        attempts=attempts,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=timezone.now() + FIRST_RETRY * 2 ** (attempts - 1),
    )
