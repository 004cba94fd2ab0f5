"""The organisation's vocabularies, each a django-mptt tree.

Sibling order is the tree order (``lft``), which editors control by drag and drop in the admin.
Structural writes (insert, move, delete, merge) go through ``taxonomy.trees``.

A term is known by more than its name: short names and acronyms (``aliases``, e.g. "ODIHR")
and the names it had before a rename (``former_names``, recorded by ``taxonomy.trees``). Every
one of them, normalised, is kept in ``search_names`` so that the newsroom search, the admin
pickers and the API match a term by any of its names with one indexed lookup
(``Term.objects.named(text)``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from mptt.managers import TreeManager
from mptt.models import MPTTModel, TreeForeignKey
from mptt.querysets import TreeQuerySet


def normalise_name(text):
    """A name as compared by search: case-folded, single spaces."""
    return " ".join(str(text).split()).casefold()


def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class TermQuerySet(TreeQuerySet):
    def named(self, text):
        """Terms called ``text`` (case and spacing aside) by their name, public name, one of
        their aliases or a former name."""
        key = normalise_name(text)
        if not key:
            return self.none()
        return self.filter(search_names__contains=f"\n{key}\n")


TermManager = TreeManager.from_queryset(TermQuerySet)


class Term(MPTTModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("short names and acronyms"),
        blank=True,
        default="",
        db_default="",
        help_text=_("One per line, e.g. ODIHR. Search and the pickers find the term by them."),
    )
    former_names = models.TextField(
        _("former names"),
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "One per line, oldest first; shown as “formerly …”. A rename adds the old name."
        ),
    )
    search_names = models.TextField(editable=False, default="", db_default="", db_index=False)
    parent = TreeForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = TermManager()

    url_name = ""

    class Meta:
        abstract = True

    class MPTTMeta:
        order_insertion_by = []

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_names = self.compute_search_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_names"}
        super().save(*args, **kwargs)

    def compute_search_names(self):
        names = [self.name, getattr(self, "public_name", ""), *self.alias_list]
        names += self.former_name_list
        keys = dict.fromkeys(normalise_name(name) for name in names if name)
        return "\n" + "\n".join(keys) + "\n"

    @property
    def alias_list(self):
        """Short names and acronyms, e.g. ``["ODIHR"]`` (the API exposes them)."""
        return split_lines(self.aliases)

    @property
    def former_name_list(self):
        """Earlier names, oldest first."""
        return split_lines(self.former_names)

    def add_former_name(self, name):
        """Remember ``name`` as a former name (after a rename). Taking a former name back
        makes it current again, no longer former."""
        current = normalise_name(self.name)
        names = [n for n in self.former_name_list if normalise_name(n) != normalise_name(name)]
        names.append(name)
        self.former_names = "\n".join(n for n in names if normalise_name(n) != current)

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


class StructureQuerySet(TermQuerySet):
    def closed(self, today=None):
        """Structures whose closing date has come (e.g. a field operation whose mandate ended)."""
        return self.filter(closed_on__lte=today or timezone.localdate())

    def current(self, today=None):
        """Structures that are not closed: what navigation and pickers for new content offer."""
        return self.exclude(closed_on__lte=today or timezone.localdate())


class Structure(Term):
    """A unit of the organisation: Secretariat and its units, institutions, field operations.

    A structure with a closing date in the past is closed: its page stays, with a notice, and
    so do its releases; it leaves the current navigation and the pickers for new content, and
    is listed on the page of closed field activities (a page whose list is "closed structures").
    """

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
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(
        _("closed on"),
        null=True,
        blank=True,
        help_text=_("From this day the structure is closed: its page and releases remain."),
    )

    objects = TreeManager.from_queryset(StructureQuerySet)()

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures and institutions")
        ordering = ["tree_id", "lft"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opened_on__isnull=True)
                | models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="structure_closes_after_opening",
            )
        ]

    @property
    def display_name(self):
        return self.public_name or self.name

    def is_closed(self, today=None):
        return self.closed_on is not None and self.closed_on <= (today or timezone.localdate())

    def check_choosable(self, kept_pk=None):
        """A closed structure stays on the content that has it (``kept_pk``: the one chosen
        before) but cannot be chosen anew."""
        if self.is_closed() and self.pk != kept_pk:
            raise ValidationError(
                _("“%(source)s” closed on %(date)s; choose a current structure.")
                % {"source": self.display_name, "date": date_format(self.closed_on)}
            )

    def clean(self):
        super().clean()
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("A structure cannot close before it opened.")})

    @property
    def display_field(self):
        """Which field ``display_name`` shows (to mark its language)."""
        return "public_name" if self.public_name else "name"

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
