"""The document page and its downloads: what the public sees, and what it never can."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import SlugRedirect, Status
from editorial.preview import create_link, url_for

from . import world

pytestmark = pytest.mark.django_db


def file_url(document, language="en"):
    return reverse("documents:file", kwargs={"slug": document.slug, "language": language})


def test_the_page_shows_the_facts_and_each_languages_file(client, make_document, library):
    document = make_document(
        title="Extension of the mandate",
        reference_number="PC.DEC/1234",
        document_type=library.pc_decisions,
        summary="The Council extends the mandate.",
        files=(("en", world.pdf(pages=3)), ("fr", None)),
    )
    document.files.filter(language="en").update(page_count=3)

    response = client.get(document.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 200
    for text in (
        "Extension of the mandate",
        "PC.DEC/1234",
        "Permanent Council decisions",
        "Decisions",
        "OSCE Secretariat",
        "The Council extends the mandate.",
        "Download in English",
        "Download in French",
        "3 pages",
    ):
        assert text in page, text
    assert f'href="{file_url(document)}"' in page
    assert f'href="{file_url(document, "fr")}"' in page
    # The stored name (a random folder) is never shown to the public.
    stored = document.files.get(language="en").file.name
    assert stored not in page and stored.split("/")[2] not in page


def test_a_download_is_the_pdf_with_safe_headers(client, make_document):
    data = world.pdf("Downloadable text.")
    document = make_document(files=(("de", data),))

    response = client.get(file_url(document, "de"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'attachment; filename="{document.slug}-de.pdf"'
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_missing_language_or_file_is_a_404(client, make_document):
    document = make_document(files=(("en", None),))

    assert client.get(file_url(document, "fr")).status_code == 404
    assert client.get(f"/documents/{document.slug}/../en.pdf").status_code == 404


@pytest.mark.parametrize(
    "state",
    [
        (Status.DRAFT, False, False),
        (Status.SUBMITTED, False, False),
        (Status.SCHEDULED, True, False),
        (Status.PUBLISHED, False, True),
        (Status.UNPUBLISHED, False, False),
    ],
    ids=["draft", "submitted", "scheduled", "trashed", "unpublished"],
)
def test_the_file_of_a_document_that_is_not_public_is_never_served(client, make_document, state):
    status, ahead, trashed = state
    when = timezone.now() + timedelta(days=2) if ahead else None
    document = make_document(status=status, published_at=when)
    if trashed:
        type(document).objects.filter(pk=document.pk).update(deleted_at=timezone.now())

    assert client.get(document.get_absolute_url()).status_code in {404, 410}
    assert client.get(file_url(document)).status_code == 404


def test_a_withdrawn_document_stays_online_with_its_notice(client, make_document):
    document = make_document(status=Status.WITHDRAWN)
    type(document).objects.filter(pk=document.pk).update(
        withdrawn_at=timezone.now(), withdrawal_note="Superseded by PC.DEC/1300."
    )

    page = client.get(document.get_absolute_url()).content.decode()

    assert "Superseded by PC.DEC/1300." in page
    assert client.get(file_url(document)).status_code == 200
    assert document.title not in client.get(reverse("documents:document-list")).content.decode()


def test_an_unpublished_document_is_gone_and_an_old_slug_moves(client, make_document):
    gone = make_document(status=Status.UNPUBLISHED)
    moved = make_document(slug="new-address")
    SlugRedirect.objects.create(item=moved, old_slug="old-address")

    assert client.get(gone.get_absolute_url()).status_code == 410
    response = client.get("/documents/old-address/")
    assert response.status_code == 301
    assert response["Location"] == "/documents/new-address/"


def test_a_preview_lists_the_files_without_a_download_link(client, make_document, library):
    from ..press import workflow_world

    editor = workflow_world.user("superuser")
    document = make_document(status=Status.DRAFT, title="Embargoed decision")
    link = create_link(document, editor, timezone.now() + timedelta(days=1))

    response = client.get(url_for(link))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Embargoed decision" in page and "Download in English" in page
    assert file_url(document) not in page
    assert "once the document is public" in page


def test_a_release_linked_to_the_document_is_shown_when_listed(client, make_document, library):
    from press.models import PressRelease

    document = make_document()
    shown = PressRelease.objects.create(
        title="Council extends mandate", slug="shown", lead="Lead.", source=library.secretariat,
        status=Status.PUBLISHED, published_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    hidden = PressRelease.objects.create(
        title="Draft release", slug="hidden", lead="Lead.", source=library.secretariat
    )
    document.release_links.create(release=shown)
    document.release_links.create(release=hidden)

    page = client.get(document.get_absolute_url()).content.decode()

    assert "Council extends mandate" in page
    assert "Draft release" not in page


def test_the_page_costs_the_same_queries_with_more_files_and_tags(
    client, make_document, library, django_assert_num_queries
):
    small = make_document(files=(("en", None),))
    large = make_document(files=[(code, None) for code in ("en", "fr", "de", "it", "es")])
    large.fields_of_work.add(library.policing, library.borders)
    large.countries.add(library.ukraine, library.austria, library.japan)
    client.get(small.get_absolute_url())  # the content generation's row

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(small.get_absolute_url())
    with django_assert_num_queries(len(first)):
        client.get(large.get_absolute_url())
