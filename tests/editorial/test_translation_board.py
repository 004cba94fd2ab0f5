"""The translation status board: items × languages, filtered, scoped, at a constant cost."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from editorial import translations
from press import workflow
from press.models import PressRelease, Status

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db

BOARD = "/admin/editorial/translations/"


@pytest.fixture
def org():
    secretariat = world.structure("Secretariat")
    return {
        "secretariat": secretariat,
        "unit": world.structure("Conflict Prevention Centre", parent=secretariat),
        "kosovo": world.structure("Mission in Kosovo"),
    }


@pytest.fixture
def people(org):
    return {
        "translator": world.user("press_officer", org["secretariat"], name="translator"),
        "editor": world.user("editor", org["secretariat"], name="editor"),
        "kosovo": world.user("editor", org["kosovo"], name="kosovo"),
        "plain": world.user("plain_staff", org["secretariat"], name="plain"),
    }


@pytest.fixture
def groups(org, people):
    """An English release with a French draft and a Russian published translation; another with
    no translation; one in Kosovo."""
    first = world.release(org["unit"], status=Status.PUBLISHED, title="Talks resume")
    french = translations.translate(first, people["translator"], "fr")
    russian = translations.translate(first, people["translator"], "ru")
    workflow.publish(russian, people["editor"])
    alone = world.release(org["secretariat"], status=Status.PUBLISHED, title="Budget adopted")
    kosovo = world.release(org["kosovo"], status=Status.PUBLISHED, title="Kosovo elections")
    return {"first": first, "french": french, "russian": russian, "alone": alone, "kosovo": kosovo}


def login(user):
    client = Client()
    client.force_login(user)
    return client


def board(client, query=""):
    response = client.get(f"{BOARD}?{query}")
    assert response.status_code == 200, response.status_code
    return response


def row_of(response, title):
    for row in response.context["rows"]:
        if row["item"].title == title:
            return {cell["code"]: cell["state"] for cell in row["cells"]}
    return None


def titles(response):
    return sorted(row["item"].title for row in response.context["rows"])


def test_each_item_shows_the_state_of_each_language(groups, people):
    response = board(login(people["translator"]))
    assert titles(response) == ["Budget adopted", "Talks resume"]  # not Kosovo: out of scope
    assert row_of(response, "Talks resume") == {
        "en": "published",
        "fr": "draft",
        "de": "missing",
        "it": "missing",
        "ru": "published",
        "es": "missing",
    }
    page = response.content.decode()
    assert f'href="/admin/press/pressrelease/{groups["french"].pk}/change/"' in page
    assert f'action="/admin/press/pressrelease/{groups["first"].pk}/translate/"' in page
    assert '<th scope="col">German</th>' in page


def test_a_major_change_of_the_source_shows_its_translations_outdated(groups, people):
    first = groups["first"]
    first.refresh_from_db()
    workflow.save_edit(
        first,
        people["editor"],
        expected_version=first.version,
        change=workflow.MAJOR,
        change_note="New figures.",
    )
    client = login(people["translator"])
    states = row_of(board(client), "Talks resume")
    assert (states["fr"], states["ru"]) == ("outdated", "outdated")
    assert titles(board(client, "state=outdated")) == ["Talks resume"]
    assert titles(board(client, "state=outdated&language=de")) == []
    translations.mark_up_to_date(groups["russian"])
    assert row_of(board(client), "Talks resume")["ru"] == "published"
    assert titles(board(client, "state=published&language=ru")) == ["Talks resume"]


def test_filters_by_state_language_and_structure(groups, people, org):
    client = login(people["editor"])
    assert titles(board(client, "state=draft")) == ["Talks resume"]
    assert titles(board(client, "state=draft&language=ru")) == []
    assert titles(board(client, "state=missing&language=fr")) == ["Budget adopted"]
    assert titles(board(client, "state=missing")) == ["Budget adopted", "Talks resume"]
    assert titles(board(client, f"structure={org['unit'].pk}")) == ["Talks resume"]
    assert titles(board(client, f"structure={org['secretariat'].pk}")) == [
        "Budget adopted",
        "Talks resume",
    ]


def test_other_kinds_have_their_own_board(groups, people):
    superuser = world.user("superuser", name="root")
    response = board(login(superuser), "kind=meetings.event")
    assert response.context["kind"].label == "meetings.event"
    assert response.context["rows"] == []
    labels = [label for label, _name in response.context["form"].fields["kind"].choices]
    assert set(labels) == {"press.pressrelease", "meetings.event", "documents.document"}
    assert "taxonomy.page" not in labels  # translated in place


@pytest.mark.parametrize(
    "query",
    [
        "kind=nope",
        "structure=999999",
        "structure=abc",
        "state=nonsense",
        "language=xx",
        "page=abc",
        "page=99999",
        "kind=taxonomy.page",
    ],
)
def test_bad_filters_are_refused_on_the_form_never_a_500(groups, people, query):
    response = board(login(people["editor"]), query)
    assert response.context["kind"].label == "press.pressrelease"


def test_only_staff_with_a_right_sees_the_board(groups, people, org):
    assert login(people["plain"]).get(BOARD).status_code == 403
    anonymous = Client().get(BOARD)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    response = board(login(people["kosovo"]))
    assert titles(response) == ["Kosovo elections"]
    # A structure outside one's scope is not a choice: refused on the form, nothing shown of it.
    outside = board(login(people["kosovo"]), f"structure={org['secretariat'].pk}")
    assert "structure" in outside.context["form"].errors
    assert titles(outside) == ["Kosovo elections"]


def test_the_board_translates_a_missing_language(groups, people):
    client = login(people["translator"])
    client.post(f"/admin/press/pressrelease/{groups['alone'].pk}/translate/", {"language": "es"})
    assert PressRelease.objects.filter(
        translation_key=groups["alone"].translation_key, language="es"
    ).exists()
    assert row_of(board(client), "Budget adopted")["es"] == "draft"


def test_a_page_of_the_board_costs_the_same_queries_with_more_rows(org, people):
    client = login(people["editor"])

    def cost():
        client.get(BOARD)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(BOARD).status_code == 200
        return len(queries)

    def add(count):
        for n in range(count):
            release = world.release(org["unit"], status=Status.PUBLISHED, title=f"Item {n}")
            translations.translate(release, people["translator"], "fr")

    add(2)
    few = cost()
    add(20)
    assert cost() == few


def test_the_change_lists_link_to_the_board(groups, people):
    page = login(people["editor"]).get("/admin/press/pressrelease/").content.decode()
    assert re.search(r'href="/admin/editorial/translations/\?kind=press.pressrelease"', page)
