"""Previews of releases that are not public: for editors in the admin, and by signed link.

A preview renders the public detail page's own view and template with the release, so it
looks exactly as it will. A preview link is a ``PreviewLink`` row (revocable, with an expiry)
whose key travels signed with a ``TimestampSigner``; an unknown, expired, revoked or tampered
token is a 404. Previews are never cached and never indexed.
"""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _

from . import workflow
from .models import PreviewLink
from .views import ReleaseDetailView

# A link lives at most this long, whatever expiry is asked for.
MAX_LINK_AGE = timedelta(days=30)
_signer = signing.TimestampSigner(salt="press.preview-link")


def token_for(link):
    return _signer.sign(link.key.hex)


def url_for(link):
    return reverse("press:release-preview", kwargs={"token": token_for(link)})


def link_for_token(token, now=None):
    """The live ``PreviewLink`` of ``token``, or None (bad signature, expired, revoked)."""
    try:
        key = _signer.unsign(token, max_age=MAX_LINK_AGE)
    except signing.BadSignature:
        return None
    return (
        PreviewLink.objects.select_related("release")
        .filter(
            key=key,
            revoked_at__isnull=True,
            expires_at__gt=now or timezone.now(),
            release__deleted_at__isnull=True,
        )
        .first()
    )


def create_link(release, user, expires_at, now=None):
    """A new preview link for ``release`` (editors and the author, in scope)."""
    now = now or timezone.now()
    if not workflow.allowed(user, "share_preview", release) or release.deleted_at:
        raise PermissionDenied(_("You may not share a preview of this press release."))
    if not now < expires_at <= now + MAX_LINK_AGE:
        raise ValidationError(
            _("A preview link must expire in the future, within %(days)s days.")
            % {"days": MAX_LINK_AGE.days}
        )
    link = PreviewLink.objects.create(release=release, created_by=user, expires_at=expires_at)
    workflow.audit(
        release, user, "create_preview_link", comment=f"{link.key} → {expires_at:%Y-%m-%d %H:%M %Z}"
    )
    return link


def revoke_link(link, user, now=None):
    if not workflow.allowed(user, "share_preview", link.release):
        raise PermissionDenied(_("You may not revoke this preview link."))
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])
        workflow.audit(link.release, user, "revoke_preview_link", comment=str(link.key))
    return link


def private(response):
    """Mark a preview response as for this viewer only: never stored, never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class ReleasePreviewView(ReleaseDetailView):
    """The public detail page, rendered for a release chosen by ``get_release``."""

    def get_release(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.object = self.get_release()
        return private(self.render_to_response(self.get_context_data(object=self.object)))


class PreviewLinkView(ReleasePreviewView):
    def get_release(self):
        link = link_for_token(self.kwargs["token"])
        if link is None:
            raise Http404(_("This preview link is not valid."))
        return link.release
