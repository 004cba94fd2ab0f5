"""The alerts in the admin: subscribers per filter, sends per day, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from alerts import registry, subscriptions
from alerts.models import Delivery, DeliveryStatus, Frequency, Subscriber, Subscription
from tests.press import workflow_world as world

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(world.user("superuser", name="root"))
    return client


def _subscribe(query, count, confirmed=True):
    kind = registry.get("press")
    alert_filter = subscriptions.filter_for(kind, kind.parse(QueryDict(query)))
    made = []
    for _ in range(count):
        subscriber = Subscriber.objects.create(email=f"r{Subscriber.objects.count()}@example.net")
        made.append(
            Subscription.objects.create(
                subscriber=subscriber,
                filter=alert_filter,
                confirmed_at=timezone.now() if confirmed else None,
            )
        )
    return made


def test_filters_are_listed_with_their_subscriber_counts(
    admin_client, taxonomy, django_assert_max_num_queries
):
    _subscribe("country=belarus", 3)
    _subscribe("country=belarus", 2, confirmed=False)
    _subscribe("field_of_work=policing", 1)
    with django_assert_max_num_queries(8):
        html = admin_client.get("/admin/alerts/alertfilter/").content.decode()
    rows = html.split('id="result_list"')[1].split("<tr")[2:]
    assert "Press releases in Belarus" in rows[0]
    assert '<td class="field-subscribers">3</td>' in rows[0]
    assert '<td class="field-waiting">2</td>' in rows[0]
    assert '<td class="field-subscribers">1</td>' in rows[1]


def test_the_subscription_list_costs_the_same_queries_for_more_rows(
    admin_client, taxonomy, django_assert_max_num_queries
):
    _subscribe("country=belarus", 2)
    with django_assert_max_num_queries(8) as few:
        admin_client.get("/admin/alerts/subscription/")
    _subscribe("country=japan", 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert admin_client.get("/admin/alerts/subscription/").status_code == 200


def test_sends_per_day_are_counted_on_the_delivery_list(admin_client, taxonomy):
    (subscription,) = _subscribe("country=belarus", 1)
    now = timezone.now()
    for number, (status, sent_at) in enumerate(
        [
            (DeliveryStatus.SENT, now),
            (DeliveryStatus.SENT, now),
            (DeliveryStatus.SENT, now - timedelta(days=1)),
            (DeliveryStatus.FAILED, None),
        ]
    ):
        Delivery.objects.create(
            subscription=subscription,
            kind="press",
            object_id=number,
            frequency=Frequency.IMMEDIATE,
            status=status,
            due_at=now,
            sent_at=sent_at,
        )
    html = admin_client.get("/admin/alerts/delivery/").content.decode()
    table = html.split('id="sends-per-day"')[1].split("</table>")[0]
    assert [cell.split("</td>")[0] for cell in table.split("<td>")[2::2]] == ["2", "1"]
    assert "Failed" in html


def test_deleting_a_subscription_in_the_admin_unsubscribes(admin_client, taxonomy):
    (subscription,) = _subscribe("country=belarus", 1)
    response = admin_client.post(
        f"/admin/alerts/subscription/{subscription.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_staff_without_the_alert_permissions_see_nothing(client, taxonomy):
    _subscribe("country=belarus", 1)
    client.force_login(world.user("editor", taxonomy.secretariat))
    assert client.get("/admin/alerts/subscription/").status_code == 403
    assert client.get("/admin/alerts/alertfilter/").status_code == 403
