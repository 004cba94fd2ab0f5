"""Query budgets: a menu costs one query (none once cached), tree pages a constant number however
big the tree."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from osce_cms.caching import current_generation, request_generation
from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, Menu, MenuItem, Structure

MENU_BUDGET = 1
# Detail: the content generation, node, ancestors, children, two menus (on a cold fragment
# cache), a country's structures and places, the latest press releases and documents of the
# subtree (press.taxonomy_pages, documents.taxonomy_pages) and its upcoming events
# (meetings.taxonomy_pages).
DETAIL_BUDGET = 10
INDEX_BUDGET = 4


@pytest.fixture(autouse=True)
def _generation_row(db):
    current_generation()  # the row exists on a live site after its first request


def menu_request(path="/"):
    request = RequestFactory().get(path)
    request_generation(request)  # read first on every request (page cache or first fragment)
    return request


def render_menu(request):
    return Template("{% load navigation %}{% main_menu %}").render(Context({"request": request}))


def test_main_menu_costs_one_query(demo, django_assert_max_num_queries):
    request = menu_request("/fields-of-work/policing/")
    with django_assert_max_num_queries(MENU_BUDGET):
        html = render_menu(request)
    assert html.count("<a ") > 140


def test_a_cached_menu_costs_no_query(demo, django_assert_num_queries):
    render_menu(menu_request("/fields-of-work/policing/"))
    request = menu_request("/fields-of-work/policing/")
    with django_assert_num_queries(0):
        html = render_menu(request)
    assert html.count("<a ") > 140
    assert html.count('aria-current="page"') >= 1


def test_menu_with_every_kind_of_target_costs_one_query(make_tree, django_assert_num_queries):
    menu = Menu.objects.create(name="Main", slug="main")
    heading = trees.create_node(MenuItem, menu=menu, label="Heading", is_heading=True)
    for model, field in [(FieldOfWork, "field_of_work"), (Structure, "structure")]:
        for node in make_tree(model, depth=3, width=5, prefix=field):
            trees.create_node(MenuItem, heading, menu=menu, label=node.name, **{field: node})
    trees.create_node(MenuItem, heading, menu=menu, label="Ext", external_url="https://a.org/")
    request = menu_request()
    with django_assert_num_queries(1):
        html = render_menu(request)
    assert html.count("<a ") == 17


@pytest.mark.parametrize(
    ("model", "url"),
    [
        (FieldOfWork, "/fields-of-work/{slug}/"),
        (Country, "/countries/{slug}/"),
        (Structure, "/structures/{path}/"),
    ],
)
def test_detail_pages_cost_the_same_for_deep_and_wide_trees(
    client, make_tree, django_assert_max_num_queries, model, url
):
    deep = make_tree(model, depth=25, prefix="deep")
    wide = make_tree(model, width=80, prefix="wide")
    for created in (deep[-1], deep[0], wide[0], wide[-1]):
        node = model.objects.get(pk=created.pk)
        address = url.format(slug=node.slug, path=getattr(node, "path", ""))
        with django_assert_max_num_queries(DETAIL_BUDGET):
            response = client.get(address)
        assert response.status_code == 200


@pytest.mark.parametrize("url", ["/fields-of-work/", "/countries/", "/structures/", "/meetings/"])
def test_index_pages_cost_the_same_for_small_and_large_trees(
    client, make_tree, django_assert_max_num_queries, url
):
    model = {
        "/fields-of-work/": FieldOfWork,
        "/countries/": Country,
        "/structures/": Structure,
    }.get(url)
    with django_assert_max_num_queries(INDEX_BUDGET):
        assert client.get(url).status_code == 200
    if model:
        make_tree(model, depth=20, width=60)
    with django_assert_max_num_queries(INDEX_BUDGET):
        assert client.get(url).status_code == 200


def test_home_page_has_a_fixed_budget(client, demo, django_assert_max_num_queries):
    # The generation, two menus, the fields of work, the latest press releases, the next events.
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200
