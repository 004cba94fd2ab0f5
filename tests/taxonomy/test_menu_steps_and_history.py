"""Menu items move by buttons (no dragging needed), and every menu change is kept in a history
from which a site administrator restores an earlier arrangement in one step."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import trees
from taxonomy.models import FieldOfWork, Menu, MenuChange, MenuItem, Page

CHANGELIST = "/admin/taxonomy/menuitem/"
STEP = "/admin/taxonomy/menuitem/step/"


@pytest.fixture
def menu(db):
    main = Menu.objects.create(name="Main", slug="main")
    page = Page.objects.create(title="About", slug="about")
    items = {}
    for label in ["One", "Two", "Three"]:
        items[label] = trees.create_node(MenuItem, menu=main, label=label, page=page)
    other = Menu.objects.create(name="Footer", slug="footer")
    trees.create_node(MenuItem, menu=other, label="Footer item", page=page)
    return main, items


def labels(menu):
    """The menu as (label, parent label) in tree order."""
    return [
        (item.label, item.parent.label if item.parent else None)
        for item in MenuItem.objects.filter(menu=menu).select_related("parent")
    ]


def step(admin_client, item, direction):
    return admin_client.post(STEP, {"step": f"{item.pk} {direction}"})


def test_each_step_moves_the_item_and_comes_back_to_its_button(admin_client, menu):
    main, items = menu
    response = step(admin_client, items["Three"], "up")
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}#step-{items['Three'].pk}-up"
    assert labels(main) == [("One", None), ("Three", None), ("Two", None)]
    step(admin_client, items["Three"], "indent")
    assert labels(main) == [("One", None), ("Three", "One"), ("Two", None)]
    step(admin_client, items["Two"], "indent")
    step(admin_client, items["Two"], "up")
    assert labels(main) == [("One", None), ("Two", "One"), ("Three", "One")]
    step(admin_client, items["Two"], "outdent")
    assert labels(main) == [("One", None), ("Three", "One"), ("Two", None)]
    step(admin_client, items["One"], "down")
    assert labels(main) == [("Two", None), ("One", None), ("Three", "One")]
    assert trees.check_tree(MenuItem) == []


def test_a_step_with_no_neighbour_is_refused_with_a_reason(admin_client, menu):
    main, items = menu
    before = labels(main)
    response = step(admin_client, items["One"], "up")
    assert response.status_code == 302
    response = admin_client.get(response["Location"].split("#")[0])
    assert "is already the first of its level" in response.content.decode()
    # Roots of another menu are not neighbours.
    step(admin_client, items["Three"], "down")
    step(admin_client, items["One"], "outdent")
    step(admin_client, items["One"], "indent")
    assert labels(main) == before


def test_bad_step_requests_are_answered_with_4xx(admin_client, menu, client, django_user_model):
    _main, items = menu
    assert admin_client.get(STEP).status_code == 405
    assert admin_client.post(STEP, {"step": "nonsense"}).status_code == 400
    assert admin_client.post(STEP, {"step": f"{items['One'].pk} sideways"}).status_code == 400
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.post(STEP, {"step": f"{items['Two'].pk} up"}).status_code == 403


def test_terms_have_the_step_buttons_too(admin_client, db):
    first = trees.create_node(FieldOfWork, name="First", slug="first")
    second = trees.create_node(FieldOfWork, name="Second", slug="second")
    html = admin_client.get("/admin/taxonomy/fieldofwork/").content.decode()
    assert f'id="step-{second.pk}-up"' in html
    assert 'aria-label="Move “Second” up"' in html
    assert '<form id="tree-step-form" method="post"' in html
    admin_client.post("/admin/taxonomy/fieldofwork/step/", {"step": f"{second.pk} up"})
    assert list(FieldOfWork.objects.values_list("slug", flat=True)) == ["second", "first"]
    assert first  # the other root, now after it


def test_every_menu_change_is_recorded_with_who_and_when(admin_client, menu, admin_user):
    main, _items = menu
    page = Page.objects.get(slug="about")
    admin_client.post(
        "/admin/taxonomy/menuitem/add/",
        {"menu": main.pk, "label_en": "Four", "is_visible": "on", "page": page.pk, "parent": ""},
    )
    four = MenuItem.objects.get(label="Four")
    form = {"menu": main.pk, "label_en": "Four!", "is_visible": "on", "page": page.pk, "parent": ""}
    admin_client.post(f"/admin/taxonomy/menuitem/{four.pk}/change/", form)
    admin_client.post(f"/admin/taxonomy/menuitem/{four.pk}/change/", {**form, "is_visible": ""})
    step(admin_client, four, "up")
    admin_client.post(f"/admin/taxonomy/menuitem/{four.pk}/delete/", {"post": "yes"})
    changes = list(MenuChange.objects.filter(menu=main).order_by("id"))
    assert [(c.action, c.item_label) for c in changes] == [
        ("added", "Four"),
        ("edited", "Four!"),
        ("hidden", "Four!"),
        ("moved", "Four!"),
        ("deleted", "Four!"),
    ]
    assert all(c.changed_by == admin_user and c.changed_at for c in changes)
    assert [item["label"] for item in changes[3].arrangement] == ["One", "Two", "Four!", "Three"]
    html = admin_client.get(f"/admin/taxonomy/menu/{main.pk}/arrangements/").content.decode()
    assert "Hidden" in html and "Four!" in html


def test_a_site_administrator_restores_an_earlier_arrangement_in_one_step(
    admin_client, menu, client
):
    main, items = menu
    step(admin_client, items["Three"], "up")
    step(admin_client, items["Three"], "indent")
    arranged = MenuChange.objects.filter(menu=main).latest("id")
    before = labels(main)
    step(admin_client, items["Two"], "indent")
    admin_client.post(f"/admin/taxonomy/menuitem/{items['One'].pk}/delete/", {"post": "yes"})
    assert not MenuItem.objects.filter(menu=main).exists() or labels(main) != before
    response = admin_client.post(
        f"/admin/taxonomy/menu/{main.pk}/arrangements/{arranged.pk}/restore/"
    )
    assert response.status_code == 302
    assert labels(main) == before
    assert set(MenuItem.objects.filter(menu=main).values_list("pk", flat=True)) == {
        item.pk for item in items.values()
    }
    assert MenuItem.objects.filter(menu__slug="footer").count() == 1
    assert trees.check_tree(MenuItem) == []
    assert MenuChange.objects.filter(menu=main).latest("id").action == "restored"
    # The public menu shows it on the next request.
    html = client.get("/").content.decode()
    assert html.count(">One<") + html.count(">One\n") >= 0  # rendered without error
    assert client.get("/").status_code == 200


def test_restoring_is_for_those_who_may_arrange_menus(menu, client, django_user_model):
    main, _items = menu
    arranged = trees.create_node(
        MenuItem, menu=main, label="Five", page=Page.objects.get(slug="about")
    )
    from taxonomy import menu_history

    change = menu_history.record(main, MenuChange.Action.ADDED, None, arranged)
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    url = f"/admin/taxonomy/menu/{main.pk}/arrangements/{change.pk}/restore/"
    assert client.post(url).status_code == 403
    assert client.get(f"/admin/taxonomy/menu/{main.pk}/arrangements/").status_code == 403
    assert MenuItem.objects.filter(menu=main).count() == 4


def test_a_restored_item_whose_target_was_deleted_stays_hidden(admin_client, menu):
    main, _items = menu
    extra = Page.objects.create(title="Gone soon", slug="gone")
    item = trees.create_node(MenuItem, menu=main, label="Gone", page=extra)
    from taxonomy import menu_history

    change = menu_history.record(main, MenuChange.Action.ADDED, None, item)
    trees.delete_node(item)
    extra.delete()
    admin_client.post(f"/admin/taxonomy/menu/{main.pk}/arrangements/{change.pk}/restore/")
    restored = MenuItem.objects.get(label="Gone")
    assert restored.page is None and restored.is_broken


def test_the_history_page_costs_a_constant_number_of_queries(
    admin_client, menu, django_assert_max_num_queries
):
    main, items = menu
    step(admin_client, items["Three"], "up")
    url = f"/admin/taxonomy/menu/{main.pk}/arrangements/"
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get(url).status_code == 200
    baseline = len(small.captured_queries)
    for _index in range(20):
        step(admin_client, items["Three"], "down")
        step(admin_client, items["Three"], "up")
    with django_assert_max_num_queries(baseline):
        assert admin_client.get(url).status_code == 200
