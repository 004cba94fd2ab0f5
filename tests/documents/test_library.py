"""The library's list: facets with counts, filters by subtree, language and year, chips,
pagination that keeps the filters, bad values reported, and a query budget."""

import re

import pytest
from django.urls import reverse

from .conftest import on

pytestmark = pytest.mark.django_db
URL = reverse("documents:document-list")


def titles(response):
    return [document.title for document in response.context["documents"]]


def facet(response, name):
    found = next(item for item in response.context["facets"] if item["name"] == name)
    return {entry["node"].slug: entry["count"] for entry in found["items"]}


def test_the_library_lists_public_documents_newest_first(client, make_document):
    make_document(title="Older report", date=on(2020))
    make_document(title="Newer report", date=on(2024))

    response = client.get(URL)

    assert response.status_code == 200
    assert titles(response) == ["Newer report", "Older report"]
    assert "2 documents" in response.content.decode()


def test_a_document_type_matches_its_whole_subtree(client, make_document, library):
    make_document(title="PC decision", document_type=library.pc_decisions)
    make_document(title="A report", document_type=library.reports)

    response = client.get(URL, {"document_type": "decisions"})

    assert titles(response) == ["PC decision"]
    assert facet(response, "document_type") == {"decisions": 1, "pc-decisions": 1, "reports": 1}


def test_structure_field_of_work_and_country_filters(client, make_document, library):
    kosovo = make_document(title="Kosovo report", issuer=library.kosovo)
    kosovo.fields_of_work.add(library.community)
    kosovo.countries.add(library.ukraine)
    make_document(title="Secretariat report")

    for query in (
        {"structure": "field-operations"},
        {"field_of_work": "policing"},
        {"country": "participating-states"},
    ):
        assert titles(client.get(URL, query)) == ["Kosovo report"], query


def test_language_means_a_file_exists_in_it(client, make_document):
    make_document(title="Bilingual", files=(("en", None), ("fr", None)))
    make_document(title="English only")

    response = client.get(URL, {"language": "fr"})

    assert titles(response) == ["Bilingual"]
    # The language facet counts what the other filters leave: here, every document.
    assert facet(response, "language") == {"en": 2, "fr": 1}
    assert "French" in response.content.decode()


def test_year_filter_and_facet(client, make_document):
    make_document(title="From 2023", date=on(2023, 12, 31))
    make_document(title="From 2024", date=on(2024, 1, 1))
    make_document(title="Also 2024", date=on(2024, 6, 1))

    response = client.get(URL, {"year": ["2023", "2025"]})

    assert titles(response) == ["From 2023"]
    assert facet(response, "year") == {"2024": 2, "2023": 1}


def test_search_words_match_the_title_reference_summary_and_the_files_text(client, make_document):
    from . import world

    make_document(title="Mandate extension", reference_number="PC.DEC/1234")
    make_document(title="Other", summary="About the Zanzibar mandate.")
    make_document(title="Third", files=(("en", world.pdf("Negotiations in Zanzibar.")),))
    from documents.models import Document, DocumentFile
    from documents.search import refresh_vectors

    # The file's text is derived in the background; here it is set as the worker would, and
    # the search vectors refreshed as after its commit (PostgreSQL; nothing on SQLite).
    DocumentFile.objects.filter(document__title="Third").update(text="Negotiations in Zanzibar.")
    refresh_vectors(list(Document.objects.values_list("id", flat=True)))

    assert titles(client.get(URL, {"q": "PC.DEC/1234"})) == ["Mandate extension"]
    assert set(titles(client.get(URL, {"q": "zanzibar"}))) == {"Other", "Third"}


def test_unknown_and_malformed_values_are_reported_and_ignored(client, make_document):
    make_document(title="Kept")

    response = client.get(
        URL,
        {"document_type": "nope", "language": "xx", "year": ["abc", "99999"], "page": "1"},
    )

    assert response.status_code == 200
    assert titles(response) == ["Kept"]
    notices = [str(notice) for notice in response.context["filter"].form.notices]
    assert len(notices) == 4
    assert "“xx”" in " ".join(notices)


@pytest.mark.parametrize("page", ["0", "abc", "999"])
def test_a_page_out_of_range_is_a_404(client, make_document, page):
    make_document()

    assert client.get(URL, {"page": page}).status_code == 404


def test_chips_remove_one_filter_and_pagination_keeps_them(client, make_document, library):
    for index in range(25):
        make_document(title=f"Report {index}", date=on(2024, 1, 1 + index))
    make_document(title="A decision", document_type=library.pc_decisions, date=on(2024))

    response = client.get(URL, {"document_type": "reports", "year": "2024"})
    page = response.content.decode()

    assert response.context["paginator"].count == 25
    chips = {chip["label"]: chip["remove"] for chip in response.context["active_filters"]}
    assert chips == {"Reports": "year=2024", "2024": "document_type=reports"}
    next_link = re.search(r'href="([^"]*page=2[^"]*)"', page).group(1).replace("&amp;", "&")
    assert "document_type=reports" in next_link and "year=2024" in next_link
    second = client.get(URL + next_link)
    assert len(second.context["documents"]) == 5


def test_the_list_costs_the_same_queries_whatever_the_number_of_documents(
    client, make_document, library, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        cache.clear()  # the facets and pages are memoized per content generation
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"country": "ukraine", "q": "report"}).status_code == 200
        return len(queries)

    def add(number):
        for _ in range(number):
            item = make_document(title="A report", files=(("en", None), ("de", None)))
            item.countries.add(library.ukraine)
            item.fields_of_work.add(library.policing)

    count()  # the first request of a test creates the content generation's row
    add(2)
    small = count()
    add(15)
    assert count() == small
    cache.clear()
    # generation, count, ids, rows, files, 6 facets (the trees' nodes too), menus.
    with django_assert_max_num_queries(16):
        client.get(URL)
