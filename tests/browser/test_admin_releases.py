"""Press officers write releases in the admin; nothing is public before an editor approves it,
and a bad image upload is refused without losing what was typed."""

import re

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from press.models import PressRelease, Status
from taxonomy.models import Structure

from .helpers import log_in

TITLE = "OSCE trains border police in Minsk on document security"
LEAD = "Border police officers practised spotting forged travel documents."
LINK = "https://www.osce.org/secretariat"
QUOTE = "Secure borders are open borders for honest travellers."
SOURCE = "Transnational Threats Department"


@pytest.fixture
def staff(make_user):
    """A press officer and an editor, both working for the Secretariat and its units."""
    secretariat = Structure.objects.get(slug="secretariat")
    officer = make_user("press-officer", groups=["Press officer"], scopes=[secretariat])
    editor = make_user("editor", groups=["Editor"], scopes=[secretariat])
    return officer, editor


@pytest.fixture
def photo(tmp_path):
    """A real JPEG photo-like image, wider than the largest rendition."""
    image = Image.new("RGB", (1600, 900), (24, 80, 140))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 80):
        draw.rectangle([x, 300, x + 40, 600], fill=(230, 180, 40))
    path = tmp_path / "border-training.jpg"
    image.save(path, "JPEG", quality=85)
    return path


def choose(page, field, option):
    """Pick ``option`` in the admin's autocomplete (select2) widget of ``field``."""
    page.locator(f".field-{field} .select2-selection").click()
    page.keyboard.type(option[:6])
    page.locator(".select2-results__option", has_text=re.compile(rf"^\W*{option}$")).click()


def fill_release(page, photo_path):
    page.locator("#id_title").press_sequentially(TITLE)  # typed: the slug follows keystrokes
    expect(page.locator("#id_slug")).to_have_value(re.compile(r"^osce-trains-border-police"))
    page.locator("#id_lead").fill(LEAD)
    choose(page, "place", "Minsk")
    choose(page, "source", SOURCE)
    choose(page, "fields_of_work", "Policing")
    choose(page, "fields_of_work", "Border management")
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.type(f"The full programme is on {LINK} for everyone to read. ")
    page.keyboard.press("Enter")
    page.keyboard.type(f"> {QUOTE}")
    expect(editor.get_by_role("link", name=LINK)).to_have_attribute("href", LINK)
    expect(editor.locator("blockquote")).to_have_text(QUOTE)
    page.locator("#id_lead_image").set_input_files(photo_path)
    page.locator("#id_lead_image_alt").fill("Officers examine passports under ultraviolet light")


def save(page):
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()


def run_transition(page, release, button):
    page.goto(f"/admin/press/pressrelease/{release.pk}/change/")
    page.get_by_role("link", name=re.compile(r"^Workflow")).click()
    page.get_by_role("button", name=button).click()
    expect(page.locator(".messagelist")).to_contain_text(f"Done: {button}")


def test_press_officer_drafts_a_release_that_goes_public_after_an_editor_approves_it(
    new_page, staff, photo, screenshot
):
    officer, editor = staff
    page = new_page()
    log_in(page, officer)
    page.goto("/admin/press/pressrelease/add/")
    fill_release(page, photo)
    screenshot(page, "form-filled")
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    release = PressRelease.objects.get(title=TITLE)
    assert release.status == Status.DRAFT
    assert release.place.slug == "minsk"
    assert release.source.name == SOURCE
    assert set(release.fields_of_work.values_list("slug", flat=True)) == {
        "policing",
        "border-management",
    }
    assert f'<a href="{LINK}"' in release.body
    assert f"<blockquote><p>{QUOTE}</p></blockquote>" in release.body
    assert release.lead_image and release.lead_image_renditions

    visitor = new_page()
    assert visitor.goto(release.get_absolute_url()).status == 404
    visitor.goto("/press-releases/")
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)

    run_transition(page, release, "Submit for review")
    assert visitor.goto(release.get_absolute_url()).status == 404

    editor_page = new_page()
    log_in(editor_page, editor)
    run_transition(editor_page, release, "Approve and publish")
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED

    visitor.goto("/press-releases/")
    visitor.reload()  # the newsroom seen a minute ago may come from the browser's HTTP cache
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_role("main").get_by_role("blockquote")).to_contain_text(QUOTE)
    expect(visitor.get_by_role("main").get_by_role("link", name=LINK)).to_have_attribute(
        "href", LINK
    )
    image = visitor.get_by_role("img", name="Officers examine passports under ultraviolet light")
    expect(image).to_be_visible()
    image.scroll_into_view_if_needed()
    visitor.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert image.get_attribute("width") and image.get_attribute("height")
    srcsets = image.evaluate(
        "img => [img.srcset, ...[...img.closest('picture')?.querySelectorAll('source') ?? []]"
        ".map((source) => source.srcset)].filter(Boolean)"
    )
    assert srcsets, "The lead image has no srcset"
    urls = {entry.strip().split()[0] for srcset in srcsets for entry in srcset.split(",")}
    assert len(urls) >= 2, f"Expected several renditions, got {urls}"
    shown = image.evaluate("img => img.currentSrc")
    assert shown.split("/")[-1] != release.lead_image.name.split("/")[-1], "Original served"
    for url in urls:
        response = visitor.request.get(url)
        assert response.status == 200, f"{url} answered {response.status}"
        assert response.headers["content-type"].startswith("image/")
    screenshot(visitor, "published-release")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("corrupt.jpg", "truncated_jpeg", r"damaged|incomplete|corrupt|valid image"),
        ("logo.svg", "svg", r"SVG|JPEG, PNG|valid image"),
    ],
)
def test_bad_image_upload_shows_an_error_by_the_field_and_keeps_the_typed_input(
    new_page, staff, photo, tmp_path, screenshot, name, content, message
):
    officer, _editor = staff
    bad = tmp_path / name
    if content == "svg":
        bad.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<script>alert(1)</script><rect width="10" height="10"/></svg>'
        )
    else:
        bad.write_bytes(photo.read_bytes()[:4000])
    page = new_page()
    log_in(page, officer)
    page.goto("/admin/press/pressrelease/add/")
    fill_release(page, bad)
    save(page)

    expect(page.locator(".errornote")).to_be_visible()
    field_errors = page.locator(".field-lead_image .errorlist")
    expect(field_errors).to_have_text(re.compile(message, re.I))
    screenshot(page, "refused")
    assert not PressRelease.objects.filter(title=TITLE).exists()

    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_lead")).to_have_value(LEAD)
    expect(page.locator("#id_lead_image_alt")).to_have_value(
        "Officers examine passports under ultraviolet light"
    )
    expect(page.locator(".field-place .select2-selection")).to_contain_text("Minsk")
    expect(page.locator(".field-source .select2-selection")).to_contain_text(SOURCE)
    chosen = page.locator(".field-fields_of_work .select2-selection__choice")
    expect(chosen).to_have_count(2)
    editor = page.locator(".field-body [contenteditable=true]")
    expect(editor.get_by_role("link", name=LINK)).to_have_attribute("href", LINK)
    expect(editor.locator("blockquote")).to_have_text(QUOTE)
