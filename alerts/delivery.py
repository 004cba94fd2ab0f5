"""Building and sending the alert e-mails: immediately, and as daily or weekly digests.

Every send goes through ``_send``: deliveries are claimed (``pending`` → ``sending``) before a
message is built, marked ``sent`` once the mail server accepted it, and given back when the
server failed, so the task's retry sends exactly what is left. Messages are built and sent in
chunks over one connection, keeping memory flat however many subscribers an item has.
"""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from osce_cms.links import absolute_url

from . import registry, tokens
from .models import Delivery, DeliveryStatus, Frequency

CHUNK = 200


def _subject(template, context):
    return " ".join(render_to_string(template, context).split())


def _message(subject, text, html, to, headers=None):
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription, frequency, language):
    """The double opt-in e-mail: nothing else is ever sent before its link is followed."""
    with translation.override(language):
        token = tokens.confirm_token(subscription, frequency, language)
        context = {
            "description": subscription.filter.description(),
            "frequency": Frequency(frequency).label,
            "confirm_url": absolute_url(reverse("alerts:confirm", args=[token])),
            "days": tokens.CONFIRM_MAX_AGE.days,
            "site_name": settings.SITE_SHORT_NAME,
        }
        return _message(
            _subject("alerts/email/confirm_subject.txt", context),
            render_to_string("alerts/email/confirm.txt", context),
            render_to_string("alerts/email/confirm.html", context),
            subscription.subscriber.email,
            {"Auto-Submitted": "auto-generated"},
        )


def alert_message(subscription, summaries):
    """One alert (or digest) for ``subscription`` listing ``summaries``, in its language, with
    one-click unsubscribe (RFC 8058)."""
    with translation.override(subscription.language):
        unsubscribe_url = absolute_url(
            reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
        )
        context = {
            "items": summaries,
            "digest": subscription.frequency != Frequency.IMMEDIATE,
            "frequency": subscription.get_frequency_display(),
            "description": subscription.filter.description(),
            "listing_url": absolute_url(subscription.filter.listing_url()),
            "manage_url": absolute_url(
                reverse("alerts:manage", args=[tokens.manage_token(subscription.subscriber)])
            ),
            "unsubscribe_url": unsubscribe_url,
            "site_name": settings.SITE_SHORT_NAME,
        }
        return _message(
            _subject("alerts/email/alert_subject.txt", context),
            render_to_string("alerts/email/alert.txt", context),
            render_to_string("alerts/email/alert.html", context),
            subscription.subscriber.email,
            {
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )


class Summaries:
    """Item summaries, each made once per language."""

    def __init__(self, kind, items):
        self.kind = kind
        self.items = {item.pk: item for item in items}
        self._made = {}

    def __contains__(self, object_id):
        return object_id in self.items

    def get(self, object_id, language):
        if (object_id, language) not in self._made:
            with translation.override(language):
                self._made[object_id, language] = self.kind.summarise(self.items[object_id])
        return self._made[object_id, language]


def _claim(deliveries, limit=CHUNK):
    """Take up to ``limit`` pending rows of ``deliveries`` for this worker (others skip them)."""
    with transaction.atomic():
        ids = list(
            deliveries.filter(status=DeliveryStatus.PENDING)
            .select_for_update(skip_locked=True)
            .order_by("id")
            .values_list("id", flat=True)[:limit]
        )
        Delivery.objects.filter(id__in=ids).update(
            status=DeliveryStatus.SENDING, attempts=F("attempts") + 1
        )
    return list(
        Delivery.objects.filter(id__in=ids)
        .select_related("subscription__subscriber", "subscription__filter")
        .order_by("id")
    )


def _send(units):
    """Send ``units`` ([(delivery ids, message builder)]) over one connection.

    A refused address fails its deliveries only; any other mail error gives back what was not
    sent and is raised, for the task to retry.
    """
    sent, refused = [], []
    try:
        with mailers.default as connection:
            for ids, build in units:
                try:
                    connection.send_messages([build()])
                except smtplib.SMTPRecipientsRefused as error:
                    refused.append((ids, str(error)))
                    continue
                sent.extend(ids)
    except Exception as error:
        done = set(sent) | {pk for ids, _ in refused for pk in ids}
        unsent = [pk for ids, _ in units for pk in ids if pk not in done]
        Delivery.objects.filter(id__in=unsent).update(
            status=DeliveryStatus.PENDING, error=str(error)[:500]
        )
        raise
    finally:
        Delivery.objects.filter(id__in=sent).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), error=""
        )
        for ids, error in refused:
            Delivery.objects.filter(id__in=ids).update(
                status=DeliveryStatus.FAILED, error=error[:500]
            )
    return len(sent)


def send_immediate(kind, object_id):
    """Send ``kind``'s item ``object_id`` to its waiting immediate subscribers; returns the
    number of e-mails sent. An item no longer public is sent to nobody."""
    waiting = Delivery.objects.filter(
        kind=kind.key,
        object_id=object_id,
        frequency=Frequency.IMMEDIATE,
        subscription__isnull=False,
    )
    summaries = Summaries(kind, kind.public_items([object_id]))
    if object_id not in summaries:
        waiting.filter(status=DeliveryStatus.PENDING).update(status=DeliveryStatus.CANCELLED)
        return 0
    total = 0
    while batch := _claim(waiting):
        total += _send(
            [
                (
                    [delivery.pk],
                    lambda s=delivery.subscription: alert_message(
                        s, [summaries.get(object_id, s.language)]
                    ),
                )
                for delivery in batch
            ]
        )
    return total


def send_digests(frequency, now=None):
    """Send every ``frequency`` digest that is due: one e-mail per subscription listing its
    waiting items that are still public. Returns the number of e-mails sent."""
    now = now or timezone.now()
    due = Delivery.objects.filter(frequency=frequency, due_at__lte=now, subscription__isnull=False)
    total = 0
    while batch := _claim(due, CHUNK * 5):
        per_subscription = {}
        for delivery in batch:
            per_subscription.setdefault(delivery.subscription_id, []).append(delivery)
        summaries = {}
        for kind_key in {delivery.kind for delivery in batch}:
            kind = registry.get(kind_key)
            ids = [delivery.object_id for delivery in batch if delivery.kind == kind_key]
            summaries[kind_key] = Summaries(kind, kind.public_items(ids) if kind else [])
        units, gone = [], []
        for deliveries in per_subscription.values():
            public = [d for d in deliveries if d.object_id in summaries[d.kind]]
            gone.extend(d.pk for d in deliveries if d not in public)
            if public:
                units.append(([d.pk for d in public], _digest_builder(public, summaries)))
        Delivery.objects.filter(id__in=gone).update(status=DeliveryStatus.CANCELLED)
        total += _send(units)
    return total


def _digest_builder(deliveries, summaries):
    subscription = deliveries[0].subscription

    def build():
        items = [summaries[d.kind].get(d.object_id, subscription.language) for d in deliveries]
        return alert_message(subscription, items)

    return build
