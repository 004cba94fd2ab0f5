"""Background work of the press releases: a scheduled release is published at its time."""

from django.tasks import task

from osce_cms import background


@task
def publish_due():
    """Publish every scheduled release whose time has come (idempotent: the same function as
    the ``publish_scheduled`` catch-up command). Returns the ids it published."""
    from . import workflow

    return [release.pk for release in workflow.publish_due()]


def schedule_publication(release):
    """Have the worker publish ``release`` at its publication time (after this commit)."""
    background.enqueue_on_commit(publish_due, run_after=release.published_at)


def on_schedule_changed(sender, instance, at=None, **kwargs):
    """The engine's ``schedule_changed``: a release will go public at ``at``."""
    if at is not None:
        schedule_publication(instance)
