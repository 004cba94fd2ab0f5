"""A real worker process publishes a scheduled release at its time (no cron, no test backend)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from editorial.models import AuditEntry
from press import workflow
from press.models import PressRelease, Status
from tests.press import workflow_world as world

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
    entry = AuditEntry.objects.for_item(release).get(action="publish_scheduled")
    assert entry.created_at >= when
    # At its time, not by a later catch-up; the bound leaves room for the worker's start-up,
    # which took over 10 s on a loaded 2-core machine.
    assert entry.created_at < when + timedelta(seconds=30)
