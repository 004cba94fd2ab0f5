from django.urls import path

from editorial.preview import PreviewLinkView

from . import feeds, views
from .models import Event

app_name = "meetings"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("feed/", feeds.EventFeed(), name="event-feed"),
    path("feed.ics", views.feed_ics, name="event-calendar-feed"),
    path("preview/<str:token>/", PreviewLinkView.as_view(model=Event), name="event-preview"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event-calendar"),
]
