"""What the engine keeps about any registered item: scopes, revisions, audit, notes, links.

Each record points at its item through a content type and an object id (a generic relation),
so every registered content type shares these tables and their admin.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..slugs import RedirectQuerySet

# Named by label: taxonomy's own models (its pages) are built on this app's base model.
STRUCTURE = "taxonomy.Structure"


class EditorialScope(models.Model):
    """A structure node whose subtree a press officer or editor may work on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editorial_scopes",
    )
    structure = models.ForeignKey(
        STRUCTURE,
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="editorial_scopes",
    )

    class Meta:
        verbose_name = _("editorial scope")
        verbose_name_plural = _("editorial scopes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "structure"], name="editorial_scope_user_structure_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.structure}"  # the user form loads both with the scopes


class ItemQuerySet(models.QuerySet):
    def for_item(self, item):
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


def _item_fields(null=False):
    """The content type and object id of the item a record belongs to."""
    return (
        models.ForeignKey(
            ContentType, verbose_name=_("content type"), on_delete=models.PROTECT, related_name="+"
        ),
        models.PositiveBigIntegerField(_("item"), null=null, blank=null),
        GenericForeignKey("content_type", "object_id"),
    )


class Revision(models.Model):
    """A snapshot of every field of an item (relations included), taken on each save."""

    content_type, object_id, item = _item_fields()
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

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="editorial_revision_item_idx")
        ]

    def __str__(self):
        return f"{self.object_id} v{self.version}"


class AuditEntry(models.Model):
    """Who did what to which item, when, from which state to which, and why.

    Kept when the item is purged: its object id is cleared and its title stays.
    """

    content_type, object_id, item = _item_fields(null=True)
    item_title = models.CharField(_("title"), max_length=300, blank=True)
    structure = models.ForeignKey(
        STRUCTURE,
        verbose_name=_("scope"),
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

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="editorial_audit_item_idx")
        ]

    def __str__(self):
        return f"{self.action} {self.item_title}"


class ChangeNote(models.Model):
    """A public note on a major change to a published item ("Updated <date>: <note>")."""

    content_type, object_id, item = _item_fields()
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    note = models.TextField(_("change note"))

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="editorial_note_item_idx")
        ]

    def __str__(self):
        return self.note[:60]


class SlugRedirectQuerySet(ItemQuerySet, RedirectQuerySet):
    pass


class SlugRedirect(models.Model):
    """An old address of a public item that permanently redirects to the current one (the
    rules: ``editorial.slugs.RedirectQuerySet``)."""

    content_type, object_id, item = _item_fields()
    old_slug = models.SlugField(_("old slug"), max_length=300)
    key_field = "old_slug"

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="editorial_slug_redirect_unique"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="editorial_redirect_item_idx")
        ]

    def __str__(self):
        return self.old_slug


class PreviewLink(models.Model):
    """A revocable, expiring link that shows an unpublished item to someone outside."""

    content_type, object_id, item = _item_fields()
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
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

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="editorial_link_item_idx")
        ]

    def __str__(self):
        return str(self.key)
