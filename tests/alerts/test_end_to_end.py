"""The whole path over real SMTP: sign up, confirm, publish, receive, unsubscribe."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alerts.models import Delivery, DeliveryStatus, Subscriber, Subscription
from press import workflow
from press.models import Status
from tests.press import workflow_world as world

from . import smtp
from .conftest import SITE_URL

pytestmark = pytest.mark.django_db

POLICING_IN_STATES = "field_of_work=policing&country=participating-states"


def test_nothing_is_sent_before_confirmation(sign_up, publish, taxonomy, smtp_server, run_tasks):
    message = sign_up(POLICING_IN_STATES, "anna@example.net", confirm=False)
    assert "Press releases about Policing in Participating States" in smtp.text_of(message)
    publish(
        title="Police reform in Belarus", fields=[taxonomy.policing], countries=[taxonomy.belarus]
    )
    run_tasks()
    assert len(smtp_server.to("anna@example.net")) == 1  # the confirmation only
    assert not Delivery.objects.exists()


def test_a_matching_release_is_sent_at_once_and_a_non_matching_one_is_not(
    sign_up, publish, taxonomy, smtp_server, run_tasks
):
    sign_up(POLICING_IN_STATES, "anna@example.net")
    smtp_server.clear()
    # Community policing is under Policing, Belarus under the Participating States: subtrees.
    match = publish(
        title="Community police in Belarus",
        lead="Officers trained in Minsk.",
        fields=[taxonomy.community],
        countries=[taxonomy.belarus],
    )
    publish(title="Borders of Belarus", fields=[taxonomy.borders], countries=[taxonomy.belarus])
    publish(title="Police in Japan", fields=[taxonomy.policing], countries=[taxonomy.japan])
    run_tasks()

    (message,) = smtp_server.to("anna@example.net")
    assert message["Subject"] == "OSCE: Community police in Belarus"
    text, html = smtp.text_of(message), smtp.html_of(message)
    assert "Officers trained in Minsk." in text
    assert f"{SITE_URL}/press-releases/{match.slug}/" in text
    assert f'href="{SITE_URL}/press-releases/{match.slug}/"' in html
    unsubscribe = message["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{SITE_URL}/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert any("/alerts/manage/" in path for path in smtp.links(message, SITE_URL))


def test_alerts_come_in_the_subscribers_language(
    sign_up, publish, taxonomy, smtp_server, run_tasks
):
    confirmation = sign_up("field_of_work=policing", "jean@example.net", language="fr")
    assert "Communiqués de presse" in smtp.text_of(confirmation)
    assert "/fr/alerts/confirm/" in smtp.text_of(confirmation)
    smtp_server.clear()
    release = publish(title="Police", fields=[taxonomy.policing])
    run_tasks()
    (message,) = smtp_server.to("jean@example.net")
    assert f"{SITE_URL}/fr/press-releases/{release.slug}/" in smtp.text_of(message)
    assert '<html lang="fr">' in smtp.html_of(message)
    assert "Se désabonner de cette alerte :" in smtp.text_of(message)
    assert "Communiqués de presse sur Policing" in smtp.text_of(message)


def test_drafts_reviews_and_withdrawals_never_send_an_alert(
    sign_up, publish, taxonomy, editor, smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    sign_up("field_of_work=policing", "anna@example.net")
    smtp_server.clear()
    author = world.user("press_officer", taxonomy.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        draft = world.release(taxonomy.secretariat, author=author)
        workflow.submit(draft, author)
    release = publish(title="Police", fields=[taxonomy.policing])
    run_tasks()
    assert len(smtp_server.to("anna@example.net")) == 1
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(release, editor, "Issued in error.")
    run_tasks()
    assert len(smtp_server.to("anna@example.net")) == 1


def test_a_release_withdrawn_before_the_worker_runs_is_not_sent(
    sign_up, publish, taxonomy, editor, smtp_server, run_tasks, django_capture_on_commit_callbacks
):
    sign_up("field_of_work=policing", "anna@example.net")
    smtp_server.clear()
    release = publish(title="Police", fields=[taxonomy.policing])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(release, editor)
    run_tasks()
    assert smtp_server.to("anna@example.net") == []


def test_one_click_unsubscribe_from_the_header_deletes_the_address(
    sign_up, publish, taxonomy, smtp_server, run_tasks
):
    sign_up("field_of_work=policing", "anna@example.net")
    publish(title="Police", fields=[taxonomy.policing])
    run_tasks()
    message = smtp_server.to("anna@example.net")[-1]
    url = message["List-Unsubscribe"].strip("<>")
    # RFC 8058: the mail client POSTs this body to the URL, with no cookie and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix(SITE_URL),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not Subscriber.objects.exists()
    smtp_server.clear()
    publish(title="Police again", fields=[taxonomy.policing])
    run_tasks()
    assert smtp_server.to("anna@example.net") == []


def test_unsubscribing_by_the_link_keeps_the_address_other_alerts(
    client, sign_up, publish, taxonomy, smtp_server, run_tasks
):
    sign_up("field_of_work=policing", "anna@example.net")
    sign_up("country=japan", "anna@example.net")
    publish(title="Police", fields=[taxonomy.policing])
    run_tasks()
    message = smtp_server.to("anna@example.net")[-1]
    (path,) = [p for p in smtp.links(message, SITE_URL) if "/unsubscribe/" in p]
    page = client.get(path)
    assert "Press releases about Policing" in page.content.decode()
    assert client.post(path).status_code == 200
    assert Subscriber.objects.get().subscriptions.get().filter.query == "country=japan"
    assert client.post(path).status_code == 200  # again: already stopped, same answer


def test_digests_collect_the_day_and_go_out_at_the_digest_hour(
    sign_up, publish, taxonomy, smtp_server, run_tasks, settings
):
    settings.ALERTS_DIGEST_HOUR = 7
    morning = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Vienna
    with time_machine.travel(morning, tick=False):
        sign_up("field_of_work=policing", "daily@example.net", frequency="daily")
        sign_up("field_of_work=policing", "weekly@example.net", frequency="weekly")
        smtp_server.clear()
        first = publish(title="First", fields=[taxonomy.policing])
        second = publish(title="Second", fields=[taxonomy.community])
        run_tasks()
    assert smtp_server.messages == []
    next_digest = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # 07:00 in Vienna
    with time_machine.travel(next_digest - timedelta(seconds=1), tick=False):
        run_tasks()
    assert smtp_server.messages == []
    with time_machine.travel(next_digest + timedelta(seconds=1), tick=False):
        run_tasks()
    (digest,) = smtp_server.to("daily@example.net")
    text = smtp.text_of(digest)
    assert "2 new items" in digest["Subject"]
    assert first.title in text and second.title in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert smtp_server.to("weekly@example.net") == []
    monday = datetime(2026, 3, 9, 6, 0, tzinfo=UTC)
    with time_machine.travel(monday + timedelta(seconds=1), tick=False):
        run_tasks()
    (weekly,) = smtp_server.to("weekly@example.net")
    assert "2 new items" in weekly["Subject"]
    assert len(smtp_server.to("daily@example.net")) == 1


def test_an_smtp_failure_is_retried_later_without_sending_anything_twice(
    sign_up, publish, taxonomy, smtp_server, run_tasks, settings
):
    settings.TASK_RETRY_SECONDS = 60
    for name in ("a", "b", "c"):
        sign_up("field_of_work=policing", f"{name}@example.net")
    smtp_server.clear()
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        smtp_server.fail_next(1, after=1)  # accepts the first alert, refuses the second
        publish(title="Police", fields=[taxonomy.policing])
        run_tasks()
    assert len(smtp_server.messages) == 1
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 1
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 2
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        run_tasks()
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "a@example.net",
        "b@example.net",
        "c@example.net",
    ]
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 3
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        run_tasks()
    assert len(smtp_server.messages) == 3


def test_a_scheduled_release_is_delivered_by_the_worker_at_its_time(
    sign_up, publish, taxonomy, smtp_server, run_tasks
):
    sign_up("field_of_work=policing", "anna@example.net")
    smtp_server.clear()
    noon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    release = publish(title="Embargoed", fields=[taxonomy.policing], when=noon)
    assert release.status == Status.SCHEDULED
    with time_machine.travel(noon - timedelta(seconds=1), tick=False):
        run_tasks()
    assert smtp_server.messages == []
    with time_machine.travel(noon + timedelta(seconds=1), tick=False):
        run_tasks()
    (message,) = smtp_server.to("anna@example.net")
    assert message["Subject"] == "OSCE: Embargoed"


def test_after_the_last_retry_the_alert_is_marked_failed_for_the_admin(
    sign_up, publish, taxonomy, smtp_server, run_tasks, settings
):
    settings.TASK_MAX_ATTEMPTS = 2
    settings.TASK_RETRY_SECONDS = 60
    sign_up("field_of_work=policing", "anna@example.net")
    smtp_server.clear()
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False):
        smtp_server.fail_next(99)
        publish(title="Police", fields=[taxonomy.policing])
        run_tasks()
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        run_tasks()
    assert smtp_server.messages == []
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "Try again later" in delivery.error
    failed = DBTaskResult.objects.filter(task_path="alerts.tasks.send_immediate", status="FAILED")
    assert failed.count() == 2
