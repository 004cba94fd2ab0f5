"""Documents are linked translations on the engine (editorial/translations.py): a version in
another language keeps the type, reference number, date and tags, starts with the files, and
the public pages name the versions."""

import pytest
from django.contrib.auth import get_user_model

from documents.models import Document
from editorial import translations
from editorial.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")


def test_a_translation_keeps_the_reference_number_and_starts_with_the_files(
    make_document, library, chief
):
    original = make_document(
        title="Decision No. 1400",
        reference_number="PC.DEC/1400",
        files=(("en", None), ("fr", None)),
    )
    original.fields_of_work.add(library.policing)

    russian = translations.translate(original, chief, "ru")

    assert russian.status == Status.DRAFT and russian.translation_key == original.translation_key
    assert (russian.reference_number, russian.document_type, russian.date) == (
        "PC.DEC/1400",
        original.document_type,
        original.date,
    )
    assert list(russian.fields_of_work.all()) == [library.policing]
    assert sorted(russian.files.values_list("language", flat=True)) == ["en", "fr"]


def test_the_reference_number_stays_unique_among_other_documents_of_the_type(make_document):
    make_document(reference_number="PC.DEC/7")
    duplicate = make_document(reference_number="PC.DEC/8")
    duplicate.reference_number = "PC.DEC/7"

    with pytest.raises(Exception, match="already has this reference number"):
        duplicate.validate_constraints()


def test_shared_fields_follow_the_version_edited_and_the_page_lists_the_languages(
    make_document, library, chief, client
):
    original = make_document(title="Annual report", slug="annual-report")
    french = translations.translate(original, chief, "fr")
    Document.objects.filter(pk=french.pk).update(
        title="Rapport annuel", status=Status.PUBLISHED, published_at=original.published_at
    )
    original.reference_number = "SEC.GAL/1"
    original.save()
    translations.share(original)

    french.refresh_from_db()
    assert french.reference_number == "SEC.GAL/1"
    page = client.get("/documents/annual-report/")
    assert page.status_code == 200
    assert [v["code"] for v in page.context["item_languages"]["versions"]] == ["en", "fr"]
    notice = client.get("/ru/documents/", {"untranslated": "annual-report"})
    assert notice.status_code == 200 and notice.context["untranslated"]["item"] == original
