"""The demo library: enough documents of every type to try the facets and the search."""

import io

import pytest
from django.db.models import Count

from documents import demo as library_demo
from documents.models import Document, DocumentFile

pytestmark = pytest.mark.django_db


def test_the_demo_library_has_decisions_several_languages_and_searchable_files(demo, client):
    made = demo_library()

    assert made >= 40 and Document.objects.listed().count() == made
    references = set(
        Document.objects.exclude(reference_number="").values_list("reference_number", flat=True)
    )
    assert {"PC.DEC/1400", "MC.DEC/5/22"} <= references
    languages = Document.objects.annotate(files_count=Count("files"))
    assert languages.filter(files_count__gte=2).count() >= 10
    assert set(DocumentFile.objects.values_list("language", flat=True)) >= {
        "en",
        "fr",
        "de",
        "es",
        "it",
    }
    assert not DocumentFile.objects.filter(page_count=None).exists()
    assert not DocumentFile.objects.filter(cover="").exists()
    assert Document.objects.values("document_type").distinct().count() >= 6

    page = client.get("/documents/", {"q": "Ständige"}).content.decode()  # a German file's text
    assert "PC.DEC/1402" in page
    decision = Document.objects.get(reference_number="PC.DEC/1402")
    assert client.get(decision.get_absolute_url()).status_code == 200
    assert client.get(f"/documents/{decision.slug}/de.pdf").status_code == 200


def test_the_demo_library_is_built_once(demo):
    demo_library()
    before = Document.objects.count()

    assert demo_library() == 0
    assert Document.objects.count() == before


def demo_library():
    return library_demo.load_library(stdout=io.StringIO())
