"""The newsroom's facet counts are memoized per content generation, and never stale: each
change to public content, and a scheduled release falling due, shows in the next request."""

import re
from datetime import timedelta
from functools import partial

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from press import workflow
from press.models import Status
from taxonomy import trees

NEWSROOM = "/press-releases/"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes behave as if committed: on-commit callbacks (the generation's advance) run."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def publisher(db):
    return User.objects.create_superuser("publisher", "publisher@example.org", "x")


FACET_ITEM = re.compile(
    r'<li class="facet__item facet__item--level-\d+"><input type="checkbox" name="([^"]+)" '
    r'value="([^"]+)".*?<span class="facet__count">\((\d+)\)</span></label></li>'
)


def facet_counts(client, url=NEWSROOM):
    """The facets' counts (but the languages') as the page shows them (their HTML is memoized)."""
    response = client.get(url)
    assert response.status_code == 200
    shown = {
        (name, slug): int(count)
        for name, slug, count in FACET_ITEM.findall(response.content.decode())
    }
    assert shown == {
        (facet["name"], item["node"].slug): item["count"]
        for facet in response.context["facets"]
        for item in facet["items"]
        if not facet.get("languages")  # its items are written without a level
    }
    return shown


def open_facets(client, url):
    html = client.get(url).content.decode()
    return re.findall(
        r'<details class="facet" open>\s*<summary class="facet__summary">([^<]+)', html
    )


def test_a_facet_asked_for_by_name_is_open_even_when_its_value_is_unknown(
    client, make_release, taxonomy
):
    make_release(countries=[taxonomy.belarus])
    assert open_facets(client, NEWSROOM) == []
    # The same filter state (an unknown slug is ignored), the same counts: another HTML.
    assert open_facets(client, NEWSROOM + "?country=atlantis") == ["Country"]
    assert open_facets(client, NEWSROOM + "?country=belarus") == ["Country"]
    assert open_facets(client, NEWSROOM) == []


def test_facet_counts_are_computed_once_per_generation(client, make_release, taxonomy):
    make_release(fields=[taxonomy.community], countries=[taxonomy.belarus, taxonomy.ukraine])
    client.get(NEWSROOM)
    with CaptureQueriesContext(connection) as first:
        client.get(NEWSROOM + "?source=secretariat")
    with CaptureQueriesContext(connection) as again:
        counts = facet_counts(client, NEWSROOM + "?source=secretariat")
    assert len(again) < len(first)
    # A release tagged with two members of a group counts once for the group.
    assert counts[("country", "participating-states")] == 1
    assert counts[("field_of_work", "policing")] == 1


def test_publishing_shows_in_the_next_requests_facet_counts(
    client, make_release, taxonomy, publisher, committed
):
    with committed():
        make_release(fields=[taxonomy.borders], countries=[taxonomy.japan])
        draft = make_release(
            fields=[taxonomy.community], countries=[taxonomy.austria], status=Status.DRAFT
        )
    before = facet_counts(client)
    assert ("field_of_work", "community-policing") not in before
    assert ("country", "participating-states") not in before

    with committed():
        workflow.publish(draft, publisher)
    after = facet_counts(client)
    assert after[("field_of_work", "community-policing")] == 1
    assert after[("field_of_work", "policing")] == 1
    assert after[("country", "participating-states")] == 1

    with committed():
        workflow.unpublish(draft, publisher)
    assert facet_counts(client) == before


def test_a_scheduled_release_falling_due_shows_in_the_facet_counts(
    client, make_release, taxonomy, committed
):
    due = timezone.now() + timedelta(hours=2)
    with committed():
        make_release(fields=[taxonomy.borders])
        make_release(fields=[taxonomy.community], status=Status.SCHEDULED, published_at=due)
    with time_machine.travel(due - timedelta(seconds=1), tick=False):
        assert ("field_of_work", "community-policing") not in facet_counts(client)
    with time_machine.travel(due, tick=False):
        assert facet_counts(client)[("field_of_work", "community-policing")] == 1


def test_pages_and_count_follow_a_publication_on_the_next_request(
    client, make_release, taxonomy, publisher, committed
):
    with committed():
        older = [make_release(days_ago=days) for days in range(1, 23)]
        draft = make_release(
            status=Status.DRAFT, published_at=timezone.now() - timedelta(minutes=1)
        )

    def page(number):
        response = client.get(NEWSROOM, {"page": number})
        assert response.status_code == 200
        return [release.pk for release in response.context["releases"]], response.context[
            "paginator"
        ].count

    assert page(1) == ([release.pk for release in older[:20]], 22)
    assert page(2) == ([release.pk for release in older[20:]], 22)
    assert client.get(NEWSROOM, {"page": 3}).status_code == 404

    with committed():
        workflow.publish(draft, publisher)
    assert page(1) == ([draft.pk] + [release.pk for release in older[:19]], 23)
    assert page(2) == ([release.pk for release in older[19:]], 23)


def related_titles(client, release):
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    return [item.title for item in response.context["related_releases"]]


def ranking_queries(queries):
    """The queries that rank releases by the fields of work they share."""
    return [q["sql"] for q in queries.captured_queries if 'AS "shared"' in q["sql"]]


def test_related_releases_are_ranked_once_per_generation(client, make_release, taxonomy):
    release = make_release(fields=[taxonomy.policing])
    make_release(fields=[taxonomy.policing], title="Shares policing")
    with CaptureQueriesContext(connection) as first:
        assert related_titles(client, release) == ["Shares policing"]
    with CaptureQueriesContext(connection) as again:
        assert related_titles(client, release) == ["Shares policing"]
    assert len(ranking_queries(first)) == 1
    assert ranking_queries(again) == []


def test_publishing_and_unpublishing_show_in_the_next_requests_related_releases(
    client, make_release, taxonomy, publisher, committed
):
    with committed():
        release = make_release(fields=[taxonomy.policing])
        draft = make_release(fields=[taxonomy.policing], title="Draft", status=Status.DRAFT)
    assert related_titles(client, release) == []
    with committed():
        workflow.publish(draft, publisher)
    assert related_titles(client, release) == ["Draft"]
    with committed():
        workflow.unpublish(draft, publisher)
    assert related_titles(client, release) == []


def test_a_tree_filter_follows_a_moved_node_on_the_next_request(
    client, make_release, taxonomy, committed
):
    def titles(url):
        return [card.title for card in client.get(url).context["releases"]]

    with committed():
        make_release(title="Community work", fields=[taxonomy.community])
    url = NEWSROOM + "?field_of_work=border-management"
    assert titles(url) == []  # the filter's node (with its tree position) is kept now
    with committed():
        trees.move_node(taxonomy.community, taxonomy.borders)
    assert titles(url) == ["Community work"]
