"""The vocabularies: trees in order, each term with its parent, path and children."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, MeetingType, Place, Structure

from .conftest import walk


def test_terms_come_in_tree_order_with_parent_path_and_children(api_get, make_tree):
    root, level1, _level2, child0, child1 = make_tree(FieldOfWork, depth=3, width=2)
    results, _pages = walk(api_get, "/api/v1/fields-of-work/", {"page_size": 2})
    by_slug = {item["slug"]: item for item in results}
    assert [item["slug"] for item in results] == ["n-root", "n-l1", "n-l2", "n-c0", "n-c1"]
    assert by_slug["n-l2"]["parent"] == level1.pk
    assert by_slug["n-l2"]["path"] == "n-root/n-l1/n-l2"
    assert by_slug["n-l2"]["level"] == 2
    assert by_slug["n-root"]["parent"] is None
    assert by_slug["n-root"]["children"] == [level1.pk, child0.pk, child1.pk]
    assert by_slug["n-c1"]["children"] == []
    assert by_slug["n-root"]["url"] == f"http://testserver{root.get_absolute_url()}"


def test_a_move_shows_in_paths_and_children(api_get, make_tree):
    root, level1, child0 = make_tree(FieldOfWork, depth=2, width=1)
    trees.move_node(child0, level1, "last-child")
    body = api_get(f"/api/v1/fields-of-work/{child0.slug}/").json()
    assert body["path"] == "n-root/n-l1/n-c0"
    assert body["parent"] == level1.pk
    assert api_get(f"/api/v1/fields-of-work/{root.slug}/").json()["children"] == [level1.pk]


def test_each_vocabulary_has_its_own_fields(api_get, taxonomy):
    japan = api_get("/api/v1/countries/japan/").json()
    assert japan["iso_code"] == "JP"
    assert japan["path"] == "asian-partners/japan"
    assert api_get("/api/v1/places/minsk/").json()["country"] == taxonomy.belarus.pk
    secretariat = api_get("/api/v1/structures/secretariat/").json()
    assert secretariat["public_name"] == "OSCE Secretariat"
    assert secretariat["children"] == [taxonomy.ttd.pk]
    assert secretariat["url"] == "http://testserver/structures/secretariat/"


@pytest.mark.parametrize(
    ("prefix", "model"),
    [
        ("fields-of-work", FieldOfWork),
        ("countries", Country),
        ("structures", Structure),
        ("places", Place),
        ("meeting-types", MeetingType),
    ],
)
def test_vocabulary_cost_does_not_grow_with_the_tree(client, make_tree, prefix, model):
    extra = {"path": ""} if model is Structure else {}

    def cost(path):
        client.get(path)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    make_tree(model, depth=2, width=1, prefix="a", **extra)
    small = (cost(f"/api/v1/{prefix}/"), cost(f"/api/v1/{prefix}/a-l1/"))
    make_tree(model, depth=6, width=30, prefix="b", **extra)
    assert (cost(f"/api/v1/{prefix}/"), cost(f"/api/v1/{prefix}/b-l5/")) == small == (2, 2)


def test_terms_carry_their_names_and_are_found_by_any_of_them(api_get, taxonomy):
    trees.create_node(
        Structure,
        name="Office for Democratic Institutions and Human Rights",
        slug="odihr",
        aliases="ODIHR",
        former_names="Office for Free Elections",
    )
    closed = trees.create_node(Structure, name="Office in Yerevan", slug="office-in-yerevan")
    Structure.objects.filter(pk=closed.pk).update(
        opened_on=date(2000, 2, 1), closed_on=date(2017, 8, 31)
    )
    body = api_get("/api/v1/structures/odihr/").json()
    assert body["aliases"] == ["ODIHR"]
    assert body["former_names"] == ["Office for Free Elections"]
    assert (body["opened_on"], body["closed_on"]) == (None, None)
    yerevan = api_get("/api/v1/structures/office-in-yerevan/").json()
    assert (yerevan["opened_on"], yerevan["closed_on"]) == ("2000-02-01", "2017-08-31")
    for name in (
        "odihr",
        "Office for Free Elections",
        "office for democratic institutions and human rights",
    ):
        found = api_get("/api/v1/structures/", {"name": name}).json()["results"]
        assert [term["slug"] for term in found] == ["odihr"], name
    assert api_get("/api/v1/structures/", {"name": "Nothing"}).json()["results"] == []
    assert api_get("/api/v1/countries/", {"name": "japan"}).json()["results"][0]["slug"] == "japan"
    assert api_get("/api/v1/structures/", {"name": "x" * 201}).status_code == 400
