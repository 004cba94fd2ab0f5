"""Every change of a term's address leaves a permanent redirect, never a loop (pages and
releases have the engine's slug redirects, with the same rule book: editorial.slugs)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import redirects, trees
from taxonomy.models import FieldOfWork, OldAddress, Structure


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_a_changed_slug_redirects_permanently(client, db):
    topic = trees.create_node(FieldOfWork, name="Policing", slug="policing")
    topic.slug = "police-reform"
    trees.save_node(topic)
    assert_moved(client, "/fields-of-work/policing/", "/fields-of-work/police-reform/")
    assert_moved(client, "/fr/fields-of-work/policing/", "/fr/fields-of-work/police-reform/")
    assert client.get("/fields-of-work/never-was/").status_code == 404


def test_deep_structure_paths_redirect_after_an_ancestor_moves(client, db):
    secretariat = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    other = trees.create_node(Structure, name="Institutions", slug="institutions")
    cpc = trees.create_node(Structure, secretariat, name="CPC", slug="cpc")
    unit = trees.create_node(Structure, cpc, name="Operations Service", slug="operations")
    desk = trees.create_node(Structure, unit, name="Desk", slug="desk")
    trees.move_node(cpc, other, "last-child")
    assert_moved(client, "/structures/secretariat/cpc/", "/structures/institutions/cpc/")
    assert_moved(
        client,
        "/structures/secretariat/cpc/operations/desk/",
        "/structures/institutions/cpc/operations/desk/",
    )
    # A slug change of an ancestor, saved through the form's path (save_node), as well.
    other.slug = "independent-institutions"
    trees.save_node(other)
    desk.refresh_from_db()
    assert desk.path == "independent-institutions/cpc/operations/desk"
    for old in ["secretariat/cpc/operations/desk", "institutions/cpc/operations/desk"]:
        assert_moved(client, f"/structures/{old}/", f"/structures/{desk.path}/")


def test_renaming_back_and_forth_never_forms_a_loop(client, db):
    topic = trees.create_node(FieldOfWork, name="A", slug="a")
    for slug in ["b", "c", "a", "b"]:
        topic.slug = slug
        trees.save_node(topic)
    assert client.get("/fields-of-work/b/").status_code == 200
    for old in ["a", "c"]:
        assert_moved(client, f"/fields-of-work/{old}/", "/fields-of-work/b/")
    assert not OldAddress.objects.filter(old_key="b").exists()


def test_a_redirect_loop_is_refused(db):
    topic = trees.create_node(FieldOfWork, name="A", slug="a")
    other = trees.create_node(FieldOfWork, name="B", slug="b")
    with pytest.raises(ValidationError, match="redirect to itself"):
        redirects.add(topic, "a")
    with pytest.raises(ValidationError, match="live address"):
        redirects.add(topic, "b")
    redirects.add(other, "old-b")
    assert redirects.find(FieldOfWork, "old-b") == other
    assert OldAddress.objects.count() == 1


def test_a_new_term_cannot_take_a_redirecting_slug_without_a_choice(db):
    topic = trees.create_node(FieldOfWork, name="Policing", slug="policing")
    topic.slug = "police-reform"
    trees.save_node(topic)
    with pytest.raises(ValidationError, match="old address of “Policing”"):
        trees.create_node(FieldOfWork, name="Policing (new)", slug="policing")
    assert not FieldOfWork.objects.filter(slug="policing").exists()
    newcomer = trees.save_node(
        FieldOfWork(name="Policing (new)", slug="policing"), take_over_old_address=True
    )
    assert redirects.find(FieldOfWork, "policing") is None
    assert FieldOfWork.objects.get(slug="policing") == newcomer


def test_the_admin_asks_before_a_term_takes_a_redirecting_slug(admin_client, db):
    topic = trees.create_node(FieldOfWork, name="Policing", slug="policing")
    topic.slug = "police-reform"
    trees.save_node(topic)
    data = {"name_en": "Policing again", "slug": "policing", "parent": "", "description_en": ""}
    response = admin_client.post("/admin/taxonomy/fieldofwork/add/", data)
    assert response.status_code == 200
    assert "still redirects there" in response.content.decode()
    assert not FieldOfWork.objects.filter(slug="policing").exists()
    response = admin_client.post(
        "/admin/taxonomy/fieldofwork/add/", {**data, "take_over_old_address": "on"}
    )
    assert response.status_code == 302
    assert FieldOfWork.objects.filter(slug="policing", name="Policing again").exists()
    assert not OldAddress.objects.exists()


def test_a_structure_taking_a_redirecting_path_in_the_admin_is_asked_too(admin_client, db):
    root = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    unit = trees.create_node(Structure, root, name="Unit", slug="unit")
    unit.slug = "department"
    trees.save_node(unit)
    data = {
        "name_en": "New unit",
        "slug": "unit",
        "parent": root.pk,
        "public_name_en": "",
        "description_en": "",
    }
    response = admin_client.post("/admin/taxonomy/structure/add/", data)
    assert response.status_code == 200
    assert "secretariat/unit" in response.content.decode()


def test_the_old_addresses_list_costs_a_constant_number_of_queries(
    admin_client, db, django_assert_max_num_queries
):
    topic = trees.create_node(FieldOfWork, name="A", slug="a")
    unit = trees.create_node(Structure, name="U", slug="u")
    redirects.add(topic, "old-a")
    redirects.add(unit, "old-u")
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get("/admin/taxonomy/oldaddress/").status_code == 200
    baseline = len(small.captured_queries)
    for index in range(30):
        redirects.add(topic, f"older-{index}")
        redirects.add(unit, f"older-{index}")
    with django_assert_max_num_queries(baseline):
        response = admin_client.get("/admin/taxonomy/oldaddress/")
    assert "/fields-of-work/a/" in response.content.decode()
