"""Every page costs a fixed, small number of queries, however much content and tree there is.

Each page is measured on a small site (5 releases, trees one level deep), then again after the site
has grown (60 releases, a deep and a wide tree, more tags per release): the count must be the
same, and within the budget.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from osce_cms.caching import current_generation
from press.models import PressRelease, Status
from taxonomy import trees
from taxonomy.models import (
    Country,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuItem,
    Page,
    Place,
    Structure,
)

# Counted with every cache empty: the generation read and both menus (which cost no query when
# their rendered HTML is cached) are included.
PUBLIC_BUDGET = 16
ADMIN_BUDGET = 12


def _node(model, name, parent=None, **fields):
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return trees.create_node(model, parent=parent, name=name, slug=slug, **fields)


class Site:
    """A site that can grow: more releases, a deeper and a wider tree."""

    def __init__(self):
        self.country = _node(Country, "Participating States")
        self.member = _node(Country, "Austria", parent=self.country, iso_code="AT")
        self.place = _node(Place, "Vienna", country=self.member)
        self.secretariat = _node(Structure, "Secretariat")
        self.unit = _node(Structure, "Transnational Threats Department", parent=self.secretariat)
        self.field = _node(FieldOfWork, "Policing")
        self.meeting = _node(MeetingType, "Summits")
        self.page = Page.objects.create(
            title="About us", slug="about-us", body="<p>About.</p>", status=Status.PUBLISHED
        )
        menu = Menu.objects.create(name="Main", slug="main")
        heading = trees.create_node(MenuItem, menu=menu, label="Our work", is_heading=True)
        trees.create_node(
            MenuItem, menu=menu, parent=heading, label="Policing", field_of_work=self.field
        )
        self.leaves = [self.field, _node(FieldOfWork, "Community policing", parent=self.field)]
        self.count = 0
        self.add_releases(5)

    def grow(self):
        parent = self.field
        for depth in range(6):  # deep
            parent = _node(FieldOfWork, f"Policing level {depth}", parent=parent)
            self.leaves.append(parent)
        for n in range(25):  # wide
            self.leaves.append(_node(FieldOfWork, f"Topic {n}", parent=self.field))
            _node(Structure, f"Field office {n}", parent=self.secretariat)
            _node(Country, f"Country {n}", parent=self.country)
        self.add_releases(55)

    def add_releases(self, count):
        now = timezone.now()
        for _ in range(count):
            self.count += 1
            release = PressRelease.objects.create(
                title=f"OSCE supports police reform, release {self.count}",
                slug=f"release-{self.count}",
                source=self.unit,
                place=self.place,
                lead="Participants exchanged good practices on police reform.",
                body="<p>Police reform and community policing.</p>",
                status=Status.PUBLISHED,
                published_at=now - timedelta(hours=self.count),
            )
            release.fields_of_work.set(self.leaves[-3:])
            release.countries.set([self.member])
        self.release = PressRelease.objects.order_by("-published_at").first()


@pytest.fixture
def site(db):
    return Site()


def public_paths(site, client):
    paths = [
        "/",
        "/press-releases/",
        "/press-releases/?page=2" if site.count > 20 else "/press-releases/?page=1",
        f"/press-releases/?field_of_work={site.field.slug}",
        f"/press-releases/?source={site.secretariat.slug}&country={site.country.slug}",
        "/press-releases/?q=police",
        "/press-releases/?kind=news-item&kind=press-release",
        site.release.get_absolute_url(),
        "/press-releases/feed/",
        f"/press-releases/feed/?field_of_work={site.field.slug}",
        "/press-releases/feed/?kind=media-advisory",
        "/fields-of-work/",
        site.field.get_absolute_url(),
        "/countries/",
        site.country.get_absolute_url(),
        "/structures/",
        site.secretariat.get_absolute_url(),
        site.unit.get_absolute_url(),
        "/meetings/",
        site.meeting.get_absolute_url(),
        site.place.get_absolute_url(),
        site.page.get_absolute_url(),
        "/sitemap.xml",
    ]
    index = client.get("/sitemap.xml").text
    if "<sitemapindex" in index:
        paths += [
            re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)
        ]
    return paths


# The first page of the newsroom is 20 releases: page 2 only exists on the grown site, so the
# small site's page 1 stands in for it (the same view and queries).

ADMIN_PATHS = [
    "/admin/press/pressrelease/",
    "/admin/taxonomy/fieldofwork/",
    "/admin/taxonomy/country/",
    "/admin/taxonomy/structure/",
    "/admin/taxonomy/place/",
    "/admin/taxonomy/meetingtype/",
    "/admin/taxonomy/menuitem/",
]


def query_counts(client, paths):
    counts = {}
    current_generation()  # the row exists on a live site after its first request
    for path in paths:
        # Memoized values (facet counts) are computed again: the content generation does not
        # advance inside a test's transaction.
        cache.clear()
        # And so are the content types the process keeps (else whichever page asks first pays).
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path.replace("?page=2", "?page=1")] = len(queries)
    return counts


def test_public_pages_cost_the_same_queries_at_any_size(site, client):
    small = query_counts(client, public_paths(site, client))
    site.grow()
    large = query_counts(client, public_paths(site, client))

    assert large == small
    assert max(large.values()) <= PUBLIC_BUDGET, large


def test_admin_changelists_cost_the_same_queries_at_any_size(site, client):
    client.force_login(User.objects.create_superuser("admin", "", "secret-pass-123"))
    small = query_counts(client, ADMIN_PATHS)
    site.grow()
    large = query_counts(client, ADMIN_PATHS)

    assert large == small
    assert max(large.values()) <= ADMIN_BUDGET, large


@pytest.mark.parametrize("path", ["/", "/press-releases/", "/fields-of-work/"])
def test_a_cached_page_costs_one_query(site, client, settings, path, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = True
    client.get(path)
    with django_assert_max_num_queries(1):
        assert client.get(path).status_code == 200


def test_public_pages_cost_the_same_queries_in_every_language(site, client, settings):
    site.field.name_fr, site.field.name_ru = "Activités de police", "Полицейская деятельность"
    site.field.save()
    paths = [path for path in public_paths(site, client) if not path.startswith("/sitemap")]
    english = query_counts(client, paths)
    for code, _name in settings.LANGUAGES[1:]:
        # The newsroom in a language lists that language's releases: give it the same ones.
        PressRelease.objects.update(language=code)
        translated = query_counts(client, [f"/{code}{path}" for path in paths])
        assert list(translated.values()) == list(english.values()), code
