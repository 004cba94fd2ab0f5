"""``public_output_changed``: sent after commit exactly when the public can see a difference."""

from datetime import timedelta

import pytest
from django.utils import timezone

from editorial import preview, signals
from editorial.models import Status
from press import workflow
from press.models import PressRelease

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    changes = []

    def listener(sender, instance, change, **kwargs):
        changes.append((sender, instance.pk, change))

    signals.public_output_changed.connect(listener, dispatch_uid="test-listener")
    yield changes
    signals.public_output_changed.disconnect(dispatch_uid="test-listener")


@pytest.fixture
def people():
    home = world.structure("Secretariat")
    return {
        "home": home,
        "officer": world.user("press_officer", home),
        "editor": world.user("editor", home),
        "root": world.user("superuser"),
    }


def _edit(release, user, **values):
    for name, value in values.items():
        setattr(release, name, value)
    return workflow.save_edit(release, user, expected_version=release.version)


def _run(capture, heard, step):
    heard.clear()
    with capture(execute=True):
        step()
    return [change for _sender, _pk, change in heard]


def test_steps_nobody_outside_sees_send_nothing(people, heard, django_capture_on_commit_callbacks):
    officer, editor = people["officer"], people["editor"]
    release = world.release(people["home"], author=officer)
    later = timezone.now() + timedelta(days=1)
    capture = django_capture_on_commit_callbacks
    steps = [
        lambda: _edit(release, officer, title="Draft, edited"),
        lambda: workflow.submit(release, officer),
        lambda: workflow.reject(release, editor, "Shorter, please."),
        lambda: workflow.submit(release, officer),
        lambda: workflow.schedule(release, editor, later),
        lambda: workflow.reschedule(release, editor, later + timedelta(hours=1)),
        lambda: preview.create_link(release, editor, timezone.now() + timedelta(days=2)),
        lambda: workflow.cancel_schedule(release, editor),
        lambda: workflow.delete(release, editor),
        lambda: workflow.restore(release, editor),
    ]
    for step in steps:
        assert _run(capture, heard, step) == []
        release.refresh_from_db()


def test_public_steps_send_what_changed(people, heard, django_capture_on_commit_callbacks):
    officer, editor = people["officer"], people["editor"]
    release = world.release(people["home"], author=officer, status=Status.SUBMITTED)
    capture = django_capture_on_commit_callbacks
    expected = [
        (lambda: workflow.approve(release, editor), [signals.PUBLISHED]),
        (lambda: _edit(release, editor, title="Corrected"), [signals.UPDATED]),
        (lambda: workflow.withdraw(release, editor, "Superseded."), [signals.UPDATED]),
        (lambda: workflow.undo_withdraw(release, editor), [signals.UPDATED]),
        (lambda: workflow.unpublish(release, editor), [signals.REMOVED]),
    ]
    for step, changes in expected:
        assert _run(capture, heard, step) == changes
        release.refresh_from_db()


def test_trashing_a_public_release_removes_it_and_restoring_brings_it_back(
    people, heard, django_capture_on_commit_callbacks
):
    editor = people["editor"]
    release = world.release(people["home"], status=Status.PUBLISHED)
    capture = django_capture_on_commit_callbacks
    assert _run(capture, heard, lambda: workflow.delete(release, editor)) == [signals.REMOVED]
    release.refresh_from_db()
    assert _run(capture, heard, lambda: workflow.restore(release, editor)) == [signals.PUBLISHED]


def test_a_scheduled_time_coming_due_is_announced_once(
    people, heard, django_capture_on_commit_callbacks
):
    release = world.release(
        people["home"], status=Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=1)
    )
    capture = django_capture_on_commit_callbacks
    assert _run(capture, heard, workflow.run_due) == [signals.PUBLISHED]
    assert heard[0][:2] == (PressRelease, release.pk)
    assert _run(capture, heard, workflow.run_due) == []


def test_retrospective_review_changes_nothing_public(
    people, heard, django_capture_on_commit_callbacks
):
    release = world.release(people["home"], author=people["editor"])
    capture = django_capture_on_commit_callbacks
    changes = _run(capture, heard, lambda: workflow.force_publish(release, people["editor"], "Now"))
    assert changes == [signals.PUBLISHED]
    second = world.user("editor", people["home"])
    release.refresh_from_db()
    assert _run(capture, heard, lambda: workflow.approve(release, second)) == []


def test_nothing_is_announced_when_the_transaction_rolls_back(people, heard):
    release = world.release(people["home"], status=Status.SUBMITTED)
    workflow.approve(release, people["editor"])  # on_commit never runs inside the test's atomic
    assert heard == []


def test_a_failing_listener_never_fails_the_committed_action(
    people, heard, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise ConnectionError("cache down")

    signals.public_output_changed.connect(broken, dispatch_uid="test-broken")
    try:
        release = world.release(people["home"], status=Status.SUBMITTED)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.approve(release, people["editor"])
    finally:
        signals.public_output_changed.disconnect(dispatch_uid="test-broken")
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert [change for _s, _pk, change in heard] == [signals.PUBLISHED]
