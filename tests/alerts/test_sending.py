"""Sending many alerts: what is shared is made once, yet every e-mail is exactly its
subscriber's, and the cost in queries does not grow with the number of subscribers."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from alerts import delivery, matching, tokens
from alerts.models import Delivery, DeliveryStatus, Frequency, Subscription

from .conftest import SITE_URL

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE_URL


def send_immediate(kind, item):
    matching.record_deliveries(kind, item)
    return delivery.send_immediate(kind, item.pk)


def assert_is_the_alert_rendered_for(kind, message, subscription, items):
    """``message`` is what the alert templates give for ``subscription`` alone."""
    subscription = Subscription.objects.select_related("subscriber", "filter").get(
        pk=subscription.pk
    )
    with translation.override(subscription.language):
        summaries = [kind.summarise(item) for item in items]
        links = delivery.alert_links(subscription)
        context = delivery.alert_context(subscription, summaries, links)
        subject = render_to_string("alerts/email/alert_subject.txt", context)
        assert message.subject == " ".join(subject.split())
        assert message.body == render_to_string("alerts/email/alert.txt", context)
        html = render_to_string("alerts/email/alert.html", context)
        assert [(a.content, a.mimetype) for a in message.alternatives] == [(html, "text/html")]
    assert message.to == [subscription.subscriber.email]
    assert message.extra_headers["List-Unsubscribe"] == f"<{links['unsubscribe_url']}>"
    unsubscribe_token = links["unsubscribe_url"].rstrip("/").rsplit("/", 1)[1]
    assert tokens.read_unsubscribe_token(unsubscribe_token) == subscription.key
    manage_token = links["manage_url"].rstrip("/").rsplit("/", 1)[1]
    assert tokens.read_manage_token(manage_token) == subscription.subscriber.key
    assert links["manage_url"] in message.body
    assert links["unsubscribe_url"] in message.body


def test_each_immediate_alert_is_its_subscribers_own_in_its_language(
    kind, follow, release, taxonomy
):
    readers = [
        follow("field_of_work=policing", language=language) for language in ("en", "fr", "en", "ru")
    ]
    item = release(fields=[taxonomy.policing], title='Police <reform> & "elections"')
    assert send_immediate(kind, item) == 4
    sent = {message.to[0]: message for message in mail.outbox}
    for reader in readers:
        assert_is_the_alert_rendered_for(kind, sent[reader.subscriber.email], reader, [item])
    assert len({message.extra_headers["List-Unsubscribe"] for message in mail.outbox}) == 4


def test_each_digest_is_its_subscribers_own(kind, follow, release, taxonomy):
    readers = [
        follow("field_of_work=policing", frequency=Frequency.DAILY, language=language)
        for language in ("en", "fr", "fr")
    ]
    items = [release(fields=[taxonomy.policing], title=f"Police {n}") for n in (1, 2)]
    for item in items:
        matching.record_deliveries(kind, item)
    assert delivery.send_digests(Frequency.DAILY, timezone.now() + timedelta(days=2)) == 3
    sent = {message.to[0]: message for message in mail.outbox}
    for reader in readers:
        assert_is_the_alert_rendered_for(kind, sent[reader.subscriber.email], reader, items)


def queries_to_send(kind, item):
    matching.record_deliveries(kind, item)
    waiting = Delivery.objects.filter(object_id=item.pk).count()
    with CaptureQueriesContext(connection) as queries:
        assert delivery.send_immediate(kind, item.pk) == waiting
    return [query for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE"))]


def test_sending_to_many_subscribers_costs_the_queries_of_sending_to_a_few_per_chunk(
    kind, follow, release, taxonomy
):
    for _ in range(3):
        follow("field_of_work=policing")
    few = queries_to_send(kind, release(fields=[taxonomy.policing], title="Police one"))
    for n in range(27):
        follow("field_of_work=policing", language=("en", "fr", "de")[n % 3])
    many = queries_to_send(kind, release(fields=[taxonomy.policing], title="Police two"))
    assert len(mail.outbox) == 3 + 30
    # The item; one chunk of deliveries: claimed (read, marked), read with their subscriptions
    # and filters, marked sent; the claim that finds nothing more.
    assert len(few) == len(many) == 6
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 33
    for _ in range(delivery.CHUNK + 1 - 30):
        follow("field_of_work=policing")
    two_chunks = queries_to_send(kind, release(fields=[taxonomy.policing], title="Police three"))
    assert len(two_chunks) == 6 + 4  # one more chunk: claimed, read, marked sent


def test_list_unsubscribe_reaches_the_mail_server_whole_on_one_line(
    kind, follow, release, taxonomy, smtp_server
):
    follow("field_of_work=policing")
    assert send_immediate(kind, release(fields=[taxonomy.policing], title="Police")) == 1
    (raw,) = smtp_server.raw
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert re.search(
        rb"^List-Unsubscribe: <https://www\.example\.org/alerts/unsubscribe/[\w:-]+/>\r$",
        headers,
        re.MULTILINE,
    ), headers.decode()
    assert b"=?" not in headers
