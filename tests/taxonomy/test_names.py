"""Renames keep history, and a term is found by its aliases and former names everywhere."""

import datetime

import pytest
from django.utils import timezone

from press.models import PressRelease, Status
from taxonomy import trees
from taxonomy.models import FieldOfWork, Structure


@pytest.fixture
def odihr(db):
    institutions = trees.create_node(Structure, name="Institutions", slug="institutions")
    return trees.create_node(
        Structure,
        institutions,
        name="Office for Democratic Institutions and Human Rights",
        slug="odihr",
        aliases="ODIHR\n  ",
    )


def publish(title, source, lead="A lead."):
    release = PressRelease.objects.create(
        title=title,
        lead=lead,
        source=source,
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    release.fields_of_work.add(
        FieldOfWork.objects.get_or_create(name="Elections", slug="elections")[0]
    )
    return release


def test_a_rename_records_the_former_name_and_the_page_says_formerly(client, db):
    baku = trees.create_node(Structure, name="Office in Baku", slug="baku")
    baku.name = "Project Co-ordinator in Baku"
    trees.save_node(baku)
    baku.refresh_from_db()
    assert baku.former_name_list == ["Office in Baku"]
    html = client.get(baku.get_absolute_url()).content.decode()
    assert "Formerly Office in Baku" in html
    # Taking a former name back makes it current again, not former.
    baku.name = "Office in Baku"
    trees.save_node(baku)
    baku.refresh_from_db()
    assert baku.former_name_list == ["Project Co-ordinator in Baku"]


def test_terms_are_found_by_any_of_their_names(odihr):
    for text in ["ODIHR", "odihr", " Office for  Democratic Institutions and Human Rights "]:
        assert list(Structure.objects.named(text)) == [odihr]
    assert list(Structure.objects.named("ODI")) == []
    assert list(Structure.objects.named("")) == []
    assert odihr.alias_list == ["ODIHR"]


def test_the_newsroom_search_understands_an_acronym(client, odihr):
    named = publish("Office for Democratic Institutions and Human Rights opens a mission", odihr)
    other = publish("Something else", odihr, lead="Nothing about it.")
    response = client.get("/press-releases/", {"q": "ODIHR"})
    html = response.content.decode()
    assert named.title in html
    assert other.title not in html


def test_the_newsroom_search_finds_a_structure_by_its_old_name(client, db):
    baku = trees.create_node(Structure, name="Office in Baku", slug="baku")
    baku.name = "Project Co-ordinator in Baku"
    trees.save_node(baku)
    release = publish("Project Co-ordinator in Baku supports reforms", baku)
    html = client.get("/press-releases/", {"q": "Office in Baku"}).content.decode()
    assert release.title in html


def test_an_ordinary_query_is_not_widened(client, odihr):
    named = publish("Office for Democratic Institutions and Human Rights opens a mission", odihr)
    html = client.get("/press-releases/", {"q": "mission"}).content.decode()
    assert named.title in html
    html = client.get("/press-releases/", {"q": "parliament"}).content.decode()
    assert named.title not in html


def test_the_admin_pickers_find_a_structure_by_its_acronym(admin_client, odihr):
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "press",
            "model_name": "pressrelease",
            "field_name": "source",
            "term": "ODIHR",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [str(odihr)]
    response = admin_client.get("/admin/taxonomy/structure/", {"q": "odihr"})
    assert list(response.context["cl"].result_list) == [odihr]
