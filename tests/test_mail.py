"""A mail server that is down never fails or half-does an action: the mail is kept and retried."""

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

from osce_cms import mail
from osce_cms.models import OutgoingMail
from press import workflow
from press.models import Status
from tests.press import workflow_world as world

DOWN = {"default": {"BACKEND": "tests.test_mail.MailServerDown"}}
WORKING = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def submitted_by_officer(db, client, settings, django_capture_on_commit_callbacks):
    """A press officer submits a draft through the admin while the mail server is down."""
    unit = world.structure("Secretariat")
    world.user("editor", unit, name="editor")
    officer = world.user("press_officer", unit, name="officer")
    draft = world.release(unit, author=officer)
    settings.MAILERS = DOWN
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/press/pressrelease/{draft.pk}/transition/submit/")
    draft.refresh_from_db()
    return response, draft


def test_a_workflow_action_succeeds_when_the_mail_server_is_down(submitted_by_officer):
    response, draft = submitted_by_officer

    assert response.status_code == 302
    assert draft.status == Status.SUBMITTED
    [owed] = OutgoingMail.objects.all()
    assert owed.to == "editor@example.org" and owed.sent_at is None
    assert owed.attempts == 1 and "SMTPServerDisconnected" in owed.last_error


def test_mail_that_failed_is_sent_later_by_the_command(submitted_by_officer, settings):
    settings.MAILERS = WORKING
    call_command("send_outgoing_mail", stdout=io.StringIO())
    assert django_mail.outbox == []  # not due yet: the next attempt waits a minute

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        call_command("send_outgoing_mail", stdout=io.StringIO())

    [message] = django_mail.outbox
    assert message.to == ["editor@example.org"] and "review" in message.subject.lower()
    assert OutgoingMail.objects.get().sent_at is not None


def test_each_failure_waits_longer_and_gives_up_after_the_last_attempt(
    submitted_by_officer, settings
):
    row = OutgoingMail.objects.get()
    for _attempt in range(mail.MAX_ATTEMPTS):
        row.refresh_from_db()
        with time_machine.travel(row.next_attempt_at + timedelta(seconds=1)):
            mail.send(mail.due())
    row.refresh_from_db()

    assert row.attempts == mail.MAX_ATTEMPTS and row.sent_at is None
    assert not mail.due(row.next_attempt_at + timedelta(days=365)).exists()


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
