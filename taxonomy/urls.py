from django.urls import path

from editorial.preview import PreviewLinkView

from . import views
from .models import Page

app_name = "taxonomy"

urlpatterns = [
    path("fields-of-work/", views.FieldOfWorkListView.as_view(), name="fieldofwork-list"),
    path(
        "fields-of-work/<slug:slug>/",
        views.FieldOfWorkDetailView.as_view(),
        name="fieldofwork-detail",
    ),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("structures/", views.StructureListView.as_view(), name="structure-list"),
    path("structures/<path:path>/", views.StructureDetailView.as_view(), name="structure-detail"),
    path("meetings/", views.MeetingTypeListView.as_view(), name="meetingtype-list"),
    path("meetings/<slug:slug>/", views.MeetingTypeDetailView.as_view(), name="meetingtype-detail"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("pages/preview/<str:token>/", PreviewLinkView.as_view(model=Page), name="page-preview"),
    path("pages/<slug:slug>/", views.PageDetailView.as_view(), name="page-detail"),
]
