"""The press releases' change list: rows, filters, date hierarchy and query budget at any size."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from . import workflow_world as world

CHANGELIST_URL = reverse("admin:press_pressrelease_changelist")
YEAR_LINK = re.compile(r'href="\?(?:[^"]*&amp;)?published_at__year=(\d+)(?:&amp;[^"]*)?"')
TITLE_CELL = re.compile(r'<th class="field-title"><a href="[^"]*">([^<]*)</a>')
# session, user, count, page, date range (Django's, then the year probe's), years, the source
# and field-of-work filter choices, and for an editor their scope
BUDGET = 12


def on(year, month=6):
    return timezone.make_aware(datetime(year, month, 15, 12, 0))


@pytest.fixture
def chief(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))
    return client


def titles(client, query=""):
    """The titles in the rendered table, in its order."""
    response = client.get(CHANGELIST_URL + query)
    assert response.status_code == 200
    return TITLE_CELL.findall(response.content.decode())


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


def test_years_are_those_of_the_site_time_zone_with_gaps_and_no_full_scan(chief, make_release):
    # 23:30 UTC on 31 December is already the new year in Vienna.
    make_release(published_at=datetime(2020, 12, 31, 23, 30, tzinfo=UTC))
    make_release(published_at=on(2017))
    make_release(published_at=on(2024, 1))
    make_release(title="Binned", published_at=on(2019), deleted_at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        offered = years_offered(chief)

    assert offered == [2017, 2021, 2024]
    scans = [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"].upper()]
    assert scans == []


def test_a_filtered_list_offers_the_years_of_its_rows(chief, make_release, taxonomy):
    make_release(published_at=on(2012), source=taxonomy.ttd)
    make_release(published_at=on(2014), source=taxonomy.kosovo)
    make_release(published_at=on(2016), source=taxonomy.ttd)

    assert years_offered(chief, CHANGELIST_URL + "?source=transnational-threats-department") == [
        2012,
        2016,
    ]


def test_choosing_a_year_drills_down_to_its_months(chief, make_release):
    make_release(published_at=on(2019, 3), title="March")
    make_release(published_at=on(2019, 11), title="November")
    make_release(published_at=on(2021))

    response = chief.get(CHANGELIST_URL, {"published_at__year": "2019"})
    page = response.content.decode()
    assert "published_at__month=3" in page and "published_at__month=11" in page
    assert "March" in page and "November" in page
    assert "Release number 3" not in page


def queries_of(client, url=CHANGELIST_URL):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("role", ["superuser", "editor"])
@pytest.mark.parametrize("query", ["", "?field_of_work=policing", "?source=secretariat&q=talks"])
def test_changelist_costs_the_same_few_queries_at_any_size(
    client, make_release, taxonomy, role, query
):
    viewer = (
        get_user_model().objects.create_superuser("chief-2", "", "pw-123456")
        if role == "superuser"
        else world.user("editor", taxonomy.secretariat)
    )
    client.force_login(viewer)
    for year in range(2010, 2013):
        make_release(published_at=on(year), title=f"Talks {year}")
    queries_of(client)  # the first request of a new database creates rows of its own
    small = queries_of(client, CHANGELIST_URL + query)
    for number in range(60):
        make_release(
            published_at=on(1995 + number % 30, 1 + number % 12),
            title=f"Talks {number}",
            fields=[taxonomy.community, taxonomy.borders],
            source=taxonomy.ttd,
        )

    large = queries_of(client, CHANGELIST_URL + query)

    assert len(large) == len(small), "\n".join(large)
    assert len(large) <= BUDGET, "\n".join(large)


def test_an_edit_shows_in_the_next_list(chief, make_release):
    release = make_release(title="Old headline")
    assert titles(chief) == ["Old headline"]

    release.title = "New headline"
    release.save()

    assert titles(chief) == ["New headline"]


def test_rows_follow_sorting_and_paging(chief, make_release):
    for number in range(1, 56):  # 55 releases, 50 a page
        make_release(title=f"Release {number:02d}", days_ago=number)

    assert titles(chief)[:2] == ["Release 01", "Release 02"]
    assert titles(chief, "?p=2") == [f"Release {number}" for number in range(51, 56)]
    assert titles(chief, "?o=-1")[:2] == ["Release 55", "Release 54"]


def test_a_scoped_editor_lists_only_their_scope(client, chief, make_release, taxonomy):
    make_release(title="From TTD", source=taxonomy.ttd)
    make_release(title="From Kosovo", source=taxonomy.kosovo)
    assert sorted(titles(chief)) == ["From Kosovo", "From TTD"]

    client.force_login(world.user("editor", taxonomy.ttd))

    assert titles(client) == ["From TTD"]


def test_field_of_work_filter_takes_in_sub_topics(chief, make_release, taxonomy):
    make_release(title="Community", fields=[taxonomy.community])
    make_release(title="Borders", fields=[taxonomy.borders])
    make_release(title="Both", fields=[taxonomy.policing, taxonomy.community])

    assert sorted(titles(chief, "?field_of_work=policing")) == ["Both", "Community"]
    assert sorted(titles(chief, "?field_of_work=community-policing")) == ["Both", "Community"]
    assert titles(chief, "?field_of_work=border-management") == ["Borders"]


def test_filter_choices_show_the_tree(chief, taxonomy):
    page = chief.get(CHANGELIST_URL).content.decode()

    assert "?field_of_work=community-policing" in page
    assert "— Community policing" in page
    assert "— Transnational Threats Department" in page


@pytest.mark.parametrize("query", ["?field_of_work=no-such-topic", "?source=no-such-unit"])
def test_an_unknown_filter_value_lists_nothing(chief, make_release, query):
    make_release(title="Anything")

    response = chief.get(CHANGELIST_URL + query)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


AUDIT_URL = reverse("admin:editorial_auditentry_changelist")


def test_a_draft_dated_at_the_end_of_the_calendar_leaves_the_list_working(chief, make_release):
    # It was a 500 for everyone in the scope: the year level built one column per year.
    make_release(title="Far future", status="draft", published_at=on(9999, 12))
    make_release(title="Today")

    assert 9999 in years_offered(chief)
    for query in (
        "?published_at__year=9999",
        "?published_at__year=9999&published_at__month=12",
        "?published_at__year=9999&published_at__month=12&published_at__day=15",
    ):
        assert titles(chief, query) == ["Far future"], query


def test_a_release_dated_in_year_one_leaves_the_list_working(chief, make_release):
    make_release(title="Antiquity", published_at=timezone.make_aware(datetime(1, 1, 2, 12)))

    assert 1 in years_offered(chief)
    assert titles(chief, "?published_at__year=1") == ["Antiquity"]
    assert titles(chief, "?published_at__year=1&published_at__month=1") == ["Antiquity"]


@pytest.mark.parametrize("url", [CHANGELIST_URL, AUDIT_URL])
@pytest.mark.parametrize(
    "query",
    [
        "year=9999",
        "year=99999999999999999999",
        "year=10000",
        "year=0",
        "year=-5",
        "year=abc",
        "year=2024&month=13",
        "year=2024&month=2&day=30",
        "year=2024&month=99999999999999999999",
        "year=2024&month=12&day=31",
        "month=5",
        "day=abc",
    ],
)
def test_any_date_hierarchy_parameter_answers_without_a_500(chief, make_release, url, query):
    make_release()
    field = "published_at" if url == CHANGELIST_URL else "created_at"
    query = "&".join(f"{field}__{part}" for part in query.split("&"))

    response = chief.get(f"{url}?{query}")

    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert response["Location"].endswith("?e=1")


def test_a_search_of_a_thousand_words_is_refused_with_a_message(chief, make_release):
    make_release(title="Talks in Vienna")
    words = " ".join(["talks"] * 1100)

    response = chief.get(CHANGELIST_URL, {"q": words}, follow=True)

    assert response.status_code == 200
    assert "Search for at most 20 words." in response.content.decode()
    assert titles(chief, "?q=talks+vienna") == ["Talks in Vienna"]


def test_rows_follow_the_admin_language(chief, make_release):
    make_release(title="Only one")

    english = chief.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    french = chief.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    status = re.compile(r'<td class="field-status">([^<]*)</td>')
    assert status.findall(english) == ["Published"]
    assert status.findall(french) == ["Publié"]
