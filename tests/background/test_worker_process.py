"""A real worker process publishes a scheduled release at its time (no cron, no test backend)."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from alerts import registry, subscriptions
from alerts.models import Delivery, Subscriber, Subscription
from press import workflow
from press.models import AuditEntry, PressRelease, Status
from tests.alerts import smtp
from tests.press import workflow_world as world
from tests.press.conftest import taxonomy  # noqa: F401 - the shared trees

from .worker import wait_for, worker_process

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: its flush then leaves the tables empty, as the serialized-rollback
    # tests that follow it (tests/browser/) need; without it, flush re-creates the content
    # types and their restore fails on duplicates.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_a_worker_process_publishes_a_scheduled_release_at_its_time():
    source = world.structure("Secretariat")
    editor = world.user("editor", source)
    release = world.release(source, status=Status.SUBMITTED)
    when = timezone.now() + timedelta(seconds=3)
    workflow.schedule(release, editor, when)

    with worker_process() as worker:
        published = wait_for(
            lambda: PressRelease.objects.filter(pk=release.pk, status=Status.PUBLISHED).exists()
        )
        if not published:
            worker.terminate()
            pytest.fail(f"the worker did not publish the release:\n{worker.communicate()[0]}")
    entry = AuditEntry.objects.get(release=release, action="publish_scheduled")
    assert entry.created_at >= when
    assert entry.created_at < when + timedelta(seconds=10)


def test_a_worker_process_delivers_the_alert_of_a_scheduled_release_at_its_time(taxonomy):  # noqa: F811
    """Sign-up and confirmation, then an embargoed release: the worker process publishes it at
    its time, matches it and sends the alert through a real SMTP server, once."""
    controller, mailbox = smtp.start()
    try:
        kind = registry.get("press")
        subscriber = Subscriber.objects.create(email="anna@example.net")
        Subscription.objects.create(
            subscriber=subscriber,
            filter=subscriptions.filter_for(
                kind, kind.parse(QueryDict("country=participating-states"))
            ),
            confirmed_at=timezone.now(),
        )
        editor = world.user("editor", taxonomy.secretariat)
        release = world.release(taxonomy.secretariat, status=Status.SUBMITTED, title="Embargoed")
        release.countries.set([taxonomy.belarus])
        when = timezone.now() + timedelta(seconds=3)
        workflow.schedule(release, editor, when)

        environment = {
            "EMAIL_HOST": controller.hostname,
            "EMAIL_PORT": str(controller.port),
            "SITE_URL": "https://www.example.org",
        }
        with worker_process(**environment) as worker:
            delivered = wait_for(lambda: mailbox.to("anna@example.net"), timeout=60)
            if not delivered:
                worker.terminate()
                pytest.fail(f"no alert was delivered:\n{worker.communicate()[0]}")
            time.sleep(1)  # a second send, if there were one, would arrive by now
        (message,) = mailbox.to("anna@example.net")
        assert message["Subject"] == "OSCE: Embargoed"
        assert Delivery.objects.get().sent_at >= when
    finally:
        controller.stop()
