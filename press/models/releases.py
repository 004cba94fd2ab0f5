import functools
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import CharField, Func, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from editorial.models import (
    LISTED_STATUSES,
    EditorialModel,
    EditorialQuerySet,
    one_version_per_language,
)
from editorial.slugs import unique_slug
from osce_cms.richtext import RichTextField
from osce_cms.translated import localized_fields
from taxonomy.models import Country, FieldOfWork, Place, Structure


class Kind(models.TextChoices):
    """What a release is; the newsroom filters and labels by it, and has a feed of each."""

    PRESS_RELEASE = "press-release", _("Press release")
    NEWS_ITEM = "news-item", _("News item")
    PRESS_STATEMENT = "press-statement", _("Press statement")
    MEDIA_ADVISORY = "media-advisory", _("Media advisory")

    @property
    def plural(self):
        return KIND_PLURALS[self]


KIND_PLURALS = {
    Kind.PRESS_RELEASE: _("Press releases"),
    Kind.NEWS_ITEM: _("News items"),
    Kind.PRESS_STATEMENT: _("Press statements"),
    Kind.MEDIA_ADVISORY: _("Media advisories"),
}


# The relations through which a release is issued by a structure: its lead issuer (the
# source) and its co-issuers. Filters, facets, alerts and scopes read them from here.
ISSUER_RELATIONS = ("source", "co_issuers__structure")
# Separates the co-issuers in ``co_issuers_data`` (names are single lines).
ROW_SEPARATOR = "\n"


class CoIssuerRef(NamedTuple):
    """What a dateline shows of a co-issuer, read with its release (``with_co_issuers``)."""

    slug: str
    path: str
    display_name: str

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("taxonomy:structure-detail", kwargs={"path": self.path})


def co_issuer_refs(data):
    """The co-issuers of ``co_issuers_data`` (``with_co_issuers``), in order."""
    rows = [row.split(" ", 4) for row in (data or "").split(ROW_SEPARATOR)]
    rows = sorted((int(row[0]), int(row[1]), *row[2:]) for row in rows if len(row) == 5)
    return [CoIssuerRef(*row[2:]) for row in rows]


