"""Placeholder views; the newsroom is built in the press releases issue."""

from django.views.generic import DetailView, ListView

from .models import PressRelease


class ReleaseListView(ListView):
    template_name = "press/release_list.html"
    paginate_by = 20

    def get_queryset(self):
        return PressRelease.objects.listed()


class ReleaseDetailView(DetailView):
    template_name = "press/release_detail.html"

    def get_queryset(self):
        return PressRelease.objects.public()
