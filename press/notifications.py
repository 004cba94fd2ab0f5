"""E-mails about the editorial workflow, rendered from templates/press/email/*.txt.

Plain text only (no HTML part), so nothing a press officer typed can become markup in a mail
client. Mails go through the outbox of ``osce_cms.mail``: recorded with the transition, sent after
it commits, retried when the mail server fails; a refused or rolled-back transition notifies
nobody, and a failing mail server never fails a transition.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from osce_cms import mail
from osce_cms.links import absolute_url
from taxonomy import subtrees


def editors_for(release):
    """Active users who may review ``release`` (by group or own permission) in its scope."""
    source = release.source
    reviewers = Q(groups__permissions__codename="review_pressrelease") | Q(
        user_permissions__codename="review_pressrelease"
    )
    return (
        get_user_model()
        .objects.filter(
            reviewers,
            subtrees.containing("editorial_scopes__structure", source),
            is_active=True,
            is_staff=True,
        )
        .exclude(email="")
        .distinct()
    )


def _send(template, release, actor, recipients, **context):
    addresses = sorted(
        {user.email for user in recipients if user.email and (actor is None or user != actor)}
    )
    if not addresses:
        return
    context.update(
        release=release,
        actor=actor,
        admin_url=absolute_url(reverse("admin:press_pressrelease_change", args=[release.pk])),
        site_name=settings.SITE_SHORT_NAME,
    )
    subject = render_to_string(f"press/email/{template}_subject.txt", context)
    body = render_to_string(f"press/email/{template}_body.txt", context)
    messages = [
        EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in addresses
    ]
    mail.queue(messages)


def submitted(release, actor):
    """Tell the editors of the release's scope that it awaits their review."""
    _send("submitted", release, actor, editors_for(release))


def rejected(release, actor, comment):
    """Tell the author why their release went back to draft."""
    _send(
        "rejected",
        release,
        actor,
        [release.created_by] if release.created_by else [],
        comment=comment,
    )


def published(release, actor):
    """Tell the author their release is published (or scheduled)."""
    _send("published", release, actor, [release.created_by] if release.created_by else [])


def source_changed(translation, source, actor):
    """Tell whoever made or last edited ``translation`` that its source had a major change."""
    recipients = {user for user in (translation.created_by, translation.updated_by) if user}
    latest = source.change_notes.first()
    _send(
        "source_changed",
        translation,
        actor,
        recipients,
        source=source,
        note=latest.note if latest else "",
    )
