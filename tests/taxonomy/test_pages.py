import re

import pytest

from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, MenuItem

PUBLIC_PAGES = [
    "/",
    "/fields-of-work/",
    "/fields-of-work/policing/",
    "/countries/",
    "/countries/participating-states/",
    "/countries/finland/",
    "/structures/",
    "/structures/secretariat/",
    "/structures/secretariat/transnational-threats-department/",
    "/structures/field-operations/mission-in-kosovo/",
    "/meetings/",
    "/meetings/partnerships/",
    "/places/minsk/",
    "/pages/about-us/",
    "/pages/closed-field-activities/",
]
MISSING_PAGES = [
    "/fields-of-work/no-such-field/",
    "/countries/atlantis/",
    "/structures/transnational-threats-department/",
    "/structures/field-operations/transnational-threats-department/",
    "/structures/secretariat/transnational-threats-department/extra/",
    "/meetings/no-such-meeting/",
    "/places/atlantis/",
    "/pages/no-such-page/",
    "/no/such/path/",
]


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_answers_with_one_h1_and_the_navigation(client, demo, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert 'aria-label="Main"' in html and "Our work" in html
    assert '<main id="main"' in html and 'href="#main"' in html


@pytest.mark.parametrize("url", MISSING_PAGES)
def test_missing_page_is_a_styled_404_with_navigation(client, demo, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert h1_count(html) == 1
    assert 'aria-label="Main"' in html and "Structures and institutions" in html


def test_structure_page_shows_breadcrumbs_children_and_description(client, demo):
    html = client.get("/structures/secretariat/").content.decode()
    assert "<h1>Secretariat</h1>" in html
    assert "OSCE Secretariat" in html
    assert 'href="/structures/secretariat/transnational-threats-department/"' in html
    assert "headed by the Secretary General" in html

    html = client.get("/structures/secretariat/conflict-prevention-centre/").content.decode()
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert 'href="/structures/"' in crumbs
    assert 'href="/structures/secretariat/"' in crumbs
    assert '<span aria-current="page">Conflict Prevention Centre</span>' in crumbs


def test_country_index_is_grouped(client, demo):
    html = client.get("/countries/").content.decode()
    for group in ["Participating States", "Asian Partners for Co-operation"]:
        assert f">{group}</a></h2>" in html
    assert html.index("Participating States") < html.index(">Finland<")


def test_active_menu_item_is_marked_current(client, demo):
    html = client.get("/fields-of-work/policing/").content.decode()
    assert '<a href="/fields-of-work/policing/" aria-current="page">Policing</a>' in html
    assert html.count('aria-current="page"') == 2  # the menu item and the breadcrumb


def test_hidden_items_and_items_without_target_are_not_shown(client, demo):
    MenuItem.objects.filter(label="Arms control").update(is_visible=False)
    trees.delete_node(FieldOfWork.objects.get(slug="youth"))  # the menu item loses its target
    html = client.get("/").content.decode()
    assert (
        "Arms control</a></li>"
        not in html.split('aria-label="Footer"')[0].split("Explore our work")[0]
    )
    assert ">Youth<" not in html
    assert MenuItem.objects.filter(label="Youth").exists()


def test_place_page_links_to_its_country(client, demo):
    html = client.get("/places/minsk/").content.decode()
    assert 'href="/countries/belarus/"' in html


def test_page_body_is_sanitised_on_output(client, demo):
    from taxonomy.models import Page

    Page.objects.filter(slug="about-us").update(body='<p onclick="x()">Hi<script>bad()</script>')
    html = client.get("/pages/about-us/").content.decode()
    assert "bad()" not in html and "onclick" not in html
    assert "<p>Hi</p>" in html


def test_sitemap_lists_the_taxonomy_pages(client, demo):
    xml = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ("structures", "countries", "pages")
    )
    assert "/structures/field-operations/mission-in-kosovo/</loc>" in xml
    assert "/countries/finland/</loc>" in xml
    assert "/pages/about-us/</loc>" in xml


def test_country_page_lists_the_field_operation_working_there(client, demo):
    html = client.get("/countries/moldova/").content.decode()
    assert 'href="/structures/field-operations/mission-to-moldova/"' in html
    assert Country.objects.get(slug="moldova").iso_code in html


def test_mega_menu_buttons_control_their_panels(client, demo):
    html = client.get("/").content.decode()
    controls = re.findall(r'aria-expanded="false" aria-controls="([\w-]+)"', html)
    assert len(controls) == 5  # four panels and the small-screen menu button
    for panel_id in controls:
        assert f'id="{panel_id}"' in html
    assert '<script src="/static/js/menu.js" defer></script>' in html
    assert "<script>" not in html and "style=" not in html


def test_server_error_page_renders_without_the_database(rf):
    from osce_cms.views import server_error

    # No database fixture: pytest-django makes any query raise here.
    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert h1_count(html) == 1 and 'lang="en"' in html
