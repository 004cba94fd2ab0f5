"""Records kept by the editorial workflow (rules live in press/workflow.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Structure

from .releases import PressRelease


class EditorialScope(models.Model):
    """A structure node whose subtree a press officer or editor may work on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editorial_scopes",
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="editorial_scopes",
    )

    class Meta:
        verbose_name = _("editorial scope")
        verbose_name_plural = _("editorial scopes")
        constraints = [
            models.UniqueConstraint(fields=["user", "structure"], name="editorial_scope_unique")
        ]

    def __str__(self):
        return f"{self.user} → {self.structure}"  # the user form loads both with the scopes


class Revision(models.Model):
    """A snapshot of every field of a release (relations included), taken on each save."""

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("data"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.release_id} v{self.version}"


class AuditEntry(models.Model):
    """Who did what to which release, when, from which state to which, and why."""

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    release_title = models.CharField(_("release title"), max_length=300, blank=True)
    source = models.ForeignKey(
        Structure,
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=50)
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.action} {self.release_title}"


class ChangeNote(models.Model):
    """A public note on a major change to a published release ("Updated <date>: <note>")."""

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="change_notes",
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    note = models.TextField(_("change note"))

    class Meta:
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.note[:60]


class SlugRedirect(models.Model):
    """An old address of a published release that permanently redirects to the current one."""

    old_slug = models.SlugField(_("old slug"), max_length=300, unique=True)
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )

    class Meta:
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")

    def __str__(self):
        return self.old_slug


def slug_kept_for_another(slug, release_pk=None):
    """Is ``slug`` an old address of a release other than ``release_pk``, redirecting to it?

    Such a slug is not free: taking it would delete that redirect or shadow it, and serve the
    taker's release at another unit's old address.
    """
    return SlugRedirect.objects.filter(old_slug=slug).exclude(release_id=release_pk).exists()


class PreviewLink(models.Model):
    """A revocable, expiring link that shows an unpublished release to someone outside."""

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.key)
