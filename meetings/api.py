"""Events in the read API: ``/api/v1/events/`` and ``.../<slug>/``.

The list is the events page's: the same FilterSet (meetings/filters.py, subtree semantics) over
the same listed events, newest start first, with the event's language and a date range besides;
the detail shows any event whose page is public (withdrawn ones too, with their notice), as the
event page does.
"""

from datetime import date

import django_filters
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.plain import PlainListSerializer
from api.registry import register
from api.serializers import ApiUrlField, PublicUrlField, TranslationsField
from api.views import PublicReadViewSet
from documents.api_fields import ShownDocumentsField
from editorial.filters import EARLIEST_DAY, LATEST_DAY
from osce_cms.richtext import render_html
from press.api import SourceSerializer, TermSerializer
from press.models import PressRelease

from .filters import EventFilter
from .models import Event

# A date, or a date-time with the venue's offset when the event has times.
DATE_OR_TIME = {
    "type": "string",
    "description": "YYYY-MM-DD for a whole-day event, else an ISO 8601 date-time with the "
    "venue's UTC offset.",
}


def clamped(day):
    return min(max(day, EARLIEST_DAY), LATEST_DAY)


class ApiEventFilter(EventFilter):
    """The events page's filters, the event's language, and the days it overlaps."""

    language = django_filters.ChoiceFilter(choices=settings.LANGUAGES, label=_("language"))
    date_from = django_filters.DateFilter(
        method="ends_from", label=_("from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        method="starts_until", label=_("to"), widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta(EventFilter.Meta):
        pass

    def ends_from(self, queryset, name, value):
        """Events still running on or after ``value`` (``date_from=<today>``: what is ahead)."""
        return queryset.filter(end_date__gte=clamped(value))

    def starts_until(self, queryset, name, value):
        return queryset.filter(start_date__lte=clamped(value))


class VenueSerializer(TermSerializer):
    country = TermSerializer(allow_null=True)


class EventLinkSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The event's public page.")
    api_url = ApiUrlField("event")

    class Meta:
        model = Event
        fields = ["slug", "title", "url", "api_url", "start_date", "end_date"]


class ReleaseLinkSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The release's public page.")
    api_url = ApiUrlField("press-release")

    class Meta:
        model = PressRelease
        fields = ["slug", "title", "url", "api_url", "published_at"]


class EventSerializer(serializers.ModelSerializer):
    url = PublicUrlField(help_text="The event's public page.")
    api_url = ApiUrlField("event")
    calendar_url = serializers.SerializerMethodField(help_text="The event as an iCalendar file.")
    starts = serializers.SerializerMethodField()
    ends = serializers.SerializerMethodField()
    meeting_type = TermSerializer()
    venue = VenueSerializer(allow_null=True)
    organiser = SourceSerializer()
    fields_of_work = TermSerializer(many=True)
    countries = TermSerializer(many=True)
    translations = TranslationsField("event")

    class Meta:
        model = Event
        list_serializer_class = PlainListSerializer
        fields = [
            "slug",
            "title",
            "url",
            "api_url",
            "calendar_url",
            "meeting_type",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "time_zone",
            "starts",
            "ends",
            "event_status",
            "status_note",
            "venue",
            "organiser",
            "fields_of_work",
            "countries",
            "summary",
            "language",
            "translations",
            "published_at",
            "updated_at",
        ]

    def get_calendar_url(self, event) -> str:
        address = reverse("meetings:event-calendar", kwargs={"slug": event.slug})
        return self.context["request"].build_absolute_uri(address)

    @extend_schema_field(DATE_OR_TIME)
    def get_starts(self, event):
        return _iso(event.starts)

    @extend_schema_field(DATE_OR_TIME)
    def get_ends(self, event):
        return _iso(event.ends)


def _iso(moment):
    return moment.isoformat() if isinstance(moment, date) else str(moment)


# An optional link: its address, or null when there is none.
OPTIONAL_URI = {"type": ["string", "null"], "format": "uri"}


class EventDetailSerializer(EventSerializer):
    body = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    livestream_url = serializers.SerializerMethodField()
    recording_url = serializers.SerializerMethodField()
    agenda = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    co_organisers = SourceSerializer(many=True)
    parent = EventLinkSerializer(allow_null=True, help_text="The conference this is part of.")
    sessions = EventLinkSerializer(many=True)
    documents = ShownDocumentsField()
    related_releases = ReleaseLinkSerializer(many=True)

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields,
            "address",
            "co_organisers",
            "parent",
            "sessions",
            "body",
            "agenda",
            "livestream_url",
            "recording_url",
            "accreditation",
            "accreditation_deadline",
            "documents",
            "related_releases",
            "withdrawn_at",
            "withdrawal_note",
        ]

    def get_body(self, event) -> str:
        return str(render_html(event.body))

    def get_agenda(self, event) -> str:
        return str(render_html(event.agenda))

    @extend_schema_field(OPTIONAL_URI)
    def get_livestream_url(self, event):
        return event.livestream_url or None

    @extend_schema_field(OPTIONAL_URI)
    def get_recording_url(self, event):
        return event.recording_url or None


class EventViewSet(PublicReadViewSet):
    """Meetings and conferences, newest start first."""

    serializer_class = EventSerializer
    detail_serializer_class = EventDetailSerializer
    filterset_class = ApiEventFilter
    keyset = ("-start_date", "-id")

    def get_queryset(self):
        # Built per request: "public" means public now.
        if self.action == "retrieve":
            return Event.objects.public().for_page()
        return Event.objects.listed()


register("events", EventViewSet, basename="event")
