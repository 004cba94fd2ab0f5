"""Placeholder views; the taxonomy pages are built in taxonomy's own issue."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Country, FieldOfWork, MeetingType, Page, Place, Structure


class TermListView(ListView):
    template_name = "taxonomy/term_list.html"


class TermDetailView(DetailView):
    template_name = "taxonomy/term_detail.html"


class FieldOfWorkListView(TermListView):
    model = FieldOfWork


class FieldOfWorkDetailView(TermDetailView):
    model = FieldOfWork


class CountryListView(TermListView):
    model = Country


class CountryDetailView(TermDetailView):
    model = Country


class StructureListView(TermListView):
    model = Structure


class StructureDetailView(TermDetailView):
    model = Structure

    def get_object(self, queryset=None):
        return get_object_or_404(Structure, path=self.kwargs["path"].strip("/"))


class MeetingTypeListView(TermListView):
    model = MeetingType


class MeetingTypeDetailView(TermDetailView):
    model = MeetingType


class PlaceDetailView(TermDetailView):
    model = Place


class PageDetailView(DetailView):
    model = Page
    template_name = "taxonomy/page_detail.html"
