"""Background work through Django's tasks framework (``django.tasks``).

The backend comes from settings (``TASKS_QUEUE``: the database queue of django-tasks-db by
default, or Redis), so nothing here knows which one runs. Two rules every task follows:

- It is enqueued when the transaction that asked for it commits (``enqueue_on_commit``): a
  rolled-back action leaves no task behind, and a queue that is down never undoes an action
  that succeeded (the failure is logged; the catch-up commands pick the work up).
- It is idempotent: run twice, or again after a crash, it does nothing twice. A task that failed
  on an outside service asks for another attempt (``retry_later``) with a doubling delay, up to
  ``TASK_MAX_ATTEMPTS``; each failed attempt stays in the task results (admin, "Task results")
  with its traceback, so an administrator sees what went wrong.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def enqueue_on_commit(task, *args, run_after=None, **kwargs):
    """Enqueue ``task(*args, **kwargs)`` once the current transaction commits.

    ``run_after`` (an aware datetime) defers it: the worker starts it at that time, not before.
    """

    def enqueue():
        deferred = task.using(run_after=run_after) if run_after is not None else task
        deferred.enqueue(*args, **kwargs)

    transaction.on_commit(enqueue, robust=True)


def retry_delay(attempt):
    """How long to wait before attempt ``attempt + 1`` (0-based): 1, 2, 4, 8… × the base."""
    return timedelta(seconds=settings.TASK_RETRY_SECONDS * 2**attempt)


def retry_later(task, attempt, *args, **kwargs):
    """Enqueue ``task`` again as attempt ``attempt + 1`` after the back-off delay.

    Returns False, enqueueing nothing, when the attempts are used up. The task takes the
    attempt number as its ``attempt`` keyword argument.
    """
    if attempt + 1 >= settings.TASK_MAX_ATTEMPTS:
        return False
    when = timezone.now() + retry_delay(attempt)
    task.using(run_after=when).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True
