"""Closed structures: notice, out of current navigation and new-content pickers, still in the
filters and on old releases, and listed on the closed field activities page by year."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from press.forms import PressReleaseAdminForm
from press.models import PressRelease, Status
from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, Menu, MenuItem, Page, PageListing, Structure

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


@pytest.fixture
def operations(db):
    root = trees.create_node(Structure, name="Field operations", slug="field-operations")
    georgia = Country.objects.create(name="Georgia", slug="georgia", iso_code="GE")
    current = trees.create_node(Structure, root, name="Mission to Moldova", slug="moldova")
    tbilisi = trees.create_node(
        Structure,
        root,
        name="Mission to Georgia",
        slug="mission-to-georgia",
        opened_on=datetime.date(1992, 11, 6),
        closed_on=datetime.date(2009, 6, 30),
        description="Monitored the zone of conflict.",
    )
    tbilisi.countries.add(georgia)
    zagreb = trees.create_node(
        Structure,
        root,
        name="Office in Zagreb",
        slug="zagreb",
        closed_on=datetime.date(2011, 12, 31),
    )
    croatia = trees.create_node(
        Structure,
        root,
        name="Mission to Croatia",
        slug="croatia",
        closed_on=datetime.date(2007, 12, 31),
    )
    closing_today = trees.create_node(
        Structure, root, name="Closing today", slug="today", closed_on=TODAY
    )
    later = trees.create_node(
        Structure,
        root,
        name="Closing later",
        slug="later",
        closed_on=TODAY + datetime.timedelta(days=30),
    )
    return root, current, tbilisi, zagreb, croatia, closing_today, later


def test_a_closed_structure_keeps_its_page_with_a_notice(client, operations):
    tbilisi = operations[2]
    response = client.get(tbilisi.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Closed since 30 June 2009." in html
    assert "It opened on 6 November 1992." in html
    later = client.get(operations[6].get_absolute_url()).content.decode()
    assert "Closed since" not in later


def test_closed_structures_leave_the_structure_index_and_the_parent_page(client, operations):
    root, current, tbilisi, *_rest = operations
    index = client.get("/structures/").content.decode()
    assert current.name in index and "Closing later" in index
    assert tbilisi.name not in index and "Closing today" not in index
    parent_page = client.get(root.get_absolute_url()).content.decode()
    assert current.name in parent_page and tbilisi.name not in parent_page


def test_menu_items_of_closed_structures_leave_the_navigation(client, operations):
    root, current, tbilisi, *_rest = operations
    menu = Menu.objects.create(name="Main", slug="main")
    heading = trees.create_node(MenuItem, menu=menu, label="Field operations", structure=root)
    trees.create_node(MenuItem, heading, menu=menu, label="Moldova menu item", structure=current)
    trees.create_node(MenuItem, heading, menu=menu, label="Georgia menu item", structure=tbilisi)
    html = client.get("/").content.decode()
    assert "Moldova menu item" in html
    assert "Georgia menu item" not in html


def test_the_closed_field_activities_page_lists_them_by_year_of_closing(client, operations):
    page = Page.objects.create(
        title="Closed field activities",
        slug="closed-field-activities",
        listing=PageListing.CLOSED_STRUCTURES,
        body="<p>Completed mandates.</p>",
        status=Status.PUBLISHED,
    )
    response = client.get(page.get_absolute_url())
    html = response.content.decode()
    assert "Completed mandates." in html
    years = [str(TODAY.year), "2011", "2009", "2007"]
    positions = [html.index(f"Closed in {year}") for year in years]
    assert positions == sorted(positions)
    assert (
        html.index("Office in Zagreb")
        < html.index("Mission to Georgia")
        < html.index("Mission to Croatia")
    )
    assert "Closing later" not in html and "Mission to Moldova" not in html
    # Each with its country and its description.
    assert 'href="/countries/georgia/"' in html
    assert "Monitored the zone of conflict." in html


def test_the_closed_list_costs_a_constant_number_of_queries(
    client, operations, django_assert_max_num_queries
):
    page = Page.objects.create(
        title="Closed",
        slug="closed",
        listing=PageListing.CLOSED_STRUCTURES,
        status=Status.PUBLISHED,
    )
    client.get(page.get_absolute_url())  # warm the menus and the generation
    root = operations[0]
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(page.get_absolute_url())
    baseline = len(captured.captured_queries)
    assert baseline > 0
    for year in range(1995, 2005):
        node = trees.create_node(
            Structure,
            root,
            name=f"Closed {year}",
            slug=f"c{year}",
            closed_on=datetime.date(year, 5, 1),
        )
        node.countries.add(Country.objects.get(slug="georgia"))
    cache.clear()
    with django_assert_max_num_queries(baseline):
        response = client.get(page.get_absolute_url())
    assert "Closed in 1995" in response.content.decode()


def test_the_demo_has_the_documented_closed_field_operations_at_the_menus_address(client, demo):
    item = MenuItem.objects.get(menu__slug="main", label="Closed field activities")
    html = client.get(item.get_url()).content.decode()
    for name, year in [
        ("Mission to Croatia", 2007),
        ("Mission to Georgia", 2009),
        ("Project Co-ordinator in Baku", 2015),
        ("Office in Minsk", 2011),
        ("Advisory and Monitoring Group in Belarus", 2002),
        ("Office in Yerevan", 2017),
        ("Project Co-ordinator in Ukraine", 2022),
        ("Special Monitoring Mission to Ukraine", 2022),
    ]:
        structure = Structure.objects.get(name=name)
        assert structure.closed_on.year == year
        assert structure.opened_on < structure.closed_on
        assert structure.countries.exists() and structure.description
        assert name in html
    assert Structure.objects.get(name="Mission to Croatia").opened_on.year == 1996
    assert Structure.objects.get(name="Project Co-ordinator in Baku").former_name_list == [
        "Office in Baku"
    ]


@pytest.fixture
def release_world(operations):
    _root, current, tbilisi, *_rest = operations
    topic = FieldOfWork.objects.create(name="Elections", slug="elections")
    old = PressRelease.objects.create(
        title="Mission to Georgia report",
        lead="A report.",
        source=tbilisi,
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=5000),
    )
    old.fields_of_work.add(topic)
    return current, tbilisi, topic, old


def form_data(release, **changes):
    data = {
        "title": release.title,
        "slug": release.slug,
        "lead": release.lead,
        "published_at": "2009-01-01 10:00",
        "source": release.source_id,
        "kind": "press-release",
        "language": "en",
        "fields_of_work": [t.pk for t in release.fields_of_work.all()],
    }
    data.update(changes)
    return data


def test_a_closed_structure_cannot_be_the_source_of_new_content(release_world):
    current, _tbilisi, _topic, old = release_world
    form = PressReleaseAdminForm(data=form_data(old, slug="new-one", title="New one"))
    assert not form.is_valid()
    assert "closed on 30 June 2009" in form.errors["source"][0]
    form = PressReleaseAdminForm(
        data=form_data(old, slug="new-two", title="New", source=current.pk)
    )
    assert form.is_valid(), form.errors


def test_an_old_release_keeps_its_closed_source_when_edited(release_world):
    _current, tbilisi, _topic, old = release_world
    form = PressReleaseAdminForm(instance=old, data=form_data(old, title="Corrected title"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["source"] == tbilisi


def test_the_source_picker_offers_only_current_structures(admin_client, release_world):
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "press",
            "model_name": "pressrelease",
            "field_name": "source",
            "term": "Mission",
        },
    )
    names = [result["text"] for result in response.json()["results"]]
    assert "Mission to Moldova" in names
    assert "Mission to Georgia" not in names


def test_a_closed_structure_stays_in_the_newsroom_filters(client, release_world):
    _current, tbilisi, _topic, old = release_world
    response = client.get("/press-releases/", {"source": tbilisi.slug})
    assert response.status_code == 200
    assert old.title in response.content.decode()
    sources = next(facet for facet in response.context["facets"] if facet["name"] == "source")
    assert [item["node"].slug for item in sources["items"]] == [
        "field-operations",
        "mission-to-georgia",
    ]
