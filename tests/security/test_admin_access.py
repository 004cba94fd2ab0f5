"""Admin surfaces beyond the release permission matrix (tests/press/test_workflow_admin.py):
every model admin, autocomplete, history, tree moves and bulk actions refuse those without the
right permission or scope, and change nothing."""

import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils import timezone

from editorial.models import EditorialScope
from press.models import PressRelease, Status
from taxonomy import trees
from taxonomy.models import Structure

from .conftest import make_user

ALL_REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


def snapshot(model):
    return list(model._default_manager.order_by("pk").values())


@pytest.fixture
def plain_staff(db):
    return make_user("plain")


@pytest.mark.parametrize(("app_label", "model_name"), ALL_REGISTERED)
def test_staff_without_permission_gets_403_on_every_model_admin(
    client, world, plain_staff, app_label, model_name
):
    client.force_login(plain_staff)
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    before = snapshot(model)
    base = f"/admin/{app_label}/{model_name}/"
    assert client.get(base).status_code == 403
    assert client.get(base + "add/").status_code == 403
    assert client.post(base + "add/", {"name": "x", "title": "x"}).status_code == 403
    obj = model._default_manager.order_by("pk").first()
    if obj is not None:
        for suffix in ("change/", "history/", "delete/"):
            assert client.get(f"{base}{obj.pk}/{suffix}").status_code in {403, 404}, suffix
        assert client.post(f"{base}{obj.pk}/delete/", {"post": "yes"}).status_code in {403, 404}
        assert (
            client.post(
                base, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
            ).status_code
            == 403
        )
    assert snapshot(model) == before


def test_view_only_user_cannot_change_rename_or_delete_a_tree_node(client, world):
    viewer = make_user("viewer", perms=["taxonomy.view_structure"])
    client.force_login(viewer)
    unit = world["unit"]
    before = snapshot(Structure)
    assert client.get(f"/admin/taxonomy/structure/{unit.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/taxonomy/structure/{unit.pk}/change/",
        {"name": "Renamed", "slug": "renamed", "parent": ""},
    )
    assert response.status_code == 403
    assert (
        client.post(f"/admin/taxonomy/structure/{unit.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert snapshot(Structure) == before


def drag(client, node, target, position="last-child"):
    return client.post(
        "/admin/taxonomy/structure/",
        {"cmd": "move_node", "cut_item": node.pk, "pasted_on": target.pk, "position": position},
    )


def test_view_only_user_cannot_drag_and_drop_a_tree_node(client, world):
    other = trees.create_node(Structure, name="Institutions", slug="institutions")
    viewer = make_user("viewer", perms=["taxonomy.view_structure"])
    client.force_login(viewer)
    before = snapshot(Structure)
    response = drag(client, world["unit"], other)
    assert response.status_code == 403
    assert snapshot(Structure) == before


def test_tree_move_by_an_editor_of_the_tree_works_as_a_control(client, world):
    other = trees.create_node(Structure, name="Institutions", slug="institutions")
    keeper = make_user("keeper", perms=["taxonomy.view_structure", "taxonomy.change_structure"])
    client.force_login(keeper)
    response = drag(client, world["unit"], other)
    assert response.status_code == 200 and response.content.startswith(b"OK")
    assert Structure.objects.get(pk=world["unit"].pk).parent_id == other.pk
    assert trees.check_tree(Structure) == []


def test_a_move_into_its_own_subtree_is_refused_cleanly_in_the_admin(admin_client, world):
    before = snapshot(Structure)
    response = drag(admin_client, world["structure"], world["unit"])
    assert response.status_code == 200 and response.content.startswith(b"FAIL")
    assert snapshot(Structure) == before


@pytest.mark.parametrize("position", ["inside", "", "left'; DROP TABLE x;--"])
def test_a_malformed_move_is_refused_cleanly(admin_client, world, position):
    before = snapshot(Structure)
    response = drag(admin_client, world["unit"], world["structure"], position)
    assert response.status_code in {200, 400}
    assert snapshot(Structure) == before


@pytest.fixture
def two_offices(world):
    kosovo = trees.create_node(Structure, name="Mission in Kosovo", slug="mission-in-kosovo")
    officer = make_user("officer", groups=["Press officer"])
    EditorialScope.objects.create(user=officer, structure=kosovo)
    editor = make_user("editor", groups=["Editor"])
    EditorialScope.objects.create(user=editor, structure=kosovo)
    secret = PressRelease.objects.create(
        title="Secret merger of two offices",
        slug="secret-merger",
        source=world["unit"],
        lead="Not for Kosovo's eyes.",
        status=Status.SUBMITTED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    own = PressRelease.objects.create(
        title="Secret workshop in Pristina",
        slug="secret-workshop",
        source=kosovo,
        lead="Ours.",
        status=Status.SUBMITTED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    return {"kosovo": kosovo, "officer": officer, "editor": editor, "secret": secret, "own": own}


def autocomplete(client, field_name, term):
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "press",
            "model_name": "pressrelease",
            "field_name": field_name,
            "term": term,
        },
    )
    if response.status_code != 200:
        return response.status_code, []
    return 200, [item["text"] for item in json.loads(response.content)["results"]]


def test_autocomplete_of_related_releases_shows_only_the_users_scope(client, two_offices):
    client.force_login(two_offices["officer"])
    status, texts = autocomplete(client, "related", "Secret")
    assert status == 200
    assert "Secret workshop in Pristina" in texts
    assert "Secret merger of two offices" not in texts


def test_autocomplete_of_sources_offers_only_structures_in_scope(client, two_offices, world):
    client.force_login(two_offices["officer"])
    status, texts = autocomplete(client, "source", "")
    assert status == 200
    assert any("Kosovo" in text for text in texts)
    assert not any(world["unit"].name in text for text in texts)


def test_autocomplete_refuses_users_without_permission(client, world, plain_staff):
    client.force_login(plain_staff)
    assert autocomplete(client, "related", "")[0] == 403
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
    )
    assert response.status_code in {403, 404}


def test_history_and_revisions_of_a_release_outside_scope_are_404(client, two_offices):
    client.force_login(two_offices["editor"])
    pk = two_offices["secret"].pk
    for suffix in ("history/", "revisions/", "preview/", "workflow/", "change/", "delete/"):
        response = client.get(f"/admin/press/pressrelease/{pk}/{suffix}")
        assert response.status_code in {403, 404}, suffix
        assert b"Secret merger" not in response.content


def test_bulk_publish_with_mixed_scope_ids_touches_only_the_users_scope(client, two_offices):
    client.force_login(two_offices["editor"])
    secret, own = two_offices["secret"], two_offices["own"]
    client.post(
        "/admin/press/pressrelease/",
        {"action": "publish_selected", "_selected_action": [secret.pk, own.pk]},
    )
    secret.refresh_from_db()
    assert secret.status == Status.SUBMITTED
    assert secret.audit_entries.count() == 0


def test_group_membership_alone_does_not_open_other_offices(client, two_offices):
    client.force_login(two_offices["officer"])
    response = client.get("/admin/press/pressrelease/")
    assert response.status_code == 200
    assert b"Secret merger" not in response.content
    assert Group.objects.filter(name="Press officer").exists()
