"""The rendered menus are cached, and never wrong: edits, current item, languages, hidden items.

The page cache is off in the test settings, so every request renders the page; the menus come
from their own fragment cache once rendered (``taxonomy/templatetags/navigation.py``).
"""

import re
from functools import partial

import pytest

from osce_cms.caching import current_generation
from taxonomy import trees
from taxonomy.models import FieldOfWork, Menu, MenuItem


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes behave as if committed: the content generation advances at the block's end."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def menu(db):
    current_generation()  # the row exists on a live site after its first request
    main = Menu.objects.create(name="Main", slug="main")
    heading = trees.create_node(MenuItem, menu=main, label="Our work", is_heading=True)
    for name in ("Policing", "Elections"):
        field = trees.create_node(FieldOfWork, name=name, slug=name.lower())
        trees.create_node(MenuItem, heading, menu=main, label=name, field_of_work=field)
    return main


def main_nav(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index("main-nav"))]


def current_links(nav):
    return re.findall(r'<a [^>]*href="([^"]+)" aria-current="page"', nav)


def test_a_menu_edit_shows_on_the_next_request_with_the_menu_cached(client, menu, committed):
    for _ in range(2):  # the second request is served the cached menu
        assert ">Policing<" in main_nav(client, "/fields-of-work/elections/")
    item = MenuItem.objects.get(label="Policing")
    with committed():
        item.label = "Policing and border security"
        item.save()
    nav = main_nav(client, "/fields-of-work/elections/")
    assert ">Policing and border security<" in nav
    assert ">Policing<" not in nav


def test_a_hidden_item_disappears_on_the_next_request(client, menu, committed):
    assert "/fields-of-work/policing/" in main_nav(client, "/")
    item = MenuItem.objects.get(label="Policing")
    with committed():
        item.is_visible = False
        item.save()
    nav = main_nav(client, "/")
    assert "/fields-of-work/policing/" not in nav
    assert "/fields-of-work/elections/" in nav


def test_the_current_item_is_marked_on_each_page_with_the_menu_cached(client, menu):
    for _ in range(2):
        for slug in ("policing", "elections"):
            nav = main_nav(client, f"/fields-of-work/{slug}/")
            assert current_links(nav) == [f"/fields-of-work/{slug}/"]
            assert "is-in-trail" in nav
        nav = main_nav(client, "/")
        assert current_links(nav) == []
        assert "is-in-trail" not in nav


def test_each_language_has_its_own_cached_menu(client, menu):
    for _ in range(2):
        english = main_nav(client, "/fields-of-work/policing/")
        french = main_nav(client, "/fr/fields-of-work/policing/")
        assert current_links(english) == ["/fields-of-work/policing/"]
        assert current_links(french) == ["/fr/fields-of-work/policing/"]
        assert 'href="/fields-of-work/elections/"' not in french
