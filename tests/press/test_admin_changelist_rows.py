"""The press releases' change list rows: kept per content generation, never stale, never shared."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from press.models import PressRelease
from press.templatetags import press_admin

from . import workflow_world as world

CHANGELIST_URL = reverse("admin:press_pressrelease_changelist")
TITLE_CELL = re.compile(r'<th class="field-title"><a href="[^"]*">([^<]*)</a>')


@pytest.fixture
def chief(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))
    return client


@pytest.fixture
def renders(monkeypatch):
    """How often Django's result table was built (not taken from the memo)."""
    calls = []
    real = press_admin.result_list

    def counting(cl):
        calls.append(cl)
        return real(cl)

    monkeypatch.setattr(press_admin, "result_list", counting)
    return calls


def titles(client, query=""):
    """The titles in the rendered table, in its order."""
    response = client.get(CHANGELIST_URL + query)
    assert response.status_code == 200
    return TITLE_CELL.findall(response.content.decode())


def test_rows_are_built_once_per_generation(chief, make_release, renders):
    make_release(title="Only one")

    assert titles(chief) == ["Only one"]
    assert titles(chief) == ["Only one"]
    assert len(renders) == 1


def test_an_edit_shows_in_the_next_list(chief, make_release, django_capture_on_commit_callbacks):
    release = make_release(title="Old headline")
    assert titles(chief) == ["Old headline"]

    with django_capture_on_commit_callbacks(execute=True):
        release.title = "New headline"
        release.save()

    assert titles(chief) == ["New headline"]


def test_renaming_a_source_shows_in_the_next_list(
    chief, make_release, taxonomy, django_capture_on_commit_callbacks
):
    make_release(title="From TTD", source=taxonomy.ttd)
    assert "Transnational Threats Department" in chief.get(CHANGELIST_URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        taxonomy.ttd.name = "Department of Transnational Threats"
        taxonomy.ttd.save()

    assert "Department of Transnational Threats" in chief.get(CHANGELIST_URL).content.decode()


def test_rows_follow_sorting_and_paging(chief, make_release):
    for number in range(1, 56):  # 55 releases, 50 a page
        make_release(title=f"Release {number:02d}", days_ago=number)

    newest_first = titles(chief)
    assert newest_first[:2] == ["Release 01", "Release 02"]
    assert titles(chief, "?p=2") == [f"Release {number}" for number in range(51, 56)]
    assert titles(chief, "?o=-1")[:2] == ["Release 55", "Release 54"]
    assert titles(chief) == newest_first


def test_a_scoped_editor_never_gets_the_chiefs_rows(client, chief, make_release, taxonomy):
    make_release(title="From TTD", source=taxonomy.ttd)
    make_release(title="From Kosovo", source=taxonomy.kosovo)
    assert sorted(titles(chief)) == ["From Kosovo", "From TTD"]

    client.force_login(world.user("editor", taxonomy.ttd))

    assert titles(client) == ["From TTD"]


def test_checkbox_markup_is_djangos(make_release):
    release = make_release(title='Talks <in> "Vienna" & Minsk')
    model_admin = admin.site._registry[PressRelease]

    ours = model_admin.action_checkbox(release)

    assert ours == admin.ModelAdmin.action_checkbox(model_admin, release)


def test_list_reads_no_bodies(chief, make_release):
    make_release(body="<p>" + "A long body. " * 500 + "</p>")

    with CaptureQueriesContext(connection) as queries:
        assert titles(chief) == ["Release number 1"]

    listed = [q["sql"] for q in queries.captured_queries if 'FROM "press_pressrelease"' in q["sql"]]
    assert listed and all('"press_pressrelease"."body"' not in sql for sql in listed)


def test_a_warm_list_costs_three_queries(chief, make_release):
    for number in range(1, 6):
        make_release(days_ago=400 * number)  # an archive over several years
    chief.get(CHANGELIST_URL)

    with CaptureQueriesContext(connection) as queries:
        chief.get(CHANGELIST_URL)

    # session, user, content generation: count, years, filter choices and the table come from
    # the memo, and the page's rows are not read
    assert len(queries) == 3


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
    # It used to be a 500: the memo key's SQL of an empty queryset raised EmptyResultSet.
    make_release(title="Anything")

    response = chief.get(CHANGELIST_URL + query)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize(
    ("releases", "query", "on_page"), [(3, "", 3), (55, "", 50), (55, "?p=2", 5)]
)
def test_selection_note_counts_the_rows_on_the_page(chief, make_release, releases, query, on_page):
    for number in range(releases):
        make_release(days_ago=number + 1)

    page = chief.get(CHANGELIST_URL + query).content.decode()

    assert f"0 of {on_page} selected" in page
    assert len(TITLE_CELL.findall(page)) == on_page


def test_rows_follow_the_admin_language(chief, make_release, renders):
    make_release(title="Only one")

    english = chief.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    french = chief.get(CHANGELIST_URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    status = re.compile(r'<td class="field-status">([^<]*)</td>')
    assert status.findall(english) == ["Published"]
    assert status.findall(french) == ["Publié"]
    assert len(renders) == 2
