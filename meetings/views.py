"""The public events: the listing (upcoming first, then past), the event page, its calendar."""

from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from editorial.views import PublicItemMixin, UntranslatedNoticeMixin
from osce_cms.breadcrumbs import BreadcrumbsMixin
from osce_cms.feeds import ICALENDAR, FeedLink
from osce_cms.richtext import render_html
from press.pagination import MemoizedPaginator

from . import calendar, structured_data
from .feeds import event_feed_links
from .filters import listed_events
from .models import Event


def upcoming_first(queryset, today):
    """Upcoming events soonest first, then past ones newest first, in one ordering."""
    return queryset.annotate(
        is_past=Case(
            When(end_date__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField()
        ),
        upcoming_start=Case(When(end_date__gte=today, then=F("start_date"))),
    ).order_by("is_past", F("upcoming_start").asc(), "start_time", "-start_date", "-pk")


class EventListView(UntranslatedNoticeMixin, BreadcrumbsMixin, ListView):
    template_name = "meetings/event_list.html"
    paginate_by = 20
    context_object_name = "events"
    untranslated_model = Event
    untranslated_message = _("This event has no version in this language. It exists in:")

    def get_queryset(self):
        self.today = timezone.localdate()
        self.filterset = listed_events(self.request)
        return upcoming_first(self.filterset.qs.for_cards(), self.today)

    def get_paginator(self, queryset, per_page, **kwargs):
        # A page's ids are kept per content generation, as the newsroom's: the order puts the
        # wide rows through a sort (to disk at 10,000 events), the ids alone sort in memory.
        # They depend on the day too: an event ending yesterday moves to the past.
        return MemoizedPaginator(
            queryset,
            per_page,
            memo_parts=("events", self.filterset.memo_parts(), self.today.isoformat()),
            request=self.request,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        context["filter"] = self.filterset
        context["facets"] = SimpleLazyObject(self.filterset.facets)  # read if not kept as HTML
        context["active_filters"] = self.filterset.active
        context["feed_links"] = event_feed_links(self.filterset.feed_query)
        events = context["events"]
        groups = [
            (_("Upcoming events"), [event for event in events if not event.is_past]),
            (_("Past events"), [event for event in events if event.is_past]),
        ]
        context["event_groups"] = [(heading, group) for heading, group in groups if group]
        return context


class EventDetailView(PublicItemMixin, BreadcrumbsMixin, DetailView):
    model = Event
    template_name = "meetings/event_detail.html"
    gone_template = "meetings/event_gone.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        context["body"] = render_html(event.body)
        context["agenda"] = render_html(event.agenda)
        context["json_ld"] = structured_data.event_json_ld(event, self.request)
        context["feed_links"] = [
            FeedLink(
                ICALENDAR,
                _("Add to calendar"),
                reverse("meetings:event-calendar", kwargs={"slug": event.slug}),
            )
        ]
        return context

    def get_breadcrumbs(self):
        return [(_("Events"), reverse("meetings:event-list"))]


def event_ics(request, slug):
    event = Event.objects.public().for_listing().filter(slug=slug).first()
    if event is None:
        raise Http404
    return calendar.response([event], request, filename=f"{event.slug}.ics")


def feed_ics(request):
    filterset = listed_events(request)
    events = filterset.qs.order_by("-start_date", "-pk")
    return calendar.response(list(events[: calendar.FEED_SIZE]), request, filename="events.ics")
