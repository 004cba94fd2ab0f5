"""Query budgets that do not grow with data, and non-public releases absent from every output."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editorial.models import ChangeNote
from press.models import PressContact, Status

PUBLIC_URLS = [
    reverse("press:release-list"),
    reverse("press:release-list") + "?source=secretariat&country=participating-states&q=release",
    reverse("press:release-feed"),
    reverse("press:release-atom-feed"),
    "/sitemap.xml",
    "/sitemap-press-releases.xml",
]


def _queries(client, url):
    """The queries of a request that computes everything, memoized facet counts included (the
    content generation does not advance inside a test's transaction, so the cache is emptied).
    """
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_cost_does_not_grow_with_releases(client, make_release, taxonomy, url):
    def add(count):
        for _ in range(count):
            release = make_release(
                fields=[taxonomy.policing, taxonomy.community],
                countries=[taxonomy.belarus, taxonomy.ukraine],
                place=taxonomy.minsk,
            )
            PressContact.objects.create(release=release, name="Contact")

    add(5)
    small = _queries(client, url)
    add(55)
    assert _queries(client, url) == small
    # Every cache empty: the content generation, both menus and the facet memo are included.
    assert small <= 16


def test_release_page_cost_does_not_grow(client, make_release, taxonomy):
    def page_cost(release):
        return _queries(client, release.get_absolute_url())

    few = make_release(fields=[taxonomy.policing], countries=[taxonomy.belarus])
    PressContact.objects.create(release=few, name="Contact")
    small = page_cost(few)
    many = make_release(
        fields=[taxonomy.policing, taxonomy.community, taxonomy.borders],
        countries=[taxonomy.belarus, taxonomy.ukraine, taxonomy.japan, taxonomy.austria],
        place=taxonomy.minsk,
    )
    for _ in range(10):
        PressContact.objects.create(release=many, name="Contact")
        make_release(fields=[taxonomy.policing])
    many.related.set([make_release() for _ in range(3)])
    assert page_cost(many) == small
    assert small <= 15


def test_a_release_page_reads_contacts_notes_and_documents_only_when_it_has_some(
    client, make_release, taxonomy
):
    from ..documents import world

    def page_cost(release):
        return _queries(client, release.get_absolute_url())

    bare = make_release()
    full = make_release(title="With everything")
    PressContact.objects.create(release=full, name="Ana Contact")
    ChangeNote.objects.create(item=full, note="The date is corrected.")
    report = world.document(
        taxonomy.secretariat, status=Status.PUBLISHED, title="Annual report",
        files=[("en", world.pdf())],
    )  # fmt: skip
    full.document_links.create(document=report)
    draft_only = make_release()
    draft = world.document(taxonomy.secretariat, title="Draft annex", files=[("en", world.pdf())])
    draft_only.document_links.create(document=draft)

    # The release with its source, place, co-issuers and flags; its fields of work; its
    # countries; the content generation, the related releases (two queries) and both menus
    # (every cache is empty). No other version: none is read.
    assert page_cost(bare) == 8
    # Its contacts, its notes, its document links and their files.
    assert page_cost(full) == 8 + 4
    page = client.get(full.get_absolute_url()).content.decode()
    assert "Ana Contact" in page and "The date is corrected." in page and "Annual report" in page
    # A draft's link is read, and not shown.
    assert page_cost(draft_only) == 8 + 1
    assert "Draft annex" not in client.get(draft_only.get_absolute_url()).content.decode()


NOT_PUBLIC = [
    (Status.DRAFT, -1),
    (Status.SUBMITTED, -1),
    (Status.SCHEDULED, 2),
    (Status.PUBLISHED, 2),
    (Status.UNPUBLISHED, -1),
]


@pytest.mark.parametrize("status, days_ahead", NOT_PUBLIC)
def test_non_public_release_is_absent_from_every_public_output(
    client, make_release, taxonomy, status, days_ahead
):
    public = make_release(title="Visible release", fields=[taxonomy.borders])
    hidden = make_release(
        title="Secretwordzz hidden",
        lead="secretwordzz",
        fields=[taxonomy.policing],
        countries=[taxonomy.japan],
        place=taxonomy.vienna,
        source=taxonomy.kosovo,
        status=status,
    )
    hidden.published_at = timezone.now() + timedelta(days=days_ahead)
    hidden.save()
    public.related.set([hidden])
    outputs = {
        "list": client.get(reverse("press:release-list")),
        "search": client.get(reverse("press:release-list") + "?q=secretwordzz"),
        "filtered": client.get(reverse("press:release-list") + "?country=japan"),
        "feed": client.get(reverse("press:release-feed")),
        "sitemap": client.get("/sitemap-press-releases.xml"),
        "related": client.get(public.get_absolute_url()),
    }
    for name, response in outputs.items():
        body = response.content.decode()
        assert "Secretwordzz" not in body and hidden.slug not in body, name
    facets = {f["name"]: f for f in outputs["list"].context["facets"]}
    assert not [i for i in facets["country"]["items"] if i["node"].slug == "japan"]
    assert not [i for i in facets["place"]["items"] if i["node"].slug == "vienna"]
    assert not [i for i in facets["source"]["items"] if i["node"].slug == "field-operations"]
    assert outputs["search"].context["paginator"].count == 0
    assert client.get(hidden.get_absolute_url()).status_code in {404, 410}
