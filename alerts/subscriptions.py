"""The rules of a subscription's life: ask, confirm, unsubscribe (views, admin and commands
call these)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from osce_cms import background

from . import tokens
from .models import AlertFilter, Delivery, DeliveryStatus, FilterTerm, Subscriber, Subscription


def filter_for(kind, parsed):
    """The shared ``AlertFilter`` of ``parsed`` (created with its index terms the first time)."""
    alert_filter, created = AlertFilter.objects.get_or_create(
        kind=kind.key,
        query=parsed.query,
        defaults={"labels": parsed.labels, "groups": len(parsed.groups)},
    )
    if created:
        FilterTerm.objects.bulk_create(
            FilterTerm(filter=alert_filter, group=number, key=key)
            for number, keys in enumerate(parsed.groups)
            for key in sorted(keys)
        )
    return alert_filter


@transaction.atomic
def request(kind, parsed, email, frequency, language):
    """Ask for an alert: nothing is sent before the address confirms it.

    The same happens whether or not the address is known: a confirmation e-mail goes out (after
    commit, from the worker). A new subscription waits unconfirmed; for an existing one the
    e-mail's link carries the new frequency and language, applied only when it is followed.
    """
    from .tasks import send_confirmation  # tasks import this module

    subscriber, _ = Subscriber.objects.get_or_create(email=email.strip().lower())
    subscription, _ = Subscription.objects.get_or_create(
        subscriber=subscriber,
        filter=filter_for(kind, parsed),
        defaults={"frequency": frequency, "language": language},
    )
    background.enqueue_on_commit(send_confirmation, subscription.pk, frequency, language)
    return subscription


@transaction.atomic
def confirm(token):
    """Confirm the subscription of a confirmation link; returns it (or InvalidLink)."""
    data = tokens.read_confirm_token(token)
    subscription = Subscription.objects.select_for_update().filter(key=data["k"]).first()
    if subscription is None:
        raise tokens.InvalidLink
    subscription.frequency = data["f"]
    subscription.language = data["l"]
    subscription.confirmed_at = subscription.confirmed_at or timezone.now()
    subscription.save(update_fields=["frequency", "language", "confirmed_at"])
    return subscription


@transaction.atomic
def unsubscribe(subscription):
    """End ``subscription``; its address goes too when it has no other subscription."""
    subscriber_id, filter_id = subscription.subscriber_id, subscription.filter_id
    Delivery.objects.filter(subscription=subscription, status=DeliveryStatus.PENDING).delete()
    subscription.delete()
    Subscriber.objects.filter(pk=subscriber_id).exclude(
        Exists(Subscription.objects.filter(subscriber=OuterRef("pk")))
    ).delete()
    _drop_unused_filters([filter_id])


@transaction.atomic
def unsubscribe_all(subscriber):
    filter_ids = list(subscriber.subscriptions.values_list("filter_id", flat=True))
    Delivery.objects.filter(
        subscription__subscriber=subscriber, status=DeliveryStatus.PENDING
    ).delete()
    subscriber.delete()
    _drop_unused_filters(filter_ids)


def _drop_unused_filters(filter_ids):
    AlertFilter.objects.filter(pk__in=filter_ids).exclude(
        Exists(Subscription.objects.filter(filter=OuterRef("pk")))
    ).delete()


def purge_unconfirmed(now=None):
    """Forget sign-ups never confirmed while their link was valid; returns how many."""
    cutoff = (now or timezone.now()) - tokens.CONFIRM_MAX_AGE - timedelta(days=1)
    stale = list(Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff))
    for subscription in stale:
        unsubscribe(subscription)
    return len(stale)
