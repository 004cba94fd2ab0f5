"""The vocabularies: trees in order, each term with its parent, path and children."""

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
