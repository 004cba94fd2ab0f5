"""The documents library: a document (decision, report, publication...) and its files.

A document is an editorial item (``editorial.EditorialModel``): it is written, reviewed and
published like a press release. Each of its files is one language's PDF; the page count, the
extracted text and the cover are derived from the file in the background
(``documents.processing``) and kept on the file's row.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import LISTED_STATUSES, EditorialModel, one_version_per_language
from editorial.slugs import unique_slug
from osce_cms.translated import localized_fields
from press.models import PressReleaseQuerySet
from taxonomy.models import Country, DocumentType, FieldOfWork, Structure

# What a document's card reads, besides the names of its type and issuer.
CARD_FIELDS = (
    "title", "slug", "language", "summary", "reference_number", "date", "document_type", "issuer",
)  # fmt: skip


class DocumentQuerySet(PressReleaseQuerySet):
    """The releases' listing, subtree and search methods, for documents."""

    def for_listing(self):
        return self.select_related("document_type", "issuer").defer(
            "withdrawal_note",
            "alternative_url",
            *(
                f"document_type__{name}"
                for name in ["description", *localized_fields("description")]
            ),
            *(f"issuer__{name}" for name in ["description", *localized_fields("description")]),
        )

    def for_cards(self):
        """Only what the cards of a list of documents read (``{% document_card %}``)."""
        return self.only_for_cards(
            CARD_FIELDS, {"document_type": ["name"], "issuer": ["name", "public_name"]}
        )

    def search(self, query):
        from .search import search  # documents.search imports this module

        return search(self, query)


def file_path(instance, filename):
    """Where a document's file is stored: under a random folder, so no address is guessable.

    The public downloads it through the library's own address (``documents:file``), which
    checks that the document is public; the stored name is never shown to the public.
    """
    return f"documents/files/{secrets.token_urlsafe(24)}/{filename}"


def cover_path(instance, filename):
    return f"documents/covers/{secrets.token_urlsafe(24)}/{filename}"


class Document(EditorialModel):
    title = models.CharField(_("title"), max_length=500)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    reference_number = models.CharField(
        _("reference number"),
        max_length=60,
        blank=True,
        help_text=_("For example PC.DEC/1234 or MC.DEC/5/25; unique within its type."),
    )
    date = models.DateField(_("document date"), help_text=_("The date the document bears."))
    issuer = models.ForeignKey(
        Structure,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("The body or unit that issued the document."),
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), blank=True, related_name="documents"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="documents"
    )
    summary = models.TextField(
        _("summary"), max_length=2000, blank=True, help_text=_("A short plain-text summary.")
    )
    releases = models.ManyToManyField(
        "press.PressRelease",
        verbose_name=_("press releases"),
        through="ReleaseDocument",
        blank=True,
        related_name="documents",
    )
    events = models.ManyToManyField(
        "meetings.Event",
        verbose_name=_("events"),
        through="EventDocument",
        blank=True,
        related_name="documents",
    )
    # Where a document came from when it was made from older content ("press.attachment:12":
    # migration 0005 made it from that press release attachment, and puts it back when reversed;
    # "meetings.eventdocument:7": migration 0008, from that event's own PDF).
    imported_from = models.CharField(max_length=100, blank=True, editable=False, db_index=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-id"]
        permissions = [
            ("review_document", _("Can review (approve or reject) documents")),
            ("publish_document", _("Can publish, schedule, unpublish and withdraw documents")),
        ]
        indexes = [
            # The library: listed documents, newest first.
            models.Index(
                fields=["-date", "-id"],
                condition=Q(status__in=LISTED_STATUSES, deleted_at__isnull=True),
                name="documents_listed_date_idx",
            ),
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="documents_alive_date_idx",
            ),
            models.Index(fields=["issuer", "-date"], name="documents_issuer_date_idx"),
            models.Index(fields=["document_type", "-date"], name="documents_type_date_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                # A document's versions in other languages bear its number too.
                fields=["document_type", "reference_number", "language"],
                condition=~Q(reference_number=""),
                name="documents_reference_unique_per_type",
                violation_error_message=_(
                    "A document of this type already has this reference number."
                ),
            ),
            one_version_per_language("document_one_per_language"),
        ]

    def __str__(self):
        return f"{self.reference_number} {self.title}" if self.reference_number else self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Document, self.title, exclude_pk=self.pk, fallback="document")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:document-detail", kwargs={"slug": self.slug})


class DocumentFile(models.Model):
    """One language's PDF of a document, with what is derived from it."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF file"), upload_to=file_path, max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Derived from the file in the background (documents.processing); ``processed_file`` is the
    # stored name they were derived from, so a changed file is processed again.
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    cover = models.ImageField(
        _("cover"),
        upload_to=cover_path,
        max_length=300,
        blank=True,
        editable=False,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    processed_file = models.CharField(max_length=300, blank=True, editable=False)
    processing_error = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="documents_one_file_per_language",
                violation_error_message=_("The document already has a file in this language."),
            ),
        ]

    # The stored name as loaded ("" for a new row, None when not loaded): a save that changes
    # it has the new file processed.
    _saved_file = ""

    def __str__(self):
        return f"{self.document} ({self.language})"

    def save(self, *args, **kwargs):
        changed = "file" in self.__dict__ and (self.file.name or "") != self._saved_file
        if changed and self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)
        if changed:
            self._saved_file = self.file.name or ""
            if self.file and not self.is_processed:
                from .tasks import schedule_processing  # the tasks import this module

                schedule_processing(self)

    def get_absolute_url(self):
        """The stable public download address (served only while the document is public)."""
        return reverse(
            "documents:file",
            kwargs={"slug": self.document.slug, "language": self.language},
        )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._saved_file = instance.file.name or "" if "file" in instance.__dict__ else None
        return instance

    @property
    def is_processed(self):
        return bool(self.file.name) and self.processed_file == self.file.name

    def download_name(self):
        return f"{self.document.slug}-{self.language}.pdf"


class DocumentLink(models.Model):
    """A library document shown on another item's page (a release's, an event's), in the
    item's order (``documents.links``)."""

    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self):
        return str(self.document)


class ReleaseDocument(DocumentLink):
    """A document shown on a press release's page."""

    release = models.ForeignKey(
        "press.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="document_links",
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="release_links",
    )

    class Meta(DocumentLink.Meta):
        verbose_name = _("document of a press release")
        verbose_name_plural = _("documents of the press release")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "document"], name="documents_release_document_unique"
            ),
        ]


class EventDocument(DocumentLink):
    """A document shown on an event's page (and the event on the document's)."""

    event = models.ForeignKey(
        "meetings.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="document_links",
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    class Meta(DocumentLink.Meta):
        verbose_name = _("document of an event")
        verbose_name_plural = _("documents of the event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "document"], name="documents_event_document_unique"
            ),
        ]
