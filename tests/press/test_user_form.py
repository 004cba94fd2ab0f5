"""The user form as a site administrator meets it: roles, editorial scopes by name and tree."""

import pytest
from django.contrib.auth.models import Group

from tests.security.conftest import form_data

from . import workflow_world as world

pytestmark = pytest.mark.django_db


def user_url(user):
    return f"/admin/auth/user/{user.pk}/change/"


def test_giving_an_editorial_role_makes_the_account_staff(admin_client):
    officer = world.user("plain_staff", name="newcomer")
    officer.is_staff = False
    officer.save()
    data = form_data(admin_client, user_url(officer))
    data["groups"] = [str(Group.objects.get(name="Press officer").pk)]
    data.pop("is_staff", None)
    response = admin_client.post(user_url(officer), data, follow=True)
    assert response.status_code == 200
    officer.refresh_from_db()
    assert officer.is_staff
    assert list(officer.groups.values_list("name", flat=True)) == ["Press officer"]
    assert "now has staff status" in response.content.decode()


def test_an_account_without_a_role_is_not_made_staff(admin_client):
    visitor = world.user("plain_staff", name="visitor")
    visitor.is_staff = False
    visitor.save()
    data = form_data(admin_client, user_url(visitor))
    data.pop("is_staff", None)
    admin_client.post(user_url(visitor), data)
    visitor.refresh_from_db()
    assert not visitor.is_staff


def test_editorial_scopes_show_names_and_the_structure_choice_shows_the_tree(admin_client):
    operations = world.structure("Field operations")
    kosovo = world.structure("Mission in Kosovo", parent=operations)
    officer = world.user("press_officer", kosovo, name="kosovo-officer")
    html = admin_client.get(user_url(officer)).content.decode()
    assert "kosovo-officer → Mission in Kosovo" in html
    assert f"{officer.pk} → {kosovo.pk}" not in html
    assert f'<option value="{operations.pk}"> Field operations</option>' in html
    assert f'<option value="{kosovo.pk}" selected>— Mission in Kosovo</option>' in html
