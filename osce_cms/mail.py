"""E-mail that never fails or half-does the action it reports: an outbox sent by the worker.

``queue(messages)`` writes each message as an ``OutgoingMail`` row in the caller's transaction: a
refused or rolled-back action leaves no mail behind, a committed one always has its mail recorded.
When the transaction commits the rows are sent at once. A mail server that is down or refuses a
message never reaches the user's request: the error is logged and kept on the row, and the
``deliver`` task is enqueued (``osce_cms.background``) for the worker to try again after 1, 2,
4… minutes (``TASK_RETRY_SECONDS``, up to ``TASK_MAX_ATTEMPTS``). ``manage.py
send_outgoing_mail`` is the catch-up for mail whose retry never ran (the queue was down too);
the admin lists what is still owed (Outgoing e-mails).
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import background
from .models import OutgoingMail

logger = logging.getLogger(__name__)


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
    transaction.on_commit(partial(deliver.call, [row.pk for row in rows]), robust=True)


@task
def deliver(mail_ids, attempt=0):
    """Send the unsent ``mail_ids``; what fails is enqueued again with a longer delay.

    Called directly after the commit (attempt 0), then by the worker.
    """
    rows = unsent(OutgoingMail.objects.filter(pk__in=mail_ids))
    failed = [row.pk for row in rows if not send(row)]
    if failed:
        background.retry_later(deliver, attempt, failed)
    return len(mail_ids) - len(failed)


def unsent(rows):
    return rows.filter(sent_at__isnull=True).order_by("created_at", "id")


def due(now=None):
    """Unsent mail whose next attempt has come and that has attempts left (the catch-up)."""
    return unsent(
        OutgoingMail.objects.filter(
            attempts__lt=settings.TASK_MAX_ATTEMPTS, next_attempt_at__lte=now or timezone.now()
        )
    )


def send(row):
    """Send one ``OutgoingMail``; True if it went. Never raises for a mail failure."""
    message = EmailMessage(row.subject, row.body, row.from_email, [row.to])
    try:
        mailers.default.send_messages([message])
    except Exception as error:  # any backend: SMTP, network, API, refused address
        attempts = row.attempts + 1
        logger.warning("Mail %s to %s failed (attempt %s): %s", row.pk, row.to, attempts, error)
        OutgoingMail.objects.filter(pk=row.pk).update(
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=timezone.now() + background.retry_delay(attempts - 1),
        )
        return False
    OutgoingMail.objects.filter(pk=row.pk).update(sent_at=timezone.now(), last_error="")
    return True
