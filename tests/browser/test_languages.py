"""A visitor switches languages on a release with linked translations, and on one without; one
page per language passes axe."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from press.models import PressRelease, Status

from .helpers import axe_violations, describe_violations


def translated_release():
    english = PressRelease.objects.listed().filter(language="en", translation_of=None).first()
    french = PressRelease.objects.create(
        title="La formation s’achève à Vienne",
        slug="la-formation-sacheve-a-vienne",
        lead="Les agents ont terminé la formation.",
        body="<p>Les agents ont terminé la formation.</p>",
        source=english.source,
        language="fr",
        translation_key=english.translation_key,
        translation_of=english,
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    french.fields_of_work.set(english.fields_of_work.all())
    return english, french


def switcher(page, name="Language"):
    return page.get_by_role("navigation", name=name)


def test_the_switcher_leads_to_the_translation_or_says_there_is_none(page):
    english, french = translated_release()
    page.goto(english.get_absolute_url())
    expect(page.locator(".item-languages")).to_contain_text("Français")

    switcher(page).get_by_role("link", name="Français").click()
    page.wait_for_url(f"**/fr/press-releases/{french.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(french.title)
    available = page.locator(".item-languages")
    expect(available.get_by_role("link", name="English")).to_have_attribute(
        "href", english.get_absolute_url()
    )

    # No German version: the German newsroom says so and names the versions there are.
    switcher(page, "Langue").get_by_role("link", name="Deutsch").click()
    page.wait_for_url("**/de/press-releases/?untranslated=*")
    notice = page.get_by_role("status").filter(has_text="Diese Pressemitteilung")
    expect(notice).to_contain_text("gibt es nicht in dieser Sprache")
    # English and French, and Russian: the demo's seed release also has a Russian version.
    expect(notice.get_by_role("link")).to_have_count(3)
    expect(notice.get_by_role("link", name="Русский")).to_be_visible()
    notice.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{english.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_one_page_per_language_has_no_wcag_violations(page):
    english, french = translated_release()
    pages = [
        english.get_absolute_url(),
        f"/fr/press-releases/{french.slug}/",
        f"/de/press-releases/?untranslated={french.slug}",
        "/it/press-releases/",
        "/ru/press-releases/?language=all",
        "/es/fields-of-work/",
    ]
    report = []
    for path in pages:
        assert page.goto(path).status == 200, path
        violations = axe_violations(page)
        if violations:
            report.append(f"{path}:\n{describe_violations(violations)}")
    assert not report, "\n".join(report)
