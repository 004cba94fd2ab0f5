"""No role below superuser can grant itself (or anyone) more rights than it has."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from .conftest import form_data, make_user

SITE_ADMIN_PERMS = [
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "auth.change_group",
    "taxonomy.view_structure",
    "taxonomy.change_structure",
]


@pytest.fixture
def site_admin(db):
    return make_user("siteadmin", perms=SITE_ADMIN_PERMS)


@pytest.fixture
def site_admin_client(client, site_admin):
    client.force_login(site_admin)
    return client


@pytest.fixture
def editors(db):
    group = Group.objects.create(name="Publishers")
    group.permissions.add(
        Permission.objects.get(codename="publish_pressrelease"),
        Permission.objects.get(codename="change_pressrelease"),
    )
    return group


@pytest.fixture
def structure_keepers(db):
    group = Group.objects.create(name="Structure keepers")
    group.permissions.add(Permission.objects.get(codename="change_structure"))
    return group


def user_url(user, suffix=""):
    return f"/admin/auth/user/{user.pk}/change/{suffix}"


def post_user_form(client, user, **changes):
    data = form_data(client, user_url(user))
    data.update(changes)
    return client.post(user_url(user), data)


def test_site_admin_cannot_make_themselves_superuser(site_admin_client, site_admin):
    post_user_form(site_admin_client, site_admin, is_superuser="on", is_staff="on")
    site_admin.refresh_from_db()
    assert not site_admin.is_superuser


def test_site_admin_cannot_make_someone_else_superuser(site_admin_client):
    accomplice = make_user("accomplice")
    post_user_form(site_admin_client, accomplice, is_superuser="on")
    accomplice.refresh_from_db()
    assert not accomplice.is_superuser


def test_site_admin_cannot_join_a_group_with_rights_they_lack(
    site_admin_client, site_admin, editors
):
    response = post_user_form(site_admin_client, site_admin, groups=[str(editors.pk)])
    assert response.status_code == 200  # the form is shown again with an error
    assert not site_admin.groups.exists()
    assert not User.objects.get(pk=site_admin.pk).has_perm("press.publish_pressrelease")


def test_site_admin_cannot_give_themselves_a_permission_they_lack(site_admin_client, site_admin):
    publish = Permission.objects.get(codename="publish_pressrelease")
    response = post_user_form(site_admin_client, site_admin, user_permissions=[str(publish.pk)])
    assert response.status_code == 200
    assert not site_admin.user_permissions.filter(pk=publish.pk).exists()


def test_site_admin_can_grant_a_group_within_their_own_rights(site_admin_client, structure_keepers):
    colleague = make_user("colleague")
    response = post_user_form(site_admin_client, colleague, groups=[str(structure_keepers.pk)])
    assert response.status_code == 302
    assert list(colleague.groups.all()) == [structure_keepers]


def test_site_admin_cannot_take_over_an_account_with_more_rights(site_admin_client, editors):
    editor = make_user("editor", groups=["Publishers"], password="editor-pass-1")
    response = site_admin_client.post(
        f"/admin/auth/user/{editor.pk}/password/",
        {"password1": "taken-over-pass-9", "password2": "taken-over-pass-9"},
    )
    assert response.status_code == 403
    editor.refresh_from_db()
    assert editor.check_password("editor-pass-1")


@pytest.mark.parametrize("directly", [False, True])
def test_site_admin_cannot_reset_the_password_of_a_deactivated_editor(
    site_admin_client, editors, directly
):
    # A deactivated account has no effective rights, but it keeps them: reactivated, it would
    # be an editor whose password the site administrator chose.
    editor = make_user("editor", groups=["Publishers"], password="editor-pass-1")
    if directly:
        editor.groups.clear()
        editor.user_permissions.set(editors.permissions.all())
    User.objects.filter(pk=editor.pk).update(is_active=False)

    response = site_admin_client.post(
        f"/admin/auth/user/{editor.pk}/password/",
        {"password1": "taken-over-pass-9", "password2": "taken-over-pass-9"},
    )

    assert response.status_code == 403
    editor.refresh_from_db()
    assert editor.check_password("editor-pass-1")
    reactivate = {"username": editor.username, "is_active": "on", "is_staff": "on"}
    assert site_admin_client.post(user_url(editor), reactivate).status_code == 403
    assert not User.objects.get(pk=editor.pk).is_active


def test_site_admin_can_reset_the_password_of_a_user_with_fewer_rights(site_admin_client):
    colleague = make_user("colleague", password="old-pass-123")
    response = site_admin_client.post(
        f"/admin/auth/user/{colleague.pk}/password/",
        {"password1": "new-pass-12345x", "password2": "new-pass-12345x"},
    )
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("new-pass-12345x")


def test_bulk_delete_with_a_superuser_among_the_ids_deletes_nobody(db, client):
    deleter = make_user("deleter", perms=[*SITE_ADMIN_PERMS, "auth.delete_user"])
    client.force_login(deleter)
    chief = User.objects.create_superuser("chief", password="original-pass-1")
    colleague = make_user("colleague")
    response = client.post(
        "/admin/auth/user/",
        {
            "action": "delete_selected",
            "_selected_action": [str(chief.pk), str(colleague.pk)],
            "post": "yes",
        },
    )
    assert response.status_code in {200, 403}
    assert User.objects.filter(pk__in=[chief.pk, colleague.pk]).count() == 2


def test_site_admin_cannot_add_rights_to_a_group(site_admin_client, structure_keepers):
    publish = Permission.objects.get(codename="publish_pressrelease")
    url = f"/admin/auth/group/{structure_keepers.pk}/change/"
    data = form_data(site_admin_client, url)
    current = data.get("permissions", [])
    current = [current] if isinstance(current, str) else current
    data["permissions"] = [*current, str(publish.pk)]
    site_admin_client.post(url, data)
    assert not structure_keepers.permissions.filter(pk=publish.pk).exists()


def test_site_admin_cannot_change_a_superusers_password(site_admin_client):
    chief = User.objects.create_superuser("chief", password="original-pass-1")
    url = f"/admin/auth/user/{chief.pk}/password/"
    response = site_admin_client.post(
        url, {"password1": "taken-over-pass-9", "password2": "taken-over-pass-9"}
    )
    assert response.status_code in {403, 404}
    chief.refresh_from_db()
    assert chief.check_password("original-pass-1")


def test_site_admin_cannot_edit_or_deactivate_a_superuser(site_admin_client):
    chief = User.objects.create_superuser("chief", password="original-pass-1", email="c@x.org")
    response = site_admin_client.post(
        user_url(chief),
        {"username": "chief", "email": "attacker@example.org", "is_active": ""},
    )
    assert response.status_code in {403, 404}
    chief.refresh_from_db()
    assert chief.is_active and chief.email == "c@x.org"


def test_superuser_can_still_grant_anything(admin_client, editors):
    colleague = make_user("colleague")
    response = post_user_form(admin_client, colleague, is_superuser="on", groups=[str(editors.pk)])
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_superuser and list(colleague.groups.all()) == [editors]
