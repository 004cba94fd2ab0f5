from django.urls import path

from editorial.preview import PreviewLinkView

from . import views
from .models import Document

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("preview/<str:token>/", PreviewLinkView.as_view(model=Document), name="document-preview"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("<slug:slug>/<str:language>.pdf", views.download, name="file"),
]
