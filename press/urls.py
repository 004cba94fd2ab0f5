from django.urls import path

from . import feeds, preview, views

app_name = "press"

urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="release-list"),
    path("feed/", feeds.ReleaseFeed(), name="release-feed"),
    path("feed/atom/", feeds.ReleaseAtomFeed(), name="release-atom-feed"),
    path("preview/<str:token>/", preview.PreviewLinkView.as_view(), name="release-preview"),
    path("<slug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
]
