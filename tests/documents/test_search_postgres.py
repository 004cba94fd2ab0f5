"""Search inside the files on PostgreSQL: the stored vector, its weights and languages."""

import pytest
from django.db import connection
from django.urls import reverse

from documents import processing
from documents.models import Document, DocumentFile

from . import world

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
URL = reverse("documents:document-list")


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the vector's refresh) as a real commit would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def processed(make_document, *files, **fields):
    """A document whose files went through the worker's processing (in this process)."""
    document = make_document(
        files=[(language, world.pdf(text)) for language, text in files], **fields
    )
    for item in document.files.all():
        processing.apply(item, processing.derive(item.file.read()))
        item.save()
    return document


def titles(response):
    return [document.title for document in response.context["documents"]]


def test_words_inside_a_file_find_the_document(client, make_document, committed):
    committed(
        processed,
        make_document,
        ("en", "Landmines were cleared near the river."),
        title="Annual report",
    )
    committed(processed, make_document, ("en", "Nothing of the kind."), title="Other report")

    assert titles(client.get(URL, {"q": "landmine"})) == ["Annual report"]


def test_title_and_summary_rank_above_the_files_text(client, make_document, committed, library):
    committed(
        processed,
        make_document,
        ("en", "Water was discussed."),
        title="Text hit",
        date=world.date(2024, 1, 3),
    )
    committed(
        make_document, title="Summary hit", summary="About water.", date=world.date(2024, 1, 2)
    )
    committed(make_document, title="Water in the region", date=world.date(2024, 1, 1))

    assert titles(client.get(URL, {"q": "water"})) == [
        "Water in the region",
        "Summary hit",
        "Text hit",
    ]


def test_each_file_is_parsed_in_its_own_language(client, make_document, committed):
    committed(
        processed,
        make_document,
        ("en", "The Council met."),
        ("fr", "Les observatrices électorales ont publié leurs conclusions."),
        title="Election observation report",
    )

    # French stemming: "observatrice" finds "observatrices" only through the french parse.
    assert titles(client.get(URL, {"q": "observatrice électorale"})) == [
        "Election observation report"
    ]


def test_a_replaced_file_is_searched_with_its_new_text(make_document, committed):
    document = committed(processed, make_document, ("en", "Hydropower on the river."))
    assert Document.objects.search("hydropower").exists()

    item = document.files.get()
    committed(DocumentFile.objects.filter(pk=item.pk).update, text="Nothing of note.")
    committed(item.document.save)  # any save of the document or a file refreshes the vector
    assert not Document.objects.search("hydropower").exists()


def test_a_draft_with_the_words_is_never_found(client, make_document, committed):
    from editorial.models import Status

    committed(processed, make_document, ("en", "Zanzibarleak inside."), status=Status.DRAFT)

    assert titles(client.get(URL, {"q": "zanzibarleak"})) == []


def test_search_uses_the_full_text_index(make_document, committed):
    committed(make_document, title="Landmines")
    queryset = Document.objects.search("landmines").order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "documents_vector_idx" in plan
