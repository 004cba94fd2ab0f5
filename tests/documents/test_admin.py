"""The library's admin: files checked on upload, processed in the background, reference
numbers unique per type, the rights of the editorial groups."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, DocumentFile
from editorial.models import Status

from ..press import workflow_world
from ..security import pdf_samples
from . import world

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:documents_document_add")


@pytest.fixture
def editor(db):
    return workflow_world.user("superuser")


def form_data(library, *, files=(), **overrides):
    data = {
        "title": "Decision on the extension of the mandate",
        "slug": "decision-on-the-extension",
        "document_type": library.pc_decisions.pk,
        "reference_number": "PC.DEC/1234",
        "date": "2025-03-27",
        "issuer": library.secretariat.pk,
        "summary": "The Council extends the mandate.",
        "language": "en",
        "published_at_0": "2025-03-28",
        "published_at_1": "10:00:00",
        "files-TOTAL_FORMS": str(len(files)),
        "files-INITIAL_FORMS": "0",
        "release_links-TOTAL_FORMS": "0",
        "release_links-INITIAL_FORMS": "0",
        "event_links-TOTAL_FORMS": "0",
        "event_links-INITIAL_FORMS": "0",
    }
    for index, (language, content) in enumerate(files):
        data[f"files-{index}-language"] = language
        data[f"files-{index}-position"] = str(index)
        data[f"files-{index}-file"] = SimpleUploadedFile(
            f"Decision {language}.pdf", content, content_type="application/pdf"
        )
    data.update(overrides)
    return data


def file_errors(response):
    assert response.status_code == 200, response.status_code
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "files"
    )
    return " ".join(
        str(error) for form in formset.forms for errors in form.errors.values() for error in errors
    )


def test_an_editor_adds_a_document_in_two_languages_and_the_worker_prepares_them(
    client, editor, library, run_tasks, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    english = world.pdf("The Permanent Council decides to extend the mandate.", pages=3)
    french = world.pdf("Le Conseil permanent décide de prolonger le mandat.")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, form_data(library, files=[("en", english), ("fr", french)]))

    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(slug="decision-on-the-extension")
    assert document.status == Status.DRAFT
    files = {item.language: item for item in document.files.all()}
    assert set(files) == {"en", "fr"}
    # Stored rewritten, under a random folder and a name the project chose.
    name = files["en"].file.name
    assert name.startswith("documents/files/") and name.endswith("/decision-en.pdf")
    assert len(name.split("/")[2]) >= 30
    assert files["en"].size == files["en"].file.size
    # Nothing derived yet: the editor did not wait for it.
    assert files["en"].page_count is None and not files["en"].is_processed

    run_tasks()

    english_file = DocumentFile.objects.get(document=document, language="en")
    assert english_file.page_count == 3
    assert "extend the mandate" in english_file.text
    assert english_file.cover.name.endswith(".webp")
    assert english_file.cover_width <= 360 and english_file.cover_height <= 520
    french_file = DocumentFile.objects.get(document=document, language="fr")
    assert "prolonger le mandat" in french_file.text
    assert french_file.is_processed


@pytest.mark.parametrize("name", sorted(pdf_samples.HOSTILE))
def test_hostile_pdfs_are_refused_with_a_clear_error(client, editor, library, name):
    content, message = pdf_samples.HOSTILE[name]
    client.force_login(editor)

    response = client.post(ADD_URL, form_data(library, files=[("en", content)]))

    assert message in file_errors(response)
    assert not Document.objects.exists()


def test_the_page_limit_comes_from_the_settings(client, editor, library, settings):
    settings.DOCUMENT_MAX_PAGES = 2
    client.force_login(editor)

    response = client.post(ADD_URL, form_data(library, files=[("en", world.pdf(pages=3))]))

    assert "The PDF has 3 pages; documents may have at most 2." in file_errors(response)


def test_the_size_limit_comes_from_the_settings(client, editor, library, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    client.force_login(editor)

    response = client.post(ADD_URL, form_data(library, files=[("en", world.pdf())]))

    assert "attachments may be at most 100" in file_errors(response)


def test_one_file_per_language(client, editor, library):
    client.force_login(editor)

    response = client.post(
        ADD_URL, form_data(library, files=[("en", world.pdf()), ("en", world.pdf())])
    )

    assert response.status_code == 200
    assert not Document.objects.exists()


def test_a_reference_number_is_unique_within_its_type(client, editor, library, make_document):
    make_document(reference_number="PC.DEC/1234", document_type=library.pc_decisions)
    make_document(reference_number="", document_type=library.pc_decisions)
    client.force_login(editor)

    response = client.post(ADD_URL, form_data(library, reference_number=""))
    assert response.status_code == 302  # empty numbers never clash

    response = client.post(ADD_URL, form_data(library, slug="another"))
    assert response.status_code == 200
    assert "already has this reference number" in response.content.decode()

    other_type = form_data(library, slug="third", document_type=library.reports.pk)
    assert client.post(ADD_URL, other_type).status_code == 302


def test_a_hostile_file_that_passed_the_check_does_not_stop_the_worker(
    library, run_tasks, django_capture_on_commit_callbacks
):
    # Bytes the worker cannot read (as if the stored file were damaged after its check).
    with django_capture_on_commit_callbacks(execute=True):
        document = world.document(library.secretariat, files=[("en", b"%PDF-1.4 broken")])

    run_tasks()

    stored = document.files.get()
    assert stored.is_processed and stored.page_count is None
    assert stored.processing_error


EVERY_RIGHT = {"add", "change", "view", "delete", "review", "publish"}


@pytest.mark.parametrize(
    ("group", "allowed"),
    [("Press officer", {"add", "change", "view"}), ("Editor", EVERY_RIGHT)],
)
def test_the_editorial_groups_have_the_librarys_rights(library, group, allowed):
    person = workflow_world.user(
        {"Press officer": "press_officer", "Editor": "editor"}[group], library.secretariat
    )
    rights = {right for right in EVERY_RIGHT if person.has_perm(f"documents.{right}_document")}
    assert rights == allowed