def display_name_sql(relation, language=None):
    """A structure's ``display_name`` in ``language`` (the active one by default) as SQL (its
    public name, else its name; each falling back to English, as the translated fields do:
    taxonomy/translation.py)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    names = [
        f"{relation}__{field}_{code}"
        for field in ("public_name", "name")
        for code in dict.fromkeys([language, settings.LANGUAGE_CODE])
    ]
    return Coalesce(
        *(NullIf(name, Value(""), output_field=CharField()) for name in names),
        Value(""),
        output_field=CharField(),
    )


class SpaceJoined(Func):
    """Its expressions (none of them NULL) joined by single spaces, with ``||``: one node for
    the whole row, where ``Concat`` nests a pair and two ``COALESCE`` per part."""

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = CharField()


@functools.cache
def _co_issuers_subquery(language):
    rows = (
        CoIssuer.objects.filter(release=OuterRef("pk"))
        .order_by()
        .values("release")
        .annotate(
            # "<position> <id> <slug> <path> <name>" per co-issuer (slugs and paths have no
            # spaces), put in order when read: not every database orders an aggregate.
            data=StringAgg(
                SpaceJoined(
                    Cast("position", CharField()),
                    Cast("id", CharField()),
                    "structure__slug",
                    "structure__path",
                    display_name_sql("structure", language),
                ),
                Value(ROW_SEPARATOR),
            )
        )
        .values("data")
    )
    return Subquery(rows)


def co_issuers_subquery():
    """``with_co_issuers``' subquery in the active language. Built once per language (building
    it cost more than the rest of a release page's query): annotating with it resolves a copy,
    the kept one is never changed."""
    return _co_issuers_subquery(translation.get_language() or settings.LANGUAGE_CODE)


class PressReleaseQuerySet(EditorialQuerySet):
    def for_listing(self):
        """What a list, card or feed item shows, without loading the bodies."""
        return (
            self.with_dateline()
            .defer("body", "withdrawal_note", "alternative_url")
            .with_co_issuers()
        )

    def with_dateline(self):
        """The source and place in the same query, without their descriptions."""
        return self.select_related("source", "place").defer(
            *(f"source__{name}" for name in ["description", *localized_fields("description")]),
            *(f"place__{name}" for name in ["description", *localized_fields("description")]),
        )

    def with_co_issuers(self):
        """The co-issuers (slug, path, public name) in the same query, as ``co_issuers_data``:
        a dateline costs no query of its own (``PressRelease.issuers``)."""
        return self.annotate(co_issuers_data=co_issuers_subquery())

    def search(self, query):
        from press.search import search  # press.search imports this module

        return search(self, query)


class PressRelease(EditorialModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="press_releases",
    )
    source = models.ForeignKey(
        Structure,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="press_releases",
        help_text=_(
            "The organisational unit that issued the release (its lead issuer, when it was "
            "issued jointly)."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        default=Kind.PRESS_RELEASE,
        db_default=Kind.PRESS_RELEASE,
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), related_name="press_releases"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="press_releases"
    )
    lead = models.TextField(_("lead"), max_length=1000, help_text=_("A short plain-text summary."))
    body = RichTextField(_("body"), blank=True)

    lead_image = models.ImageField(
        _("lead image"),
        upload_to="press/images/%Y/%m/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for people who cannot see it. Required with an image."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    lead_image_renditions = models.JSONField(
        _("renditions"), default=dict, blank=True, editable=False
    )

    related = models.ManyToManyField(
        "self",
        verbose_name=_("related press releases"),
        blank=True,
        symmetrical=False,
        related_name="+",
    )
    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_pressrelease", _("Can publish, schedule, unpublish and withdraw")),
            ("review_pressrelease", _("Can review (approve or reject) press releases")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="press_status_date_idx"),
            # The newsroom, feeds and taxonomy pages: listed releases, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status__in=LISTED_STATUSES, deleted_at__isnull=True),
                name="press_listed_date_idx",
            ),
            # The admin change list (every status, trash excluded): its order and its count.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="press_alive_date_idx",
            ),
            # ... and an editor's scope (sources), counted from the index alone.
            models.Index(
                fields=["source", "-published_at"],
                condition=Q(deleted_at__isnull=True),
                name="press_alive_source_date_idx",
            ),
            models.Index(fields=["source", "-published_at"], name="press_source_date_idx"),
            models.Index(fields=["place", "-published_at"], name="press_place_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead_image="") | ~models.Q(lead_image_alt=""),
                name="press_image_needs_alt",
            ),
            one_version_per_language("press_release_one_per_language"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_lead_image = (
            self.lead_image.name or "" if "lead_image" in self.__dict__ else None
        )

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                PressRelease, self.title, exclude_pk=self.pk, fallback="press-release"
            )
        super().save(*args, **kwargs)
        if "lead_image" in self.__dict__ and (self.lead_image.name or "") != self._saved_lead_image:
            self.refresh_renditions()

    def get_absolute_url(self):
        return reverse("press:release-detail", kwargs={"slug": self.slug})

    def refresh_renditions(self):
        """Regenerate the lead image's renditions (done once, when the image changes)."""
        from press.images import make_renditions  # press.images imports Pillow

        self.lead_image_renditions = make_renditions(self.lead_image) if self.lead_image else {}
        type(self).objects.filter(pk=self.pk).update(
            lead_image_renditions=self.lead_image_renditions
        )
        self._saved_lead_image = self.lead_image.name

    def add_place_country(self):
        """The place's country is always among the release's countries."""
        if self.place_id and self.place.country_id:
            self.countries.add(self.place.country_id)

    @property
    def feed_date(self):
        return self.major_updated_at or self.published_at

    @property
    def issuers(self):
        """The lead issuer (the source) and the co-issuers, in order: the dateline's names and
        links. Read from ``co_issuers_data`` when the query had ``with_co_issuers``."""
        if hasattr(self, "co_issuers_data"):
            co_issuers = co_issuer_refs(self.co_issuers_data)
        else:
            co_issuers = [
                CoIssuerRef(co.structure.slug, co.structure.path, co.structure.display_name)
                for co in self.co_issuers.select_related("structure")
            ]
        return [self.source, *(co for co in co_issuers if co.slug != self.source.slug)]

    @property
    def issuer_names(self):
        return [issuer.display_name for issuer in self.issuers]


class CoIssuer(models.Model):
    """A structure that issued a release jointly with its lead issuer (the release's source)."""

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="co_issuers",
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="co_issued_releases",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("co-issuer")
        verbose_name_plural = _("co-issuers")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "structure"], name="press_co_issuer_once_per_release"
            )
        ]

    def __str__(self):
        return str(self.structure)


class PressContact(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name
