"""The organisation's vocabularies, each a django-mptt tree.

Sibling order is the tree order (``lft``), which editors control by drag and drop in the admin.
Structural writes (insert, move, delete) go through ``taxonomy.trees``.
"""

from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey


class Term(MPTTModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    parent = TreeForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    url_name = ""

    class Meta:
        abstract = True

    class MPTTMeta:
        order_insertion_by = []

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})


class FieldOfWork(Term):
    url_name = "taxonomy:fieldofwork-detail"

    class Meta:
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")
        ordering = ["tree_id", "lft"]


class Country(Term):
    """A participating State or partner, or a group of them (a node with children)."""

    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        blank=True,
        help_text=_("Two-letter ISO 3166-1 alpha-2 code; empty for groups."),
    )

    url_name = "taxonomy:country-detail"

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["tree_id", "lft"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"],
                condition=~models.Q(iso_code=""),
                name="country_iso_code_unique",
            )
        ]


class Structure(Term):
    """A unit of the organisation: Secretariat and its units, institutions, field operations."""

    public_name = models.CharField(
        _("public name"),
        max_length=200,
        blank=True,
        help_text=_('How the unit is named as a source, e.g. "OSCE Secretariat".'),
    )
    path = models.CharField(
        _("path"),
        max_length=1000,
        editable=False,
        db_index=True,
        help_text=_("Slugs from the root, joined by '/'; maintained by taxonomy.trees."),
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="structures"
    )

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures and institutions")
        ordering = ["tree_id", "lft"]

    @property
    def display_name(self):
        return self.public_name or self.name

    def get_absolute_url(self):
        return reverse("taxonomy:structure-detail", kwargs={"path": self.path})


class Place(Term):
    """A city or site where something happens, e.g. Minsk in Belarus."""

    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
    )

    url_name = "taxonomy:place-detail"

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["tree_id", "lft"]


class MeetingType(Term):
    url_name = "taxonomy:meetingtype-detail"

    class Meta:
        verbose_name = _("meeting type")
        verbose_name_plural = _("meeting types")
        ordering = ["tree_id", "lft"]


class DocumentType(Term):
    """A kind of document in the library, e.g. Decisions (with Permanent Council decisions
    under it), Statements, Reports."""

    class Meta:
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["tree_id", "lft"]

    def get_absolute_url(self):
        # A type has no page of its own: the library, filtered by it, is its page.
        return f"{reverse('documents:document-list')}?{urlencode({'document_type': self.slug})}"
