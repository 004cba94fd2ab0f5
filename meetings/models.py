"""Events: meetings and conferences, on the editorial engine."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.models import (
    LISTED_STATUSES,
    EditorialModel,
    EditorialQuerySet,
    one_version_per_language,
)
from editorial.slugs import unique_slug
from osce_cms.dates import EARLIEST_YEAR, LATEST_YEAR, validate_publication_time
from osce_cms.richtext import RichTextField
from press.models import PressRelease
from taxonomy.models import Country, FieldOfWork, MeetingType, Place, Structure


def time_zone_choices():
    """Every zone of the installed time zone database (a callable: migrations never list them)."""
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
    CONCLUDED = "concluded", _("Concluded")


# What an event's card reads (``{% event_card %}``), besides the names of its venue and type.
CARD_FIELDS = (
    "title", "slug", "language", "summary", "event_status", "time_zone",
    "start_date", "end_date", "start_time", "end_time", "meeting_type", "venue",
)  # fmt: skip


class EventQuerySet(EditorialQuerySet):
    def for_listing(self):
        return self.select_related("meeting_type", "venue__country", "organiser").defer(
            "body", "agenda", "accreditation", "withdrawal_note", "alternative_url"
        )

    def for_cards(self):
        """Only what the cards of a list of events read (``{% event_card %}``)."""
        return self.only_for_cards(CARD_FIELDS, {"meeting_type": ["name"], "venue": ["name"]})

    def for_page(self):
        """What an event's page (and its API detail) shows, in a fixed number of queries.

        Related events, releases and library documents are only those the public may see: a
        draft conference is never named as the parent of a public session.
        """
        from documents.links import public_documents_prefetch  # documents.models names Event
        from documents.models import EventDocument

        return self.select_related("meeting_type", "venue__country", "organiser").prefetch_related(
            models.Prefetch("parent", queryset=Event.objects.public()),
            models.Prefetch("sessions", queryset=Event.objects.listed().order_by("start_date")),
            models.Prefetch("fields_of_work", queryset=FieldOfWork.objects.only("slug", "name")),
            models.Prefetch("countries", queryset=Country.objects.only("slug", "name")),
            models.Prefetch(
                "co_organisers",
                queryset=Structure.objects.only("slug", "name", "public_name", "path"),
            ),
            public_documents_prefetch(EventDocument),
            models.Prefetch(
                "related_releases", queryset=PressRelease.objects.listed().for_listing()
            ),
        )

    def upcoming(self, today=None):
        """Events that have not ended yet, soonest first."""
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).order_by("start_date", "start_time", "pk")

    def past(self, today=None):
        """Events that have ended, newest first."""
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "-pk")

    def search(self, query):
        words = query.split()[:20]
        condition = models.Q()
        for word in words:
            condition &= (
                models.Q(title__icontains=word)
                | models.Q(summary__icontains=word)
                | models.Q(body__icontains=word)
            )
        return self.filter(condition)


class Event(EditorialModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    meeting_type = models.ForeignKey(
        MeetingType,
        verbose_name=_("meeting type"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("The conference this is a session of, if any."),
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), db_index=True)
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Empty for a whole-day event.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Vienna",
        choices=time_zone_choices,
        help_text=_("The venue's time zone: times are entered and shown in it."),
    )
    venue = models.ForeignKey(
        Place,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    organiser = models.ForeignKey(
        Structure,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_events",
        help_text=_("The unit that organises the event (it decides who may edit it)."),
    )
    co_organisers = models.ManyToManyField(
        Structure, verbose_name=_("co-organisers"), blank=True, related_name="co_organised_events"
    )
    fields_of_work = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), blank=True, related_name="events"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="events"
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus,
        default=EventStatus.SCHEDULED,
    )
    status_note = models.CharField(
        _("status note"),
        max_length=500,
        blank=True,
        help_text=_("Shown to the public, e.g. why the event was postponed."),
    )
    summary = models.TextField(_("summary"), max_length=1000)
    body = RichTextField(_("description"), blank=True)
    agenda = RichTextField(_("agenda"), blank=True)
    livestream_url = models.URLField(_("livestream address"), blank=True)
    recording_url = models.URLField(_("recording address"), blank=True)
    accreditation = models.TextField(_("media accreditation"), blank=True)
    accreditation_deadline = models.DateField(_("accreditation deadline"), null=True, blank=True)
    related_releases = models.ManyToManyField(
        PressRelease, verbose_name=_("related press releases"), blank=True, related_name="events"
    )
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "-pk"]
        permissions = [
            ("review_event", _("Can review (approve or reject) events")),
            ("publish_event", _("Can publish, schedule, unpublish and withdraw events")),
        ]
        indexes = [
            # The API's pages (newest start first) and the listing's past events.
            models.Index(
                fields=["-start_date", "-id"],
                condition=models.Q(status__in=LISTED_STATUSES, deleted_at__isnull=True),
                name="event_listed_start_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            ),
            one_version_per_language("event_one_per_language"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Event, self.title, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        try:
            validate_publication_time(self.published_at)
        except ValidationError as error:
            raise ValidationError({"published_at": error}) from None
        for name in ("start_date", "end_date", "accreditation_deadline"):
            day = getattr(self, name)
            if day and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                raise ValidationError(
                    {
                        name: ValidationError(
                            _("Enter a date between %(earliest)s and %(latest)s."),
                            code="date_out_of_range",
                            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
                        )
                    }
                )
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                raise ValidationError({"end_date": _("The end cannot be before the start.")})
            if (
                self.end_date == self.start_date
                and self.start_time
                and self.end_time
                and self.end_time < self.start_time
            ):
                raise ValidationError({"end_time": _("The end cannot be before the start.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give the start time too.")})

    def get_absolute_url(self):
        return reverse("meetings:event-detail", kwargs={"slug": self.slug})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def starts(self):
        """The start: a date for a whole-day event, else an aware datetime in the venue's zone."""
        if self.is_all_day:
            return self.start_date
        return dt.datetime.combine(self.start_date, self.start_time, tzinfo=self.zone)

    @property
    def ends(self):
        if self.is_all_day:
            return self.end_date
        end_time = self.end_time or self.start_time
        return dt.datetime.combine(self.end_date, end_time, tzinfo=self.zone)

    @property
    def is_off(self):
        return self.event_status in (EventStatus.CANCELLED, EventStatus.POSTPONED)
