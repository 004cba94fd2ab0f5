from django.urls import path

from editorial.preview import PreviewLinkView

from . import feeds, views
from .models import PressRelease

app_name = "press"

urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release-list"),
    path("feed/", feeds.ReleaseFeed(), name="release-feed"),
    path("feed/atom/", feeds.ReleaseAtomFeed(), name="release-atom-feed"),
    path(
        "preview/<str:token>/", PreviewLinkView.as_view(model=PressRelease), name="release-preview"
    ),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
]
