"""The documents library in a real browser: WCAG A and AA (axe-core), filtering by facets with
the keyboard, chips, a document page with its cover and downloads, 320 px reflow."""

import io

from playwright.sync_api import expect

from documents.demo import load_library
from documents.models import Document

from .helpers import DESKTOP, MOBILE, axe_violations, describe_violations, horizontal_overflow

NARROW = {"width": 320, "height": 640}


def test_the_library_and_a_document_page_have_no_wcag_violations(page):
    load_library(stdout=io.StringIO())
    decision = Document.objects.get(reference_number="PC.DEC/1402")
    for path in (
        "/documents/",
        "/documents/?document_type=decisions&language=fr&year=2020",
        "/documents/?q=xylophonically",
        decision.get_absolute_url(),
        "/fr/documents/",
    ):
        assert page.goto(path).status == 200, path
        for size in (DESKTOP, MOBILE, NARROW):
            page.set_viewport_size(size)
            violations = axe_violations(page)
            assert not violations, f"{path} at {size['width']} px:\n" + describe_violations(
                violations
            )
            assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways at {size['width']}"


def test_a_reader_filters_by_facet_removes_a_chip_and_downloads_a_file(page):
    load_library(stdout=io.StringIO())
    page.goto("/documents/")

    page.locator("summary", has_text="Document type").click()
    page.locator("#facet-document_type-permanent-council-decisions").check()
    page.locator("summary", has_text="Language").click()
    german = page.locator("#facet-language-de")
    german.check()
    german.press("Enter")  # submits the filter form from the keyboard

    expect(page.get_by_role("status")).to_contain_text("documents")
    assert "document_type=permanent-council-decisions" in page.url and "language=de" in page.url
    titles = page.locator(".document-card h3").all_inner_texts()
    assert titles and all(title.startswith("Decision No.") for title in titles)

    page.get_by_role("link", name="German (remove filter)").click()
    assert "language=de" not in page.url and "document_type=" in page.url

    page.get_by_role("link", name="Decision No. 1402", exact=False).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Decision No. 1402")
    cover = page.locator(".document__cover img")
    expect(cover).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", cover.element_handle()) > 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Download in German").click()
    assert download.value.suggested_filename == "pc-dec-1402-de.pdf"
