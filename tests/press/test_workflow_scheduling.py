"""Embargoes: a scheduled release is public exactly at its time; publish_scheduled does the rest."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from editorial.models import AuditEntry
from press import workflow
from press.models import PressRelease, Status

from . import workflow_world as world

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def scheduled():
    source = world.structure("Secretariat")
    author = world.user("press_officer", source, name="author")
    editor = world.user("editor", source, name="chief")
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        release = world.release(source, author=author, status=Status.SUBMITTED, published_at=NOON)
        workflow.approve(release, editor)
    release.refresh_from_db()
    assert release.status == Status.SCHEDULED
    return release


def _run():
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def test_scheduled_release_is_public_exactly_at_its_time_without_any_job(scheduled):
    with time_machine.travel(NOON - timedelta(seconds=1), tick=False):
        assert not PressRelease.objects.public().filter(pk=scheduled.pk).exists()
        assert not PressRelease.objects.listed().filter(pk=scheduled.pk).exists()
    with time_machine.travel(NOON, tick=False):
        assert PressRelease.objects.public().filter(pk=scheduled.pk).exists()
        assert PressRelease.objects.listed().filter(pk=scheduled.pk).exists()


def test_publish_scheduled_before_the_time_does_nothing(scheduled):
    with time_machine.travel(NOON - timedelta(seconds=1), tick=False):
        assert "0 scheduled item(s) published" in _run()
    scheduled.refresh_from_db()
    assert scheduled.status == Status.SCHEDULED


def test_publish_scheduled_flips_due_releases_once_and_notifies_the_author(
    scheduled, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with time_machine.travel(NOON + timedelta(seconds=30), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert "1 scheduled item(s) published" in _run()
        with django_capture_on_commit_callbacks(execute=True):
            assert "0 scheduled item(s) published" in _run()  # idempotent
    scheduled.refresh_from_db()
    assert scheduled.status == Status.PUBLISHED
    assert scheduled.first_published_at == NOON
    assert [m.to for m in mail.outbox] == [["author@example.org"]]
    assert AuditEntry.objects.for_item(scheduled).filter(action="publish_scheduled").count() == 1


def test_publish_scheduled_skips_the_trash(scheduled):
    PressRelease.objects.filter(pk=scheduled.pk).update(deleted_at=NOON)
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        assert "0 scheduled" in _run()


def test_schedule_sets_the_embargo_time(scheduled):
    editor = world.user("editor", scheduled.source)
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        draft = world.release(scheduled.source)
        later = NOON + timedelta(hours=6)
        workflow.schedule(draft, editor, later)
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (Status.SCHEDULED, later)


def test_schedule_in_the_past_is_refused(scheduled):
    editor = world.user("editor", scheduled.source)
    draft = world.release(scheduled.source)
    before = world.row(draft)
    with time_machine.travel(NOON, tick=False), pytest.raises(ValidationError):
        workflow.schedule(draft, editor, NOON - timedelta(minutes=1))
    assert world.row(draft) == before


def test_unpublishing_a_scheduled_release_cancels_the_embargo(scheduled):
    editor = world.user("editor", scheduled.source)
    with time_machine.travel(NOON - timedelta(hours=1), tick=False):
        workflow.unpublish(scheduled, editor)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        assert "0 scheduled" in _run()
        assert not PressRelease.objects.public().filter(pk=scheduled.pk).exists()
