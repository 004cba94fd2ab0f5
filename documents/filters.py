"""The library's filters and facets: the newsroom's (``press.filters``), for documents.

Trees (document type, issuing structure, field of work, country) match whole subtrees as in the
newsroom; ``language`` (a file exists in it) and ``year`` (of the document's date) take several
values too. Unknown values are reported on the form and ignored, never an error page.
"""

from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from press.filters import FacetNode, NewsroomForm, ReleaseFilter, SubtreeFilter
from taxonomy.models import Country, DocumentType, FieldOfWork, Structure

from .models import Document, DocumentFile

EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


class LibraryForm(NewsroomForm):
    def clean_document_type(self):
        return self._nodes("document_type", DocumentType)

    def clean_structure(self):
        return self._nodes("structure", Structure)

    def _choices(self, name, known):
        """The asked-for values among ``known`` ({value: label}), as facet nodes."""
        chosen = []
        for value in self.cleaned_data.get(name) or []:
            if value in known:
                chosen.append(FacetNode(value, str(known[value]), 0))
            else:
                self.notices.append(
                    _("Unknown %(filter)s “%(value)s” was ignored.")
                    % {"filter": self.fields[name].label, "value": value[:100]}
                )
        return chosen

    def clean_language(self):
        return self._choices("language", dict(settings.LANGUAGES))

    def clean_year(self):
        years = {
            value: value
            for value in self.cleaned_data.get("year") or []
            if value.isascii() and value.isdigit() and EARLIEST_YEAR <= int(value) <= LATEST_YEAR
        }
        return self._choices("year", years)


class ValueListFilter(SubtreeFilter):
    """Several plain values (``?language=fr&language=de``), OR'ed by ``method``."""

    def __init__(self, condition, **kwargs):
        self.condition = condition
        super().__init__(relation=None, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.condition([choice.slug for choice in value]))


def in_languages(codes):
    return Q(id__in=DocumentFile.objects.filter(language__in=codes).values("document_id"))


def in_years(years):
    condition = Q(pk__in=[])
    for year in years:  # date ranges: the listed-date index serves them
        start = date(int(year), 1, 1)
        condition |= Q(date__gte=start, date__lt=start.replace(year=start.year + 1))
    return condition


class DocumentFilter(ReleaseFilter):
    document_type = SubtreeFilter("document_type", label=_("document type"))
    structure = SubtreeFilter("issuer", label=_("structure"))
    field_of_work = SubtreeFilter("fields_of_work", label=_("field of work"))
    country = SubtreeFilter("countries", label=_("country"))
    language = ValueListFilter(in_languages, label=_("language"))
    year = ValueListFilter(in_years, label=_("year"))
    # The newsroom's filters that documents do not have.
    source = place = date_from = date_to = None

    TREE_FILTERS = {
        "document_type": DocumentType,
        "structure": Structure,
        "field_of_work": FieldOfWork,
        "country": Country,
    }
    facets_name = "library-facets"

    class Meta:
        model = Document
        fields = []
        form = LibraryForm

    def _facets(self):
        facets = super()._facets()
        facets.append(self._value_facet("language", self._language_counts))
        facets.append(self._value_facet("year", self._year_counts))
        return facets

    def _others(self, name):
        documents = Document.objects.listed()
        if any(value for other, value in self.cleaned.items() if other != name):
            documents = self.filter_queryset(documents, exclude=name)
        return documents

    def _value_facet(self, name, counts):
        selected = {choice.slug for choice in self.cleaned.get(name) or []}
        items = [
            {"node": FacetNode(value, label, 0), "count": count, "selected": value in selected}
            for value, label, count in counts(self._others(name))
        ]
        return {"name": name, "label": self.filters[name].label, "items": items}

    @staticmethod
    def _language_counts(documents):
        """Per language, the documents with a file in it (one file per language each).

        The documents are a subquery of their own SQL, not a queryset Django would re-alias:
        the search's condition names the documents' table (``press.search``).
        """
        ids_sql, params = documents.order_by().values("id").query.sql_with_params()
        counts = dict(
            DocumentFile.objects.filter(document_id__in=RawSQL(ids_sql, params))
            .order_by()
            .values_list("language")
            .annotate(total=Count("id"))
            .values_list("language", "total")
        )
        return [(code, name, counts[code]) for code, name in settings.LANGUAGES if code in counts]

    @staticmethod
    def _year_counts(documents):
        rows = (
            documents.order_by()
            .annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(total=Count("id"))
            .values_list("year", "total")
        )
        return [(str(year), str(year), total) for year, total in sorted(rows, reverse=True)]
