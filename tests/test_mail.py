"""A mail server that is down never fails or half-does an action: the mail is kept and retried
by the worker, with a doubling delay, and the catch-up command sends what is still owed."""

import io
import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail as django_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from osce_cms.models import OutgoingMail
from press import workflow
from press.models import Status
from tests.press import workflow_world as world

DOWN = {"default": {"BACKEND": "tests.test_mail.MailServerDown"}}
WORKING = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _backoff(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_SECONDS = 60


@pytest.fixture
def submitted_while_down(db, client, settings, django_capture_on_commit_callbacks):
    """A press officer submits a draft through the admin while the mail server is down."""
    unit = world.structure("Secretariat")
    world.user("editor", unit, name="editor")
    officer = world.user("press_officer", unit, name="officer")
    draft = world.release(unit, author=officer)
    settings.MAILERS = DOWN
    client.force_login(officer)
    started = timezone.now()
    with time_machine.travel(started, tick=False), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/press/pressrelease/{draft.pk}/transition/submit/")
    draft.refresh_from_db()
    return response, draft, started


def test_a_workflow_action_succeeds_when_the_mail_server_is_down(submitted_while_down):
    response, draft, _started = submitted_while_down

    assert response.status_code == 302
    assert draft.status == Status.SUBMITTED
    [owed] = OutgoingMail.objects.all()
    assert owed.to == "editor@example.org" and owed.sent_at is None
    assert owed.attempts == 1 and "SMTPServerDisconnected" in owed.last_error


def test_the_worker_sends_the_mail_once_the_server_answers(
    submitted_while_down, settings, run_tasks
):
    _response, _draft, started = submitted_while_down
    settings.MAILERS = WORKING
    with time_machine.travel(started + timedelta(seconds=59), tick=False):
        run_tasks()
    assert django_mail.outbox == []  # the retry waits a minute

    with time_machine.travel(started + timedelta(seconds=61), tick=False):
        run_tasks()

    [message] = django_mail.outbox
    assert message.to == ["editor@example.org"] and "review" in message.subject.lower()
    assert OutgoingMail.objects.get().sent_at is not None


def test_each_retry_waits_twice_as_long_until_the_attempts_are_used_up(
    submitted_while_down, run_tasks
):
    _response, _draft, started = submitted_while_down
    for minutes in (1, 3, 7, 15):
        with time_machine.travel(started + timedelta(minutes=minutes, seconds=1), tick=False):
            run_tasks()
    row = OutgoingMail.objects.get()

    assert row.attempts == 3 and row.sent_at is None  # after the commit, then 1 and 2 min later
    assert DBTaskResult.objects.count() == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_the_catch_up_command_sends_what_no_task_sent(submitted_while_down, settings):
    _response, _draft, started = submitted_while_down
    DBTaskResult.objects.all().delete()  # the queue lost the retry
    settings.MAILERS = WORKING

    with time_machine.travel(started + timedelta(minutes=2), tick=False):
        call_command("send_outgoing_mail", stdout=io.StringIO())

    assert [message.to for message in django_mail.outbox] == [["editor@example.org"]]


def test_a_transition_that_rolls_back_leaves_no_mail(db, django_capture_on_commit_callbacks):
    unit = world.structure("Secretariat")
    world.user("editor", unit)
    officer = world.user("press_officer", unit)
    draft = world.release(unit, author=officer)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        workflow.submit(draft, officer)
        transaction.set_rollback(True)

    assert not OutgoingMail.objects.exists()
    assert django_mail.outbox == []


def test_mail_is_sent_at_once_when_the_server_answers(db, django_capture_on_commit_callbacks):
    unit = world.structure("Secretariat")
    world.user("editor", unit, name="editor")
    officer = world.user("press_officer", unit)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(world.release(unit, author=officer), officer)

    assert [message.to for message in django_mail.outbox] == [["editor@example.org"]]
    assert OutgoingMail.objects.get().sent_at is not None
    assert not DBTaskResult.objects.exists()
