"""The press releases' change list at archive size: its date hierarchy and its query budget."""

import re
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from . import workflow_world as world

CHANGELIST_URL = reverse("admin:press_pressrelease_changelist")
YEAR_LINK = re.compile(r'href="\?published_at__year=(\d{4})"')


def on(year, month=6):
    return timezone.make_aware(datetime(year, month, 15, 12, 0))


@pytest.fixture
def chief(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))
    return client


def years_offered(client, url=CHANGELIST_URL):
    response = client.get(url)
    assert response.status_code == 200
    return [int(year) for year in YEAR_LINK.findall(response.content.decode())]


def test_date_hierarchy_offers_only_years_that_have_releases(chief, make_release):
    for year in (2019, 2021, 2021, 2023):
        make_release(published_at=on(year))

    assert years_offered(chief) == [2019, 2021, 2023]


def test_date_hierarchy_of_a_scoped_editor_shows_only_their_years(client, make_release, taxonomy):
    make_release(published_at=on(2018), source=taxonomy.ttd)
    make_release(published_at=on(2020), source=taxonomy.kosovo)
    make_release(published_at=on(2022), source=taxonomy.ttd)
    client.force_login(world.user("editor", taxonomy.ttd))

    assert years_offered(client) == [2018, 2022]


def test_choosing_a_year_drills_down_to_its_months(chief, make_release):
    make_release(published_at=on(2019, 3), title="March")
    make_release(published_at=on(2019, 11), title="November")
    make_release(published_at=on(2021))

    response = chief.get(CHANGELIST_URL, {"published_at__year": "2019"})
    page = response.content.decode()
    assert "published_at__month=3" in page and "published_at__month=11" in page
    assert "March" in page and "November" in page
    assert "Release number 3" not in page


def test_changelist_over_many_years_costs_the_same_queries_at_any_size(chief, make_release):
    def count():
        cache.clear()  # count and years computed afresh, as after a content change
        with CaptureQueriesContext(connection) as queries:
            assert chief.get(CHANGELIST_URL).status_code == 200
        return len(queries)

    for year in range(2010, 2015):
        make_release(published_at=on(year))
    count()  # the first request of a new database creates the generation's row
    small = count()
    for number in range(55):
        make_release(published_at=on(2002 + number % 24, 1 + number % 12))

    assert count() == small
    # session, user, two filter choice lists, generation, count, page, date span, years
    # (no full count)
    assert small <= 9
    assert len(years_offered(chief)) == 24


def derived_queries(client, url=CHANGELIST_URL):
    """The change list's count and year probes: derived data, kept per content generation."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] or "EXISTS(" in q["sql"]
    ]


def test_count_and_years_are_computed_once_per_generation(chief, make_release):
    for year in (2019, 2021):
        make_release(published_at=on(year))
    assert derived_queries(chief)
    assert derived_queries(chief) == []
    assert years_offered(chief) == [2019, 2021]


def test_a_new_release_shows_in_the_next_count_and_years(
    chief, make_release, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_release(published_at=on(2019))
    assert years_offered(chief) == [2019]
    with django_capture_on_commit_callbacks(execute=True):
        make_release(published_at=on(2024))
    response = chief.get(CHANGELIST_URL)
    assert response.context["cl"].result_count == 2
    assert years_offered(chief) == [2019, 2024]


def test_a_scope_change_shows_at_once_in_count_and_years(client, make_release, taxonomy):
    make_release(published_at=on(2018), source=taxonomy.ttd)
    make_release(published_at=on(2020), source=taxonomy.kosovo)
    editor = world.user("editor", taxonomy.ttd)
    client.force_login(editor)
    assert years_offered(client) == [2018]
    editor.editorial_scopes.create(structure=taxonomy.kosovo)
    assert client.get(CHANGELIST_URL).context["cl"].result_count == 2
    assert years_offered(client) == [2018, 2020]
