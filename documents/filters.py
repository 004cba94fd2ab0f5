"""The library's filters and facets, on the shared machinery (``editorial.filters``).

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

from editorial.filters import (
    ChoiceListFilter,
    FacetedFilterSet,
    FacetForm,
    FacetNode,
    SubtreeFilter,
    WordsFilter,
)
from press.search import MAX_QUERY_LENGTH
from taxonomy.models import Country, DocumentType, FieldOfWork, Structure

from .models import Document, DocumentFile

EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


class LibraryForm(FacetForm):
    def clean_language(self):
        return self._choices("language", file_languages())

    def clean_year(self):
        years = {
            value: value
            for value in self.cleaned_data.get("year") or []
            if value.isascii() and value.isdigit() and EARLIEST_YEAR <= int(value) <= LATEST_YEAR
        }
        return self._choices("year", years)


def file_languages():
    """{code: name} of the languages a file may be in, named as the page's "Download in"."""
    return dict(settings.LANGUAGES)


def in_languages(codes):
    return Q(id__in=DocumentFile.objects.filter(language__in=codes).values("document_id"))


def in_years(years):
    condition = Q(pk__in=[])
    for year in years:  # date ranges: the listed-date index serves them
        start = date(int(year), 1, 1)
        condition |= Q(date__gte=start, date__lt=start.replace(year=start.year + 1))
    return condition


class DocumentFilter(FacetedFilterSet):
    memo_name = "library-facets"

    document_type = SubtreeFilter("document_type", label=_("document type"))
    structure = SubtreeFilter("issuer", label=_("structure"))
    field_of_work = SubtreeFilter("fields_of_work", label=_("field of work"))
    country = SubtreeFilter("countries", label=_("country"))
    language = ChoiceListFilter(in_languages, label=_("language"))
    year = ChoiceListFilter(in_years, label=_("year"))
    q = WordsFilter(max_length=MAX_QUERY_LENGTH)

    TREE_FILTERS = {
        "document_type": DocumentType,
        "structure": Structure,
        "field_of_work": FieldOfWork,
        "country": Country,
    }

    class Meta:
        model = Document
        fields = []
        form = LibraryForm

    def _facets(self):
        return [
            *super()._facets(),
            self.facet("language", self._language_counts(self.facet_items("language"))),
            self.facet("year", self._year_counts(self.facet_items("year"))),
        ]

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
        return [
            (FacetNode(code, str(name), "", 0), counts[code])
            for code, name in file_languages().items()
            if code in counts
        ]

    @staticmethod
    def _year_counts(documents):
        rows = (
            documents.order_by()
            .annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(total=Count("id"))
            .values_list("year", "total")
        )
        return [
            (FacetNode(str(year), str(year), "", 0), total)
            for year, total in sorted(rows, reverse=True)
        ]
