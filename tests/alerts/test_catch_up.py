"""`send_due_alerts`: what the worker missed goes out once; old unconfirmed sign-ups go."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from alerts import matching, registry, subscriptions
from alerts.models import Delivery, DeliveryStatus, Subscriber, Subscription
from press.models import PressRelease, Status
from tests.press import workflow_world as world

pytestmark = pytest.mark.django_db


def _follow(email, query, frequency="immediate", confirmed=True):
    kind = registry.get("press")
    return Subscription.objects.create(
        subscriber=Subscriber.objects.create(email=email),
        filter=subscriptions.filter_for(kind, kind.parse(QueryDict(query))),
        frequency=frequency,
        confirmed_at=timezone.now() if confirmed else None,
    )


def _catch_up():
    out = io.StringIO()
    call_command("send_due_alerts", stdout=out)
    return out.getvalue()


def test_missed_alerts_and_digests_are_sent_once_and_stale_sign_ups_forgotten(taxonomy):
    _follow("now@example.net", "country=belarus")
    _follow("daily@example.net", "country=belarus", frequency="daily")
    _follow("never@example.net", "country=belarus", confirmed=False)
    release = world.release(taxonomy.secretariat, status=Status.PUBLISHED)
    release.countries.set([taxonomy.belarus])
    matching.record_deliveries(registry.get("press"), PressRelease.objects.get(pk=release.pk))

    assert "0 e-mail(s) sent" in _catch_up()  # the worker is about to send them
    with time_machine.travel(timezone.now() + timedelta(days=9)):
        assert "2 e-mail(s) sent, 1 unconfirmed sign-up(s) removed." in _catch_up()
        assert "0 e-mail(s) sent, 0 unconfirmed" in _catch_up()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "daily@example.net",
        "now@example.net",
    ]
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert not Subscriber.objects.filter(email="never@example.net").exists()
