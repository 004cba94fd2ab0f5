"""Every indexable page tells search engines and link previews what it is (issue 17)."""

import html
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from press.demo import SEED_LEAD, SEED_SLUG

# (address, expected og:type, a phrase of the expected description)
PAGES = [
    ("/", "website", "largest regional security organization"),
    ("/press-releases/", "website", "press releases"),
    (f"/press-releases/{SEED_SLUG}/", "article", SEED_LEAD[:60]),
    ("/fields-of-work/", "website", "areas in which"),
    ("/fields-of-work/policing/", "website", "community policing"),
    ("/countries/", "website", "participating States"),
    ("/countries/ukraine/", "website", "Ukraine"),
    ("/structures/", "website", "Secretariat"),
    ("/structures/secretariat/", "website", "headed by the Secretary General"),
    ("/meetings/", "website", "implementation meetings"),
    ("/meetings/summit-meetings/", "website", "Heads of State or Government"),
    ("/places/vienna/", "website", "Vienna"),
    ("/pages/about-us/", "website", "largest regional security organization"),
    ("/de/press-releases/", "website", "Pressemitteilungen"),
]


def meta(page, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    assert len(found) == 1, (name, found)
    return html.unescape(found[0])


@pytest.mark.parametrize("path, kind, phrase", PAGES)
def test_every_indexable_page_has_description_canonical_and_social_tags(
    client, demo, path, kind, phrase
):
    page = client.get(path).content.decode()
    description = meta(page, "name", "description")
    assert phrase.lower() in description.lower()
    assert len(description) <= 300
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', page)
    assert canonical == [f"http://testserver{path}"]
    assert meta(page, "property", "og:url") == canonical[0]
    assert meta(page, "property", "og:type") == kind
    assert meta(page, "property", "og:description") == description
    assert meta(page, "name", "twitter:description") == description
    title = meta(page, "property", "og:title")
    assert title and meta(page, "name", "twitter:title") == title
    assert meta(page, "name", "twitter:card") in {"summary", "summary_large_image"}


def test_the_canonical_address_of_a_filtered_newsroom_drops_the_filters(client, demo):
    page = client.get("/press-releases/?q=police&page=1").content.decode()
    assert '<link rel="canonical" href="http://testserver/press-releases/">' in page


def test_the_site_and_the_admin_have_a_favicon_that_exists(client, admin_client, db):
    icon = '<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">'
    assert icon in client.get("/").content.decode()
    assert icon in admin_client.get("/admin/").content.decode()
    assert Path(finders.find("img/logo.svg")).read_text().startswith("<svg")
