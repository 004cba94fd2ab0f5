"""The release page, its special states, and the feed and sitemap."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.models import ChangeNote, SlugRedirect
from press.models import PressContact, PressRelease, Status

VIENNA = ZoneInfo("Europe/Vienna")


@pytest.fixture
def seed_like(make_release, taxonomy):
    release = make_release(
        title="Co-operation against New Psychoactive Substances",
        published_at=datetime(2016, 2, 17, 15, 30, tzinfo=VIENNA),
        place=taxonomy.minsk,
        fields=[taxonomy.policing],
        countries=[taxonomy.belarus, taxonomy.ukraine],
        lead="Experts met in Minsk.",
        body="<p>First paragraph.</p><blockquote><p>“A quote.”</p></blockquote>",
    )
    PressContact.objects.create(release=release, name="Jane Press", email="press@example.org")
    return release


def test_release_page_shows_everything_a_reader_needs(client, seed_like):
    response = client.get(seed_like.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Co-operation against New Psychoactive Substances" in html
    assert "17 February 2016" in html
    assert "MINSK" in html
    assert '<a href="/structures/secretariat/">OSCE Secretariat</a>' in html
    assert 'href="/fields-of-work/policing/"' in html
    assert 'href="/countries/belarus/"' in html
    assert "<blockquote><p>“A quote.”</p></blockquote>" in html
    assert "Jane Press" in html
    assert '<p class="release__lead">Experts met in Minsk.</p>' in html
    assert f'<link rel="canonical" href="http://testserver{seed_like.get_absolute_url()}">' in html
    assert (
        '<meta property="og:title" content="Co-operation against New Psychoactive Substances">'
        in html
    )
    assert '<meta name="twitter:card"' in html
    assert 'type="application/rss+xml"' in html


@pytest.mark.parametrize(
    "status, delta",
    [
        (Status.DRAFT, -1),
        (Status.SUBMITTED, -1),
        (Status.SCHEDULED, +1),
        (Status.PUBLISHED, +1),
    ],
)
def test_release_not_public_now_is_404(client, make_release, status, delta):
    release = make_release(status=status)
    release.published_at = timezone.now() + timedelta(days=delta)
    release.save()
    assert client.get(release.get_absolute_url()).status_code == 404


def test_deleted_release_is_404(client, make_release):
    release = make_release()
    PressRelease.objects.filter(pk=release.pk).update(deleted_at=timezone.now())
    assert client.get(release.get_absolute_url()).status_code == 404


def test_withdrawn_release_shows_a_notice_with_its_date(client, make_release):
    release = make_release(status=Status.WITHDRAWN)
    PressRelease.objects.filter(pk=release.pk).update(
        withdrawn_at=datetime(2020, 5, 4, 12, tzinfo=VIENNA), withdrawal_note="Issued in error."
    )
    html = client.get(release.get_absolute_url()).content.decode()
    assert "This press release was withdrawn on 4 May 2020." in html
    assert "Issued in error." in html
    assert release.title not in client.get(reverse("press:release-list")).content.decode()


def test_unpublished_release_is_gone(client, make_release):
    release = make_release(status=Status.UNPUBLISHED, first_published_at=timezone.now())
    assert client.get(release.get_absolute_url()).status_code == 410


def test_unpublished_release_redirects_to_its_alternative(client, make_release):
    release = make_release(status=Status.UNPUBLISHED, first_published_at=timezone.now())
    PressRelease.objects.filter(pk=release.pk).update(alternative_url="/press-releases/")
    response = client.get(release.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == "/press-releases/"


def test_unsafe_alternative_is_not_followed(client, make_release):
    release = make_release(status=Status.UNPUBLISHED, first_published_at=timezone.now())
    PressRelease.objects.filter(pk=release.pk).update(alternative_url="javascript:alert(1)")
    assert client.get(release.get_absolute_url()).status_code == 410


def test_old_slug_redirects_permanently_only_to_a_public_release(client, make_release):
    release = make_release(title="New name")
    SlugRedirect.objects.create(old_slug="old-name", item=release)
    response = client.get("/press-releases/old-name/")
    assert response.status_code == 301 and response["Location"] == release.get_absolute_url()
    draft = make_release(status=Status.DRAFT)
    SlugRedirect.objects.create(old_slug="old-draft", item=draft)
    assert client.get("/press-releases/old-draft/").status_code == 404


def test_change_notes_are_listed(client, make_release):
    release = make_release()
    ChangeNote.objects.create(item=release, note="Corrected the number of participants.")
    html = client.get(release.get_absolute_url()).content.decode()
    assert "Corrected the number of participants." in html and "Updated " in html


def test_related_releases_explicit_first_then_shared_fields_only_listed(
    client, make_release, taxonomy
):
    release = make_release(fields=[taxonomy.policing])
    explicit = make_release(title="Explicit one", fields=[taxonomy.borders])
    shared = make_release(title="Shares policing", fields=[taxonomy.policing])
    hidden = make_release(title="Hidden draft", fields=[taxonomy.policing], status=Status.DRAFT)
    hidden_explicit = make_release(title="Hidden explicit", status=Status.SUBMITTED)
    make_release(title="Unrelated", fields=[taxonomy.borders])
    release.related.set([explicit, hidden_explicit])
    related = client.get(release.get_absolute_url()).context["related_releases"]
    assert [item.pk for item in related] == [explicit.pk, shared.pk]
    assert hidden.pk not in [item.pk for item in related]


def _parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_feed_is_valid_rss_of_listed_releases_honouring_filters(client, make_release, taxonomy):
    make_release(title="In Kosovo", source=taxonomy.kosovo)
    make_release(title="In the Secretariat", source=taxonomy.ttd)
    make_release(title="Draft", status=Status.DRAFT)
    make_release(title="Withdrawn", status=Status.WITHDRAWN)
    root = _parse(client.get(reverse("press:release-feed")))
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = [item.findtext("title") for item in root.iter("item")]
    assert items == ["In Kosovo", "In the Secretariat"]
    filtered = _parse(client.get(reverse("press:release-feed") + "?source=secretariat"))
    assert [item.findtext("title") for item in filtered.iter("item")] == ["In the Secretariat"]


def test_feed_item_date_follows_major_updates(client, make_release):
    release = make_release()
    PressRelease.objects.filter(pk=release.pk).update(
        major_updated_at=datetime(2030, 1, 2, 10, tzinfo=VIENNA)
    )
    root = _parse(client.get(reverse("press:release-feed")))
    assert "02 Jan 2030" in root.find("channel/item").findtext("pubDate")


def test_feed_body_is_sent_as_one_chunk(client, make_release):
    """The feed generator writes element by element; a body of thousands of small chunks made
    gunicorn send thousands of small writes (a cached feed hit took 10 ms instead of 2)."""
    for number in range(3):
        make_release(title=f"Release {number}")
    response = client.get(reverse("press:release-feed"))
    assert len(list(response)) == 1


def test_sitemap_lists_listed_releases_with_lastmod(client, make_release):
    listed = make_release(title="Listed")
    draft = make_release(title="Draft", status=Status.DRAFT)
    root = _parse(client.get("/sitemap-press-releases.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {url.findtext("s:loc", namespaces=ns): url for url in root.findall("s:url", ns)}
    assert f"http://testserver{listed.get_absolute_url()}" in urls
    assert urls[f"http://testserver{listed.get_absolute_url()}"].findtext(
        "s:lastmod", namespaces=ns
    )
    assert f"http://testserver{draft.get_absolute_url()}" not in urls


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def page_tags(client, path):
    """(href, lang, name) of each field-of-work and country link of the release page."""
    html = client.get(path).content.decode()
    facts = re.split(r"<dt>[^<]+</dt><dd><ul class=\"inline-list\">", html, maxsplit=2)[2]
    facts = facts.split("</dl>", 1)[0]  # after the place and the source: the tags
    return re.findall(r'<li><a href="([^"]+)"(?: lang="(\w+)")?>([^<]+)</a></li>', facts)


def test_the_release_page_tags_are_read_with_its_row_and_follow_a_renamed_term(
    client, make_release, taxonomy, django_capture_on_commit_callbacks
):
    taxonomy.ukraine.name_fr = "Ukraine (fr)"
    taxonomy.ukraine.save()
    release = make_release(
        fields=[taxonomy.community, taxonomy.borders],
        countries=[taxonomy.ukraine, taxonomy.belarus],
    )
    path = release.get_absolute_url()
    assert page_tags(client, path) == [  # in the trees' order, not the order of tagging
        ("/fields-of-work/community-policing/", "", "Community policing"),
        ("/fields-of-work/border-management/", "", "Border management"),
        ("/countries/belarus/", "", "Belarus"),
        ("/countries/ukraine/", "", "Ukraine"),
    ]
    french = page_tags(client, "/fr" + path)
    assert ("/fr/countries/belarus/", "en", "Belarus") in french
    assert ("/fr/countries/ukraine/", "", "Ukraine (fr)") in french
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy.belarus.name_en = "Republic of Belarus"
        taxonomy.belarus.save()
    assert ("/countries/belarus/", "", "Republic of Belarus") in page_tags(client, path)
