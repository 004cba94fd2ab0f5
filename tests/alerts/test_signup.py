"""The sign-up page: the filter in words, the same answer for every address, limits, links."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.http import QueryDict
from django.utils import timezone

from alerts import registry, subscriptions, tokens
from alerts.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db


def post(client, query, email="anna@example.net", frequency="immediate", language="en", **extra):
    return client.post(
        f"/alerts/new/?{query}",
        {"email": email, "frequency": frequency, "language": language},
        **extra,
    )


def test_the_form_shows_the_filter_in_words(client, taxonomy):
    page = client.get("/alerts/new/?field_of_work=policing&country=belarus&page=2")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Press releases about Policing in Belarus" in html
    assert 'action="?field_of_work=policing&amp;country=belarus"' in html
    assert page["Cache-Control"].startswith("max-age=0")


def test_unknown_values_and_dates_are_named_and_ignored(client, taxonomy):
    html = client.get("/alerts/new/?country=atlantis&date_from=2020-01-01").content.decode()
    assert "Unknown country “atlantis” was ignored." in html
    assert "Dates are not part of an alert" in html
    assert "Press releases</strong>" in html


def test_an_unknown_kind_is_not_found(client):
    assert client.get("/alerts/new/?kind=nothing").status_code == 404


def test_a_bad_address_is_a_form_error(client, taxonomy):
    response = post(client, "country=belarus", email="not an address")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_new_and_a_known_address_get_the_same_answer_and_nothing_changes_before_confirming(
    client, taxonomy, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, "country=belarus", frequency="daily")
    run_tasks()
    confirm = mail.outbox[-1]
    token = confirm.body.split("/alerts/confirm/")[1].split("/")[0]
    client.post(f"/alerts/confirm/{token}/")
    with django_capture_on_commit_callbacks(execute=True):
        second = post(client, "country=belarus", frequency="weekly", language="de")
    run_tasks()
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert client.get(first["Location"]).content == client.get(second["Location"]).content
    subscription = Subscription.objects.get()
    assert (subscription.frequency, subscription.language) == ("daily", "en")
    # The new settings are applied only through the link sent to the address.
    token = mail.outbox[-1].body.split("/alerts/confirm/")[1].split("/")[0]
    client.post(f"/de/alerts/confirm/{token}/")
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.language) == ("weekly", "de")


def test_sign_ups_are_limited_per_address(
    client, taxonomy, settings, django_capture_on_commit_callbacks, run_tasks
):
    settings.ALERTS_SIGNUPS_PER_ADDRESS = 2
    queries = ["country=belarus", "country=japan", "country=ukraine"]
    for number, query in enumerate(queries):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, query, REMOTE_ADDR=f"10.0.0.{number}")
        assert response.status_code == 302
    run_tasks()
    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 2


def test_sign_ups_are_limited_per_client(client, taxonomy, settings):
    settings.ALERTS_SIGNUPS_PER_CLIENT = 2
    for number in range(2):
        assert post(client, "country=belarus", email=f"r{number}@example.net").status_code == 302
    response = post(client, "country=belarus", email="r9@example.net")
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert Subscriber.objects.count() == 2


@pytest.mark.parametrize("view", ["confirm", "manage", "unsubscribe"])
def test_a_tampered_link_is_refused_with_a_clear_page(client, taxonomy, view):
    response = client.get(f"/alerts/{view}/bm90LWEtdG9rZW4:1abcde:forged/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert client.post(f"/alerts/{view}/forged/").status_code == 400


def test_an_expired_confirmation_link_is_refused(client, taxonomy):
    subscriber = Subscriber.objects.create(email="late@example.net")

    kind = registry.get("press")
    subscription = Subscription.objects.create(
        subscriber=subscriber,
        filter=subscriptions.filter_for(kind, kind.parse(QueryDict("country=japan"))),
    )
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        token = tokens.confirm_token(subscription, "daily", "en")
    response = client.post(f"/alerts/confirm/{token}/")
    assert response.status_code == 400
    assert "has expired" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_the_manage_page_lists_the_alerts_of_its_address_only(
    client, sign_up, taxonomy, django_assert_max_num_queries
):
    sign_up("country=belarus", "anna@example.net")
    sign_up("field_of_work=policing", "anna@example.net", confirm=False)
    sign_up("country=japan", "other@example.net")
    token = tokens.manage_token(Subscriber.objects.get(email="anna@example.net"))
    with django_assert_max_num_queries(4):
        html = client.get(f"/alerts/manage/{token}/").content.decode()
    assert "Press releases in Belarus" in html
    assert "Press releases about Policing" in html
    assert "waiting for confirmation" in html
    assert "Japan" not in html
    client.post(f"/alerts/manage/{token}/")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["other@example.net"]
    assert "There are no e-mail alerts" in client.get(f"/alerts/manage/{token}/").content.decode()
