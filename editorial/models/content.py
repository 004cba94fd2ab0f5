"""The abstract base of every editorial content type, and "public now" defined once."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osce_cms.translated import localized_fields
from taxonomy import subtrees


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNPUBLISHED = "unpublished", _("Unpublished")


# Statuses whose item is public once its publication time has come.
ONLINE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED, Status.WITHDRAWN)
# Of those, the ones that appear in listings, search and feeds (withdrawn ones do not).
LISTED_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)
# Statuses whose content is still being written (a press officer may edit them).
DRAFT_STATUSES = (Status.DRAFT, Status.SUBMITTED)


class EndAction(models.TextChoices):
    """What happens to a public item at its scheduled end."""

    WITHDRAW = "withdraw", _("Withdraw (keep online with a notice)")
    UNPUBLISH = "unpublish", _("Unpublish (410 Gone)")


# The fields that decide whether an item is public (``is_public``).
PUBLIC_STATE_FIELDS = ("status", "published_at", "deleted_at")


def one_version_per_language(name):
    """The constraint every concrete type puts in its ``Meta.constraints`` (``name``: unique in
    the database): one version per language in a translation group."""
    return models.UniqueConstraint(fields=["translation_key", "language"], name=name)


class EditorialQuerySet(models.QuerySet):
    def only_for_cards(self, fields, translated):
        """Only ``fields`` and, through each relation of ``translated`` ({relation: [field,
        ...]}), its translated fields in every language (the fallback to English reads them):
        what the cards of a list read, where each column a page builds is work."""
        return (
            self.select_related(None)
            .select_related(*translated)
            .only(
                *fields,
                *(
                    f"{relation}__{name}"
                    for relation, names in translated.items()
                    for field in names
                    for name in [field, *localized_fields(field)]
                ),
            )
        )

    def alive(self):
        """Not in the trash."""
        return self.filter(deleted_at__isnull=True)

    def trashed(self):
        return self.filter(deleted_at__isnull=False)

    def public(self, now=None):
        """Items whose page the public may see right now (withdrawn ones included)."""
        return self.alive().filter(
            status__in=ONLINE_STATUSES, published_at__lte=now or timezone.now()
        )

    def listed(self, now=None):
        """Items that appear in listings, search, feeds and sitemaps right now."""
        return self.alive().filter(
            status__in=LISTED_STATUSES, published_at__lte=now or timezone.now()
        )

    def in_subtree(self, relations, nodes):
        """Items tagged (through ``relations``: one relation or several) with any of ``nodes``
        or their descendants.

        A lft/rght range join per node: no id lists, and no duplicate rows for a multi-valued
        relation (many-to-many, or child rows such as co-issuers) because the match is an
        ``id IN (subquery)``.
        """
        if isinstance(relations, str):
            relations = (relations,)
        condition = Q(pk__in=[])
        for relation in relations:
            condition |= self._subtree_match(relation, nodes)
        return self.filter(condition)

    def _subtree_match(self, relation, nodes):
        name, _sep, rest = relation.partition("__")
        field = self.model._meta.get_field(name)
        if field.many_to_many:
            through = field.remote_field.through
            matching = through.objects.filter(
                subtrees.within(field.m2m_reverse_field_name(), nodes)
            )
            return Q(id__in=matching.values(field.m2m_field_name()))
        if field.one_to_many:  # child rows, e.g. co_issuers__structure
            matching = field.related_model.objects.filter(subtrees.within(rest, nodes))
            return Q(id__in=matching.values(field.field.attname))
        return subtrees.within(relation, nodes)


class EditorialModel(models.Model):
    """Status, publication time, version, trash and authorship of an editorial item.

    A concrete subclass registers itself with ``editorial.registry.register`` and declares the
    ``review_<model>`` and ``publish_<model>`` permissions in its ``Meta``.
    """

    published_at = models.DateTimeField(
        _("publication date and time"), default=timezone.now, db_index=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    first_published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False
    )
    major_updated_at = models.DateTimeField(
        _("last major update"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Feed items are dated by their last major change."),
    )
    needs_retrospective_review = models.BooleanField(
        _("awaiting retrospective review"), default=False, editable=False
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_note = models.TextField(_("withdrawal notice"), blank=True, editable=False)
    alternative_url = models.CharField(
        _("alternative address"), max_length=500, blank=True, editable=False
    )
    ends_at = models.DateTimeField(_("scheduled end"), null=True, blank=True, editable=False)
    end_action = models.CharField(
        _("at the scheduled end"),
        max_length=20,
        choices=EndAction,
        blank=True,
        editable=False,
    )
    end_note = models.TextField(_("withdrawal notice at the end"), blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Linked translations (editorial/translations.py): the versions of one item in several
    # languages share ``translation_key``; each has its own text, state, revisions and address.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the text."),
    )
    translation_key = models.UUIDField(
        _("translation group"), default=uuid.uuid4, db_index=True, editable=False
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    translated_at = models.DateTimeField(
        _("translation up to date with its source at"), null=True, blank=True, editable=False
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    # Deleted with the item when it is purged (audit entries are kept: see AuditEntry).
    revisions = GenericRelation("editorial.Revision")
    preview_links = GenericRelation("editorial.PreviewLink")
    change_notes = GenericRelation("editorial.ChangeNote")
    slug_redirects = GenericRelation("editorial.SlugRedirect")

    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        item = super().from_db(db, field_names, values, **kwargs)
        loaded = dict(zip(field_names, values, strict=True))
        item.public_when_loaded = (
            tuple(loaded[name] for name in PUBLIC_STATE_FIELDS)
            if all(name in loaded for name in PUBLIC_STATE_FIELDS)
            else None
        )
        return item

    def was_public(self, now=None):
        """Was the row this instance was read from public at ``now``? True when unknown.

        A new instance was never public; one read without its state fields may have been.
        """
        if self._state.adding:
            return False
        loaded = getattr(self, "public_when_loaded", None)
        if loaded is None:
            return True
        status, published_at, deleted_at = loaded
        return (
            deleted_at is None
            and status in ONLINE_STATUSES
            and published_at <= (now or timezone.now())
        )

    def is_public(self, now=None, *, status=None):
        """Is the item (or would it be, with ``status``) on the public site right now?"""
        status = status or self.status
        return (
            self.deleted_at is None
            and status in ONLINE_STATUSES
            and self.published_at <= (now or timezone.now())
        )

    def is_listed(self, now=None):
        return self.is_public(now) and self.status in LISTED_STATUSES

    @property
    def audit_entries(self):
        from .records import AuditEntry

        return AuditEntry.objects.for_item(self)

    @property
    def feed_date(self):
        return self.major_updated_at or self.published_at
