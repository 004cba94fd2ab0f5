"""The library in the read API: the library's filters, each file's stable address, no leaks,
and a cost that does not grow with the documents."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.api import DocumentSerializer
from documents.models import Document
from editorial.models import Status

from ..api.conftest import api_get, assert_list_is_what_the_serializer_writes, openapi  # noqa: F401

pytestmark = pytest.mark.django_db
LIST = "/api/v1/documents/"


def test_a_document_in_the_list_and_its_detail_match_the_contract(
    api_get,  # noqa: F811
    make_document,
    library,
):
    document = make_document(
        title="Extension of the mandate",
        slug="pc-dec-1234",
        reference_number="PC.DEC/1234",
        document_type=library.pc_decisions,
        files=(("en", None), ("fr", None)),
    )
    document.files.filter(language="fr").update(page_count=2)
    make_document(title="A draft", status=Status.DRAFT)

    listing = api_get(LIST).json()["results"]
    assert [item["title"] for item in listing] == ["Extension of the mandate"]
    item = listing[0]
    assert item["reference_number"] == "PC.DEC/1234"
    assert item["document_type"] == {"slug": "pc-decisions", "name": "Permanent Council decisions"}
    assert item["issuer"]["name"] == "OSCE Secretariat"
    files = {entry["language"]: entry for entry in item["files"]}
    assert files["fr"]["url"] == "http://testserver/documents/pc-dec-1234/fr.pdf"
    assert files["fr"]["page_count"] == 2 and files["en"]["page_count"] is None
    assert files["en"]["size"] == document.files.get(language="en").size

    detail = api_get(f"{LIST}pc-dec-1234/").json()
    assert detail["cover"] is None and detail["withdrawn_at"] is None


def test_a_document_names_its_public_translations(api_get, make_document):  # noqa: F811
    english = make_document(slug="report", language="en")
    make_document(slug="rapport", language="fr", translation_key=english.translation_key)
    make_document(
        slug="bericht",
        language="de",
        status=Status.DRAFT,
        translation_key=english.translation_key,
    )

    listed = {item["slug"]: item["translations"] for item in api_get(LIST).json()["results"]}

    assert [(t["language"], t["api_url"]) for t in listed["report"]] == [
        ("fr", "http://testserver/api/v1/documents/rapport/")
    ]
    assert [t["language"] for t in api_get(f"{LIST}rapport/").json()["translations"]] == ["en"]


def test_the_list_takes_the_librarys_filters(api_get, make_document, library):  # noqa: F811
    make_document(title="Decision", document_type=library.pc_decisions, files=(("de", None),))
    make_document(title="Report")

    def titles(**query):
        return [item["title"] for item in api_get(LIST, query).json()["results"]]

    assert titles(document_type="decisions") == ["Decision"]
    assert titles(language="de") == ["Decision"]
    assert titles(structure="secretariat") == ["Report", "Decision"]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.UNPUBLISHED])
def test_a_document_that_is_not_public_has_no_detail(api_get, make_document, status):  # noqa: F811
    make_document(slug="hidden", status=status)

    assert api_get(f"{LIST}hidden/").status_code == 404
    assert api_get(LIST).json()["results"] == []


def test_the_list_costs_the_same_whatever_the_number_of_documents(client, make_document, library):
    def count():
        client.get(LIST)  # the first request after a publication advances the generation
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    def add(number):
        for _ in range(number):
            document = make_document(files=(("en", None), ("fr", None)))
            document.fields_of_work.add(library.policing)
            document.countries.add(library.ukraine)

    count()
    add(2)
    small = count()
    add(10)
    assert count() == small
    # The documents (their tags' ids with them), their translations, their files, the
    # generation; after a change, each vocabulary once besides (document types, structures,
    # fields of work, countries: api/plain.py keeps them until the next change).
    assert small == 8


def test_the_list_is_what_the_document_serializer_writes(api_get, make_document, library):  # noqa: F811
    english = make_document(slug="report", files=(("en", None), ("fr", None)))
    english.fields_of_work.add(library.policing)
    english.countries.add(library.ukraine)
    make_document(slug="rapport", language="fr", translation_key=english.translation_key)
    make_document(slug="decision", document_type=library.pc_decisions, files=())
    make_document(slug="hidden", status=Status.DRAFT)
    items = Document.objects.listed().order_by("-published_at", "-id")
    assert_list_is_what_the_serializer_writes(api_get, LIST, DocumentSerializer, items)
