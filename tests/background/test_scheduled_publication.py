"""Scheduled publication runs on the task queue at its time, without cron."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from editorial.models import AuditEntry
from press import workflow
from press.models import Status
from tests.press import workflow_world as world

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _publication_task():
    return DBTaskResult.objects.get(task_path="press.tasks.publish_due")


@pytest.fixture
def scheduled(django_capture_on_commit_callbacks):
    source = world.structure("Secretariat")
    author = world.user("press_officer", source, name="author")
    editor = world.user("editor", source, name="chief")
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        release = world.release(source, author=author, status=Status.SUBMITTED, published_at=NOON)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.approve(release, editor)
    return release


def test_scheduling_a_release_enqueues_its_publication_at_its_time(scheduled):
    task = DBTaskResult.objects.get()
    assert task.task_path == "press.tasks.publish_due"
    assert task.run_after == NOON
    assert task.status == "READY"


def test_a_rolled_back_schedule_enqueues_nothing(django_capture_on_commit_callbacks):
    source = world.structure("Secretariat")
    editor = world.user("editor", source)
    draft = world.release(source, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        workflow.schedule(draft, editor, NOON - timedelta(days=3650))
    assert not DBTaskResult.objects.exists()


def test_the_worker_publishes_at_the_time_and_not_before(scheduled, run_tasks):
    with time_machine.travel(NOON - timedelta(seconds=1), tick=False):
        run_tasks()
    scheduled.refresh_from_db()
    assert scheduled.status == Status.SCHEDULED
    assert _publication_task().status == "READY"

    with time_machine.travel(NOON + timedelta(seconds=1), tick=False):
        run_tasks()
    scheduled.refresh_from_db()
    assert scheduled.status == Status.PUBLISHED
    task = _publication_task()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == [scheduled.pk]


def test_the_task_and_the_catch_up_command_publish_once_between_them(scheduled, run_tasks):
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
        run_tasks()
    assert _publication_task().return_value == []
    assert AuditEntry.objects.for_item(scheduled).filter(action="publish_scheduled").count() == 1
