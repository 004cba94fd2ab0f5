from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import LISTED_STATUSES, EditorialModel, EditorialQuerySet
from editorial.slugs import unique_slug
from osce_cms.richtext import RichTextField
from taxonomy import subtrees
from taxonomy.models import Country, FieldOfWork, Place, Structure


class PressReleaseQuerySet(EditorialQuerySet):
    def for_listing(self):
        """What a list, card or feed item shows, without loading the bodies."""
        return self.select_related("source", "place").defer(
            "body",
            "withdrawal_note",
            "alternative_url",
            "source__description",
            "place__description",
        )

    def in_subtree(self, relation, nodes):
        """Releases tagged (through ``relation``) with any of ``nodes`` or their descendants.

        A lft/rght range join per node: no id lists, and no duplicate rows for an M2M relation
        because the match is an ``id IN (subquery)``.
        """
        condition = subtrees.within(relation, nodes)
        field = self.model._meta.get_field(relation)
        if not field.many_to_many:
            return self.filter(condition)
        through = field.remote_field.through
        source_column = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        matching = through.objects.filter(subtrees.within(target, nodes))
        return self.filter(id__in=matching.values(source_column))

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
        help_text=_("The organisational unit that issued the release."),
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
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
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
