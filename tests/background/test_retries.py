"""Retries with a doubling delay; every failed attempt stays visible in the task results."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from osce_cms import background

from .tasks import flaky

pytestmark = pytest.mark.django_db


def _attempts():
    """The task results, first attempt first."""
    results = DBTaskResult.objects.all()
    return sorted(results, key=lambda result: result.args_kwargs["kwargs"].get("attempt", 0))


@pytest.fixture(autouse=True)
def _backoff(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_SECONDS = 60


def test_a_failing_task_is_retried_after_one_then_two_minutes_and_succeeds(run_tasks):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        flaky.enqueue("twice", 2)
        run_tasks()
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        run_tasks()  # too early for the retry
    assert [result.status for result in _attempts()] == ["FAILED", "READY"]
    with time_machine.travel(start + timedelta(minutes=1, seconds=1), tick=False):
        run_tasks()
    with time_machine.travel(start + timedelta(minutes=3, seconds=2), tick=False):
        run_tasks()
    results = _attempts()
    assert [result.status for result in results] == ["FAILED", "FAILED", "SUCCESSFUL"]
    assert results[1].run_after == start + timedelta(minutes=1)
    assert results[2].run_after == start + timedelta(minutes=1, seconds=1) + timedelta(minutes=2)
    assert "attempt 0 failed" in results[0].traceback
    assert results[2].return_value == 2


def test_after_the_last_attempt_nothing_more_is_enqueued_and_the_failure_stays(run_tasks):
    start = timezone.now()
    flaky.enqueue("always", 99)
    for minutes in (0, 2, 5, 10):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            run_tasks()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"] * 3


def test_enqueue_on_commit_enqueues_only_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        background.enqueue_on_commit(flaky, "later", 0)
    assert not DBTaskResult.objects.exists()
    callbacks[0]()
    assert DBTaskResult.objects.get().task_path == "tests.background.tasks.flaky"
