"""Scheduling the end of a public item: withdraw or unpublish at a time (issue 11)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from editorial import signals
from editorial.models import Status
from press import workflow
from press.models import PressRelease

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def public():
    home = world.structure("Secretariat")
    editor = world.user("editor", home)
    with time_machine.travel(NOON - timedelta(days=2), tick=False):
        release = world.release(home, status=Status.PUBLISHED)
    return release, editor


def test_a_scheduled_withdrawal_happens_at_its_time_with_its_notice(
    public, django_capture_on_commit_callbacks
):
    release, editor = public
    heard = []
    signals.public_output_changed.connect(
        lambda instance, change, **kw: heard.append(change), dispatch_uid="end-test", weak=False
    )
    try:
        with time_machine.travel(NOON - timedelta(days=1), tick=False):
            workflow.schedule_end(release, editor, NOON, "withdraw", "Replaced by a new text.")
        with time_machine.travel(NOON - timedelta(seconds=1), tick=False):
            assert workflow.run_due() == []
        with (
            time_machine.travel(NOON, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert [item.pk for item in workflow.run_due()] == [release.pk]
    finally:
        signals.public_output_changed.disconnect(dispatch_uid="end-test")
    release.refresh_from_db()
    assert (release.status, release.withdrawal_note) == (
        Status.WITHDRAWN,
        "Replaced by a new text.",
    )
    assert release.ends_at is None
    assert heard == [signals.UPDATED]
    assert release.audit_entries.filter(action="scheduled_end").count() == 1


def test_a_scheduled_unpublish_takes_the_release_offline(public):
    release, editor = public
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        workflow.schedule_end(release, editor, NOON, "unpublish")
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        workflow.run_due()
        assert not PressRelease.objects.public().filter(pk=release.pk).exists()


def test_a_scheduled_end_can_be_cancelled(public):
    release, editor = public
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        workflow.schedule_end(release, editor, NOON, "unpublish")
        release.refresh_from_db()
        workflow.cancel_end(release, editor)
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        assert workflow.run_due() == []
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("when", "action", "note"),
    [
        (NOON - timedelta(days=3), "unpublish", ""),  # before now
        (None, "unpublish", ""),  # no time
        (NOON, "withdraw", ""),  # a withdrawal needs its notice
        (NOON, "delete", ""),  # no such end
    ],
)
def test_a_bad_end_is_refused_and_changes_nothing(public, when, action, note):
    release, editor = public
    before = world.row(release)
    with time_machine.travel(NOON - timedelta(days=1), tick=False), pytest.raises(ValidationError):
        workflow.schedule_end(release, editor, when, action, note)
    assert world.row(release) == before
