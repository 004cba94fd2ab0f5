"""The editorial rule book: who may do what to which release, and the transitions themselves.

Admin, views, commands and tests all call these functions; nothing else changes a release's
status. (Initial interface: the editorial workflow issue fills in roles, scopes, review,
scheduling, revisions, audit and notifications behind the same names.)
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PressRelease, Status


class TransitionError(Exception):
    """A transition that the release's state does not allow; the message is for the user."""


def releases_for(user):
    """The releases ``user`` may see and act on in the admin (their scope)."""
    qs = PressRelease.objects.alive()
    if user.is_superuser:
        return qs
    if not user.has_perm("press.view_pressrelease"):
        return qs.none()
    return qs


def can(user, action, release):
    """May ``user`` perform ``action`` (e.g. "publish", "unpublish", "edit") on ``release``?"""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if action in {"publish", "unpublish"}:
        return user.has_perm("press.publish_pressrelease")
    return user.has_perm("press.change_pressrelease")


def _require(user, action, release):
    if not can(user, action, release):
        raise PermissionDenied(_("You may not do this to this press release."))


@transaction.atomic
def publish(release, user, *, now=None):
    _require(user, "publish", release)
    now = now or timezone.now()
    if release.status == Status.PUBLISHED:
        raise TransitionError(_("The press release is already published."))
    release.status = Status.PUBLISHED if release.published_at <= now else Status.SCHEDULED
    release.first_published_at = release.first_published_at or now
    release.updated_by = user
    release.save()
    return release


@transaction.atomic
def unpublish(release, user, *, alternative_url=""):
    _require(user, "unpublish", release)
    if release.status not in (Status.PUBLISHED, Status.SCHEDULED, Status.WITHDRAWN):
        raise TransitionError(_("Only a published press release can be unpublished."))
    release.status = Status.UNPUBLISHED
    release.alternative_url = alternative_url
    release.updated_by = user
    release.save()
    return release
