"""The press releases' change list at archive size: its date hierarchy and its query budget."""

import re
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
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
        with CaptureQueriesContext(connection) as queries:
            assert chief.get(CHANGELIST_URL).status_code == 200
        return len(queries)

    for year in range(2010, 2015):
        make_release(published_at=on(year))
    small = count()
    for number in range(55):
        make_release(published_at=on(2002 + number % 24, 1 + number % 12))

    assert count() == small
    # session, user, two filter choice lists, count, page, date span, years: no full count
    assert small <= 8
    assert len(years_offered(chief)) == 24
