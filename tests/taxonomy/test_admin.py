import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import trees
from taxonomy.models import (
    Country,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuItem,
    Page,
    Place,
    Structure,
)

CHANGELISTS = {
    FieldOfWork: "/admin/taxonomy/fieldofwork/",
    Country: "/admin/taxonomy/country/",
    Structure: "/admin/taxonomy/structure/",
    Place: "/admin/taxonomy/place/",
    MeetingType: "/admin/taxonomy/meetingtype/",
    MenuItem: "/admin/taxonomy/menuitem/",
    Menu: "/admin/taxonomy/menu/",
    Page: "/admin/taxonomy/page/",
}


def grow(model, make_tree):
    """Add a deep and a wide tree (or rows) to ``model``."""
    if model is MenuItem:
        menu = Menu.objects.get(slug="main")
        heading = trees.create_node(MenuItem, menu=menu, label="Extra", is_heading=True)
        for index in range(60):
            trees.create_node(
                MenuItem, heading, menu=menu, label=f"x{index}", external_url="https://a.org/"
            )
    elif model is Menu:
        Menu.objects.bulk_create(Menu(name=f"m{i}", slug=f"m{i}") for i in range(60))
    elif model is Page:
        Page.objects.bulk_create(Page(title=f"p{i}", slug=f"p{i}") for i in range(60))
    elif model is Place:
        austria = Country.objects.get(slug="austria")
        make_tree(Place, depth=15, width=60, country=austria)
    else:
        make_tree(model, depth=15, width=60)


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda model: model.__name__)
def test_changelist_loads_with_a_constant_number_of_queries(
    admin_client, demo, make_tree, django_assert_max_num_queries, model
):
    url = CHANGELISTS[model]
    with CaptureQueriesContext(connection) as small:
        response = admin_client.get(url)
    assert response.status_code == 200
    grow(model, make_tree)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(small.captured_queries) <= 14


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda model: model.__name__)
def test_add_and_change_forms_load(admin_client, demo, model):
    url = CHANGELISTS[model]
    assert admin_client.get(f"{url}add/").status_code == 200
    obj = model.objects.order_by("pk").last()
    assert admin_client.get(f"{url}{obj.pk}/change/").status_code == 200


def test_changelist_search_and_filters_work(admin_client, demo):
    asian = Country.objects.get(slug="asian-partners-for-co-operation")
    response = admin_client.get(f"/admin/taxonomy/country/?tree={asian.tree_id}&q=Japan")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [Country.objects.get(slug="japan")]
    response = admin_client.get("/admin/taxonomy/country/?tree=not-a-number")
    assert response.status_code == 200


def move(admin_client, model, node, target, position):
    return admin_client.post(
        CHANGELISTS[model],
        {"cmd": "move_node", "cut_item": node.pk, "pasted_on": target.pk, "position": position},
    )


def test_drag_and_drop_move_goes_through_trees_and_keeps_the_tree_valid(admin_client, demo):
    unit = Structure.objects.get(slug="conflict-prevention-centre")
    field_operations = Structure.objects.get(slug="field-operations")

    response = move(admin_client, Structure, unit, field_operations, "last-child")

    assert response.content == b"OK, moved."
    unit.refresh_from_db()
    assert unit.parent_id == field_operations.pk
    assert unit.path == "field-operations/conflict-prevention-centre"  # maintained by trees.py
    assert trees.check_tree(Structure) == []


def test_drag_and_drop_reorders_menu_items(admin_client, demo):
    countries = MenuItem.objects.get(menu__slug="main", label="Countries", level=0)
    our_work = MenuItem.objects.get(menu__slug="main", label="Our work")
    assert move(admin_client, MenuItem, countries, our_work, "left").content == b"OK, moved."
    top = MenuItem.objects.filter(menu__slug="main", level=0).order_by("tree_id")
    assert top[0].label == "Countries"
    assert trees.check_tree(MenuItem) == []


