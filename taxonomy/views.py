"""Public pages of the taxonomy trees and simple pages.

Every page costs a constant number of queries however deep or wide its tree: an index renders the
whole tree from one query (``nested``), a detail page loads its node, its ancestors
(breadcrumbs) and its children with one query each.

Other apps add to a term's detail page (e.g. the latest press releases of its subtree) by
registering a context function with ``register_detail_context``; the template renders it in
``{% block related_releases %}``.
"""

from collections import defaultdict
from itertools import groupby

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from editorial.views import PublicItemMixin
from osce_cms.breadcrumbs import BreadcrumbsMixin
from osce_cms.page_context import ContextFunctions
from osce_cms.richtext import render_html
from osce_cms.translated import languages_of, shown

from . import redirects
from .models import Country, FieldOfWork, MeetingType, Page, PageListing, Place, Structure

# ``function(node, request) -> dict``, called for every term detail page.
detail_context = ContextFunctions()
register_detail_context = detail_context.register


def nested(nodes):
    """The roots of ``nodes`` (given in tree order), each node with its ``child_nodes`` set.

    Plain lists rather than mptt's cached querysets: an index renders hundreds of nodes.
    """
    nodes = list(nodes)
    by_parent = defaultdict(list)
    for node in nodes:
        by_parent[node.parent_id].append(node)
    for node in nodes:
        node.child_nodes = by_parent.get(node.pk, [])
    return by_parent[None]


class OldAddressRedirectMixin:
    """A term's page asked for at an old address of the term answers 301 with the current one
    (``taxonomy.redirects``); only a miss costs the extra query."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = redirects.find(self.model, self.address_key())
            if target is None:
                raise
            return HttpResponsePermanentRedirect(target.get_absolute_url())

    def address_key(self):
        return self.kwargs["slug"]


class TermListView(BreadcrumbsMixin, ListView):
    """The whole tree of one vocabulary, grouped under its top-level nodes."""

    template_name = "taxonomy/term_list.html"
    title = ""
    intro = ""

    def get_queryset(self):
        return self.model._default_manager.defer("description")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.title,
            intro=self.intro,
            roots=nested(self.object_list),
        )
        return context


class TermDetailView(OldAddressRedirectMixin, BreadcrumbsMixin, DetailView):
    """One node: breadcrumbs from its ancestors, description, children."""

    template_name = "taxonomy/term_detail.html"
    list_url_name = ""
    list_title = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        node = self.object
        context.update(
            children=list(self.get_children(node).defer("description")),
            children_title=_("In this section"),
            kind=capfirst(self.model._meta.verbose_name),
            content_languages=languages_of(node, "name"),
        )
        context.update(self.get_extra_context(node))
        return detail_context.add_to(context, node, self.request)

    def get_breadcrumbs(self):
        return [
            (self.list_title, reverse(self.list_url_name)),
            *((shown(a, "name"), a.get_absolute_url()) for a in self.ancestors()),
        ]

    def ancestors(self):
        return list(self.object.get_ancestors())

    def get_children(self, node):
        return node.get_children()

    def get_extra_context(self, node):
        return {}


class FieldOfWorkListView(TermListView):
    model = FieldOfWork
    title = _("Fields of work")
    intro = _("The areas in which the Organization works for security and co-operation.")


class FieldOfWorkDetailView(TermDetailView):
    model = FieldOfWork
    list_url_name = "taxonomy:fieldofwork-list"
    list_title = _("Fields of work")


class CountryListView(TermListView):
    model = Country
    title = _("Countries")
    intro = _("The 57 participating States and the Partners for Co-operation.")


class CountryDetailView(TermDetailView):
    model = Country
    list_url_name = "taxonomy:country-list"
    list_title = _("Countries")

    def get_extra_context(self, node):
        return {
            "structures": list(node.structures.only("name", "public_name", "slug", "path")),
            "places": list(node.places.only("name", "slug")),
        }


class StructureListView(TermListView):
    """The current structures; closed ones are listed on the closed field activities page."""

    model = Structure
    title = _("Structures and institutions")
    intro = _("The Chairpersonship, the Secretariat, the institutions and the field operations.")

    def get_queryset(self):
        return Structure.objects.current().defer("description")


class StructureDetailView(TermDetailView):
    model = Structure
    list_url_name = "taxonomy:structure-list"
    list_title = _("Structures and institutions")

    def address_key(self):
        return self.kwargs["path"].strip("/")

    def get_object(self, queryset=None):
        try:
            return Structure.objects.get(path=self.address_key())
        except Structure.DoesNotExist:
            raise Http404(_("No structure at this address.")) from None

    def get_children(self, node):
        return node.get_children().current()

    def get_extra_context(self, node):
        return {"countries": list(node.countries.only("name", "slug"))}


class MeetingTypeListView(TermListView):
    model = MeetingType
    title = _("Meetings and conferences")
    intro = _("Summits, councils, conferences and implementation meetings.")


class MeetingTypeDetailView(TermDetailView):
    model = MeetingType
    list_url_name = "taxonomy:meetingtype-list"
    list_title = _("Meetings and conferences")


class PlaceDetailView(TermDetailView):
    model = Place
    list_url_name = "taxonomy:country-list"
    list_title = _("Countries")

    def get_queryset(self):
        return Place.objects.select_related("country")

    def ancestors(self):
        # A place's trail is its country (places are a flat list under each country).
        return [self.object.country] if self.object.country else []


def closed_structures_by_year():
    """``[(year, [structure, ...]), ...]``: closed structures, the latest closings first, each
    with its countries (two queries)."""
    closed = (
        Structure.objects.closed()
        .order_by("-closed_on", "name")
        .only("name", "public_name", "slug", "path", "description", "opened_on", "closed_on")
        .prefetch_related("countries")
    )
    return [
        (year, list(group)) for year, group in groupby(closed, key=lambda node: node.closed_on.year)
    ]


# What each automatic list of a page puts in the page's context.
PAGE_LISTINGS = {PageListing.CLOSED_STRUCTURES: ("closed_by_year", closed_structures_by_year)}


class PageDetailView(PublicItemMixin, BreadcrumbsMixin, DetailView):
    model = Page
    template_name = "taxonomy/page_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["body"] = render_html(self.object.body)
        context["content_languages"] = languages_of(self.object, "title")
        if self.object.listing in PAGE_LISTINGS:
            name, build = PAGE_LISTINGS[self.object.listing]
            context[name] = build()
        return context
