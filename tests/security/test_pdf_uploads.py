"""PDF uploads (the library's files): decided by parsing, refused with active content, rewritten,
safely named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from documents.models import DocumentFile
from osce_cms import pdfs
from taxonomy.models import DocumentType

from . import pdf_samples
from .conftest import form_data

ADD_URL = "/admin/documents/document/add/"


@pytest.fixture
def document_form(admin_client, world):
    """The library's add form (the uploads' home since attachments became documents)."""
    kind = DocumentType.objects.create(name="Reports", slug="reports")
    data = form_data(admin_client, ADD_URL)
    data.update(
        title="Upload test",
        slug="upload-test",
        document_type=str(kind.pk),
        date="2024-01-02",
        issuer=str(world["unit"].pk),
        published_at_0="2024-01-02",
        published_at_1="10:00:00",
    )
    return data


def with_file(data, content, name="report.pdf"):
    return {
        **data,
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-0-language": "en",
        "files-0-position": "0",
        "files-0-file": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }


def file_errors(response):
    assert response.status_code == 200, response.status_code
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "files"
    )
    return " ".join(str(error) for form in formset.forms for error in form.errors.get("file", []))


@pytest.mark.parametrize("name", sorted(pdf_samples.HOSTILE))
def test_hostile_pdfs_are_refused_with_a_clear_error(admin_client, document_form, name):
    content, message = pdf_samples.HOSTILE[name]

    response = admin_client.post(ADD_URL, with_file(document_form, content))

    assert message in file_errors(response)
    assert not DocumentFile.objects.exists()


def test_an_html_page_named_html_with_a_pdf_header_is_refused(admin_client, document_form):
    # The review's case: stored as report.html under media/ and linked publicly.
    content = pdf_samples.HOSTILE["html-with-a-pdf-header"][0]

    response = admin_client.post(ADD_URL, with_file(document_form, content, "report.html"))

    assert "cannot be read as a PDF" in file_errors(response)


@pytest.mark.parametrize("content", [pdf_samples.PLAIN, pdf_samples.GO_TO_FIRST_PAGE])
def test_a_plain_pdf_is_stored_under_a_name_the_project_chooses(
    admin_client, document_form, settings, content
):
    response = admin_client.post(
        ADD_URL, with_file(document_form, content, "Annual <report>.php.html")
    )

    assert response.status_code == 302
    stored = DocumentFile.objects.get().file
    assert stored.name.startswith("documents/files/")
    assert stored.name.rsplit("/", 1)[1].startswith("annual-reportphp")
    assert stored.name.endswith(".pdf")
    assert len(PdfReader(io.BytesIO((settings.MEDIA_ROOT / stored.name).read_bytes())).pages) == 1


def test_a_pdf_with_an_html_page_appended_is_stored_without_it(
    admin_client, document_form, settings
):
    response = admin_client.post(
        ADD_URL, with_file(document_form, pdf_samples.POLYGLOT, "report.html")
    )

    assert response.status_code == 302
    stored = (settings.MEDIA_ROOT / DocumentFile.objects.get().file.name).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored


def deeply_nested_pdf(depth):
    body = b"[" * depth + b"]" * depth
    objects = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R /Deep " + body + b" >> endobj\n",
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj\n",
    ]
    return b"%PDF-1.4\n" + b"".join(objects) + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def test_a_pdf_too_deep_to_parse_is_refused_and_the_site_keeps_serving(admin_client, document_form):
    response = admin_client.post(ADD_URL, with_file(document_form, deeply_nested_pdf(100_000)))

    assert file_errors(response)
    assert admin_client.get("/").status_code == 200


def test_a_pdf_that_takes_too_long_to_check_is_refused(monkeypatch):
    monkeypatch.setattr(pdfs, "CHILD_TIMEOUT_SECONDS", 0.001)
    upload = SimpleUploadedFile("report.pdf", pdf_samples.PLAIN)

    with pytest.raises(pdfs.ValidationError) as refused:
        pdfs.clean_pdf(upload)

    assert refused.value.code == "pdf_too_complex"


def test_a_pdf_whose_check_runs_out_of_memory_is_refused(monkeypatch):
    monkeypatch.setattr(pdfs, "CHILD_MEMORY_BYTES", 16 * 1024 * 1024)
    upload = SimpleUploadedFile("report.pdf", pdf_samples.PLAIN)

    with pytest.raises(pdfs.ValidationError) as refused:
        pdfs.clean_pdf(upload)

    assert refused.value.code == "pdf_too_complex"


def test_a_pdf_over_the_size_limit_is_refused_before_parsing(settings):
    settings.DOCUMENT_MAX_BYTES = 100

    with pytest.raises(pdfs.ValidationError) as refused:
        pdfs.clean_pdf(SimpleUploadedFile("report.pdf", pdf_samples.PLAIN))

    assert refused.value.code == "file_too_large"
