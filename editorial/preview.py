"""Previews of items that are not public: for editors in the admin, and by signed link.

A preview renders the content type's public page for the item (its registered ``preview``),
so it looks exactly as it will. A preview link is a ``PreviewLink`` row (revocable, with an
expiry) whose key travels signed with a ``TimestampSigner``; an unknown, expired, revoked or
tampered token, or one for another content type, is a 404. Previews are never cached and never
indexed. Creating or revoking a link changes nothing the public sees.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views import View

from .actions import allowed
from .models import PreviewLink
from .registry import kind_of
from .workflow import audit

# A link lives at most this long, whatever expiry is asked for.
MAX_LINK_AGE = timedelta(days=30)
# The salt of the links shared before the engine existed: they keep working.
_signer = signing.TimestampSigner(salt="press.preview-link")


def token_for(link):
    return _signer.sign(link.key.hex)


def url_for(link):
    kind = kind_of(link.content_type.model_class())
    return reverse(kind.preview_url_name, kwargs={"token": token_for(link)})


def link_for_token(token, model, now=None):
    """The live ``PreviewLink`` of ``token`` for an item of ``model``, or None."""
    try:
        key = _signer.unsign(token, max_age=MAX_LINK_AGE)
    except signing.BadSignature:
        return None
    link = PreviewLink.objects.filter(
        key=key,
        content_type=ContentType.objects.get_for_model(model),
        revoked_at__isnull=True,
        expires_at__gt=now or timezone.now(),
    ).first()
    if link is None or link.item is None or link.item.deleted_at is not None:
        return None
    return link


def create_link(item, user, expires_at, now=None):
    """A new preview link for ``item`` (editors and the author, in scope)."""
    now = now or timezone.now()
    if not allowed(user, "share_preview", item) or item.deleted_at:
        raise PermissionDenied(
            _("You may not share a preview of this %(item)s.") % {"item": item._meta.verbose_name}
        )
    if not now < expires_at <= now + MAX_LINK_AGE:
        raise ValidationError(
            _("A preview link must expire in the future, within %(days)s days.")
            % {"days": MAX_LINK_AGE.days}
        )
    link = PreviewLink.objects.create(item=item, created_by=user, expires_at=expires_at)
    audit(item, user, "create_preview_link", comment=f"{link.key} → {expires_at:%Y-%m-%d %H:%M %Z}")
    return link


def revoke_link(link, user, now=None):
    if not allowed(user, "share_preview", link.item):
        raise PermissionDenied(_("You may not revoke this preview link."))
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])
        audit(link.item, user, "revoke_preview_link", comment=str(link.key))
    return link


def private(response):
    """Mark a preview response as for this viewer only: never stored, never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render(request, item, *, editor_url=None):
    """The public page of ``item`` as a private preview (with a banner when ``editor_url``)."""
    return private(kind_of(item).preview(request, item, editor_url=editor_url))


class PreviewLinkView(View):
    """``<str:token>/``: the shared preview of an item of ``model``."""

    model = None

    def get(self, request, token):
        link = link_for_token(token, self.model)
        if link is None:
            raise Http404(_("This preview link is not valid."))
        return render(request, link.item)
