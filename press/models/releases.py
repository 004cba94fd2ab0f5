from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osce_cms.richtext import RichTextField
from taxonomy.models import Country, FieldOfWork, Place, Structure


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNPUBLISHED = "unpublished", _("Unpublished")


# Statuses whose release is public once its publication time has come.
ONLINE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED, Status.WITHDRAWN)
# Of those, the ones that appear in listings, search and feeds (withdrawn ones do not).
LISTED_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)


class PressReleaseQuerySet(models.QuerySet):
    def alive(self):
        """Not in the trash."""
        return self.filter(deleted_at__isnull=True)

    def public(self, now=None):
        """Releases whose page the public may see right now (withdrawn ones included)."""
        now = now or timezone.now()
        return self.alive().filter(status__in=ONLINE_STATUSES, published_at__lte=now)

    def listed(self, now=None):
        """Releases that appear in the newsroom, search, feeds, sitemaps and taxonomy pages."""
        now = now or timezone.now()
        return self.alive().filter(status__in=LISTED_STATUSES, published_at__lte=now)


class PressRelease(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    published_at = models.DateTimeField(
        _("publication date and time"), default=timezone.now, db_index=True
    )
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

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
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
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
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
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead_image="") | ~models.Q(lead_image_alt=""),
                name="press_image_needs_alt",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("press:release-detail", kwargs={"slug": self.slug})


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


class Attachment(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("PDF document"), upload_to="press/documents/%Y/%m/")
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title
