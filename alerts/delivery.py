"""Building and sending the alert e-mails: immediately, and as daily or weekly digests.

Every send goes through ``_send``: deliveries are claimed (``pending`` → ``sending``) before a
message is built, marked ``sent`` once the mail server accepted it, and given back when the
server failed, so the task's retry sends exactly what is left. Messages are built and sent in
chunks over one connection, keeping memory flat however many subscribers an item has; within a
chunk, what subscribers of one filter share is rendered once (``Letters``).
"""

import secrets
import smtplib
from functools import partial

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from osce_cms.links import absolute_url

from . import registry, tokens
from .mail import AlertEmail
from .models import Delivery, DeliveryStatus, Frequency

CHUNK = 200


def _subject(template, context):
    return " ".join(render_to_string(template, context).split())


def _message(subject, text, html, to, headers=None):
    message = AlertEmail(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or {})
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


def alert_links(subscription):
    """The subscriber's own links of an alert, absolute, in the active language."""
    return {
        "manage_url": absolute_url(
            reverse("alerts:manage", args=[tokens.manage_token(subscription.subscriber)])
        ),
        "unsubscribe_url": absolute_url(
            reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
        ),
    }


def alert_context(subscription, summaries, links):
    return {
        "items": summaries,
        "digest": subscription.frequency != Frequency.IMMEDIATE,
        "frequency": subscription.get_frequency_display(),
        "description": subscription.filter.description(),
        "listing_url": absolute_url(subscription.filter.listing_url()),
        "site_name": settings.SITE_SHORT_NAME,
        **links,
    }


class Letter:
    """An alert as every subscriber of one filter, language and frequency receives it for the
    same items, rendered once: the subject and both bodies, with a mark where each
    subscriber's own links go (the marks are random: no content holds them)."""

    MARKS = {name: f"alerts-{secrets.token_hex(16)}" for name in ("manage_url", "unsubscribe_url")}

    def __init__(self, subscription, summaries):
        context = alert_context(subscription, summaries, self.MARKS)
        self.subject = _subject("alerts/email/alert_subject.txt", context)
        self.text = render_to_string("alerts/email/alert.txt", context)
        self.html = render_to_string("alerts/email/alert.html", context)

    def to(self, subscription):
        """The e-mail to ``subscription``, with one-click unsubscribe (RFC 8058)."""
        links = alert_links(subscription)
        text, html = self.text, self.html
        for name, mark in self.MARKS.items():
            text = text.replace(mark, links[name])
            html = html.replace(mark, escape(links[name]))
        return _message(
            self.subject,
            text,
            html,
            subscription.subscriber.email,
            {
                "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )


class Letters:
    """The alerts of one chunk of deliveries: each ``Letter`` is made once, then addressed to
    every subscription that receives it."""

    def __init__(self):
        self._made = {}

    def alert(self, subscription, summaries):
        """The alert (or digest) for ``subscription`` listing ``summaries``, in its language."""
        key = (
            subscription.filter_id,
            subscription.language,
            subscription.frequency,
            tuple(summary.url for summary in summaries),
        )
        with translation.override(subscription.language):
            if key not in self._made:
                self._made[key] = Letter(subscription, summaries)
            return self._made[key].to(subscription)


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
    """Send ``units`` ([(delivery ids, message builder)]) over one connection; returns the
    number of e-mails sent.

    A refused address fails its deliveries only; any other mail error gives back what was not
    sent and is raised, for the task to retry.
    """
    sent, refused, messages = [], [], 0
    try:
        with mailers.default as connection:
            for ids, build in units:
                try:
                    connection.send_messages([build()])
                except smtplib.SMTPRecipientsRefused as error:
                    refused.append((ids, str(error)))
                    continue
                sent.extend(ids)
                messages += 1
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
    return messages


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
        letters = Letters()
        units = []
        for delivery in batch:
            subscription = delivery.subscription
            summary = summaries.get(object_id, subscription.language)
            units.append(([delivery.pk], partial(letters.alert, subscription, [summary])))
        total += _send(units)
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
        units, gone, letters = [], [], Letters()
        for deliveries in per_subscription.values():
            public = [d for d in deliveries if d.object_id in summaries[d.kind]]
            gone.extend(d.pk for d in deliveries if d not in public)
            if public:
                subscription = public[0].subscription
                items = [summaries[d.kind].get(d.object_id, subscription.language) for d in public]
                units.append(([d.pk for d in public], partial(letters.alert, subscription, items)))
        Delivery.objects.filter(id__in=gone).update(status=DeliveryStatus.CANCELLED)
        total += _send(units)
    return total