def test_drag_and_drop_into_own_subtree_is_refused(admin_client, demo):
    secretariat = Structure.objects.get(slug="secretariat")
    unit = Structure.objects.get(slug="conflict-prevention-centre")
    before = list(Structure.objects.values_list("pk", "parent_id", "lft", "rght"))

    response = move(admin_client, Structure, secretariat, unit, "last-child")

    assert response.content == b"FAIL, invalid move."
    assert list(Structure.objects.values_list("pk", "parent_id", "lft", "rght")) == before


def test_drag_and_drop_with_bad_input_fails_cleanly(admin_client, demo):
    node = FieldOfWork.objects.first()
    response = admin_client.post(
        CHANGELISTS[FieldOfWork],
        {"cmd": "move_node", "cut_item": "x", "pasted_on": node.pk, "position": "left"},
    )
    assert response.content == b"FAIL, invalid objects."
    response = move(admin_client, FieldOfWork, node, node, "sideways")
    assert response.content == b"FAIL, unknown instruction."


def test_changing_the_parent_in_the_form_moves_the_node(admin_client, demo):
    unit = Structure.objects.get(slug="office-of-internal-oversight")
    institutions = Structure.objects.get(slug="institutions")
    response = admin_client.post(
        f"/admin/taxonomy/structure/{unit.pk}/change/",
        {
            "name_en": unit.name,  # one field per language (taxonomy/translation.py)
            "slug": "internal-oversight",
            "parent": institutions.pk,
            "description": "",
        },
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.path == "institutions/internal-oversight"
    assert trees.check_tree(Structure) == []


def test_deleting_a_node_with_children_shows_the_cannot_delete_page(admin_client, demo):
    secretariat = Structure.objects.get(slug="secretariat")
    url = f"/admin/taxonomy/structure/{secretariat.pk}/delete/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "would require deleting the following protected" in response.content.decode()
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert Structure.objects.filter(pk=secretariat.pk).exists()


def test_deleting_a_referenced_country_is_refused(admin_client, demo):
    belarus = Country.objects.get(slug="belarus")  # Minsk is in Belarus
    response = admin_client.post(f"/admin/taxonomy/country/{belarus.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "Minsk" in response.content.decode()
    assert Country.objects.filter(pk=belarus.pk).exists()


def test_deleting_a_menu_heading_with_items_is_refused(admin_client, demo):
    heading = MenuItem.objects.get(menu__slug="main", label="Our work")
    response = admin_client.post(f"/admin/taxonomy/menuitem/{heading.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert "Fields of work" in response.content.decode()
    assert MenuItem.objects.filter(pk=heading.pk).exists()


def bulk_delete(admin_client, model, nodes):
    return admin_client.post(
        CHANGELISTS[model],
        {"action": "delete_selected", "_selected_action": [n.pk for n in nodes], "post": "yes"},
    )


def test_bulk_delete_of_leaves_works_and_of_a_parent_is_refused(admin_client, demo, make_tree):
    root, *children = make_tree(MeetingType, width=3, prefix="bulk")

    response = bulk_delete(admin_client, MeetingType, [root, *children])
    assert response.status_code == 200
    assert "would require deleting the following protected" in response.content.decode()
    assert MeetingType.objects.filter(slug__startswith="bulk").count() == 4

    response = bulk_delete(admin_client, MeetingType, children)
    assert response.status_code == 302
    assert list(MeetingType.objects.filter(slug__startswith="bulk")) == [root]
    assert trees.check_tree(MeetingType) == []


def test_deleting_a_leaf_in_the_admin_works(admin_client, demo):
    youth = FieldOfWork.objects.get(slug="youth")
    response = admin_client.post(f"/admin/taxonomy/fieldofwork/{youth.pk}/delete/", {"post": "y"})
    assert response.status_code == 302
    assert not FieldOfWork.objects.filter(pk=youth.pk).exists()
    assert MenuItem.objects.get(menu__slug="main", label="Youth").field_of_work_id is None
