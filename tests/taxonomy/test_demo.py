import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, MeetingType, MenuItem, Page, Place, Structure

# Measured at 596 with the demo of this session; one query per row would be thousands.
LOAD_DEMO_QUERY_BUDGET = 700

# Every name in the navigation of the seed page (../shared/seeds), as data.
SEED_NAVIGATION = [
    "Our work", "Fields of work", "Arms control", "Border management",
    "Combating trafficking in human beings", "Conflict prevention and resolution",
    "Countering terrorism", "Cyber/ICT Security", "Democratization", "Economic activities",
    "Education", "Elections", "Environmental activities", "Gender equality", "Good governance",
    "Human rights", "Media freedom and development", "Migration", "National minority issues",
    "Policing", "Reform and co-operation in the security sector", "Roma and Sinti",
    "Rule of law", "Tolerance and non-discrimination", "Youth", "Field operations", "Projects",
    "Meetings and conferences", "Summit meetings", "Review Conferences",
    "Ministerial Council meetings", "Plenary meetings of the Permanent Council",
    "Plenary Meetings of the Forum for Security Co-operation", "Security Review Conferences",
    "Annual Implementation Assessment Meetings", "Economic and Environmental Forum",
    "Economic and Environmental Dimension Implementation Meetings", "Human rights meetings",
    "Media conferences", "Cyber/ICT security conferences",
    "Conference of the Alliance against Trafficking in Persons", "Gender equality conferences",
    "Annual OSCE Mediterranean conferences", "Annual OSCE Asian conferences", "Partnerships",
    "Countries", "All", "Participating States", "Albania", "Andorra", "Armenia", "Austria",
    "Azerbaijan", "Belgium", "Belarus", "Bosnia and Herzegovina", "Bulgaria", "Canada",
    "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland – OSCE Chairpersonship 2025",
    "France", "Georgia", "Germany", "Greece", "Holy See", "Hungary", "Iceland", "Ireland",
    "Italy", "Kazakhstan", "Kyrgyzstan", "Latvia", "Liechtenstein", "Lithuania", "Luxembourg",
    "Malta", "Moldova", "Monaco", "Mongolia", "Montenegro", "The Netherlands",
    "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Russian Federation",
    "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland",
    "Tajikistan", "Türkiye", "Turkmenistan", "Ukraine", "United Kingdom",
    "United States of America", "Uzbekistan", "Asian Partners for Co-operation",
    "Mediterranean Partners for Co-operation", "Structures and institutions", "Chairpersonship",
    "Secretariat", "Secretary General", "Office of the Secretary General",
    "Conflict Prevention Centre", "Transnational Threats Department",
    "Office of the Special Representative and Co-ordinator for Combating Trafficking in Human "
    "Beings",
    "Office of the Co-ordinator of OSCE Economic and Environmental Activities",
    "Gender Issues Programme", "Opportunities for Youth", "Department of Human Resources",
    "Department of Management and Finance", "Office of Internal Oversight",
    "Documentation Centre in Prague", "Institutions", "Presence in Albania",
    "Centre in Ashgabat", "Programme Office in Astana", "Programme Office in Bishkek",
    "Mission to Bosnia and Herzegovina", "Programme Office in Dushanbe", "Mission in Kosovo",
    "Mission to Moldova", "Mission to Montenegro", "Mission to Serbia", "Mission to Skopje",
    "Project Co-ordinator in Uzbekistan", "Closed field activities", "Parliamentary Assembly",
    "Court of Conciliation and Arbitration", "Organizational structure", "About us",
]  # fmt: skip

TREE_MODELS = (FieldOfWork, Country, Structure, Place, MeetingType, MenuItem)


def snapshot():
    rows = {model: list(model.objects.order_by("pk").values()) for model in TREE_MODELS}
    rows[Page] = list(Page.objects.order_by("pk").values("slug", "title", "body"))
    rows["links"] = sorted(Structure.countries.through.objects.values_list("pk", flat=True))
    return rows


def main_menu_labels():
    return set(MenuItem.objects.filter(menu__slug="main").values_list("label", flat=True))


def test_every_name_of_the_seed_navigation_is_in_the_main_menu(demo):
    assert set(SEED_NAVIGATION) - main_menu_labels() == set()


def test_the_seed_navigation_is_mirrored_in_order(demo):
    top = MenuItem.objects.filter(menu__slug="main", level=0).order_by("tree_id")
    assert [item.label for item in top] == [
        "Our work",
        "Meetings and conferences",
        "Fields of work",
        "Countries",
        "Structures and institutions",
    ]
    states = MenuItem.objects.get(menu__slug="main", label="Participating States")
    labels = [item.label for item in states.get_children()]
    assert len(labels) == 57
    assert labels[15] == "Finland – OSCE Chairpersonship 2025"
    assert all(item.country_id for item in states.get_children())


def test_the_institutions_in_the_menu_link_to_their_structure_pages(demo):
    institutions = MenuItem.objects.get(
        menu__slug="main", parent__label="Structures and institutions", label="Institutions"
    )
    children = institutions.get_children().select_related("structure")
    assert [item.structure.parent.slug for item in children] == ["institutions"] * 3
    assert [item.label for item in children] == [
        "Office for Democratic Institutions and Human Rights",
        "High Commissioner on National Minorities",
        "Representative on Freedom of the Media",
    ]


def test_every_field_of_work_structure_and_meeting_type_has_a_description(demo):
    for model in (FieldOfWork, Structure, MeetingType):
        assert not model.objects.filter(description="").exists(), model
    kosovo = Structure.objects.get(slug="mission-in-kosovo").description
    assert kosovo == (
        "Works with local institutions on security, democratic institutions, the rule of law "
        "and human rights, from its office in Pristina."
    )


def test_the_trees_hold_the_seed_vocabularies(demo):
    assert FieldOfWork.objects.count() == 23
    assert MeetingType.objects.count() == 17
    groups = {
        group.name: sorted(group.get_children().values_list("name", flat=True))
        for group in Country.objects.filter(parent=None)
    }
    assert len(groups["Participating States"]) == 57
    assert "Finland" in groups["Participating States"]
    assert groups["Asian Partners for Co-operation"] == [
        "Afghanistan",
        "Australia",
        "Japan",
        "Republic of Korea",
        "Thailand",
    ]
    assert groups["Mediterranean Partners for Co-operation"] == [
        "Algeria",
        "Egypt",
        "Israel",
        "Jordan",
        "Morocco",
        "Tunisia",
    ]
    assert Country.objects.get(name="Finland").iso_code == "FI"
    secretariat = Structure.objects.get(slug="secretariat")
    assert secretariat.public_name == "OSCE Secretariat"
    assert secretariat.get_children().count() == 12
    field_operations = Structure.objects.get(slug="field-operations")
    assert field_operations.get_children().current().count() == 12
    assert field_operations.get_children().closed().count() == 9
    assert Structure.objects.get(slug="institutions").get_children().count() == 3
    moldova_mission = Structure.objects.get(slug="mission-to-moldova")
    assert list(moldova_mission.countries.values_list("iso_code", flat=True)) == ["MD"]
    assert Place.objects.get(slug="minsk").country.name == "Belarus"
    assert Place.objects.get(slug="vienna").country.name == "Austria"
    assert set(Page.objects.values_list("slug", flat=True)) >= {
        "about-us",
        "organizational-structure",
        "projects",
        "closed-field-activities",
    }
    assert MenuItem.objects.filter(menu__slug="footer").exists()
    for model in TREE_MODELS:
        assert trees.check_tree(model) == []


def test_every_main_menu_item_links_somewhere(demo):
    for item in MenuItem.objects.filter(menu__slug="main", is_heading=False):
        assert item.get_url(), item.label


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == before
    assert "0 node(s) created" in output.getvalue()


def test_loading_again_keeps_every_edit_move_and_deletion(demo):
    FieldOfWork.objects.filter(slug="policing").update(name="Renamed")
    Structure.objects.filter(slug="secretariat").update(description="Our own words.")
    top = MenuItem.objects.filter(menu__slug="main", level=0)
    trees.move_node(top.get(label="Countries"), top.get(label="Our work"), "left")
    MenuItem.objects.filter(menu__slug="main", label="Fields of work", level=0).update(
        label="Topics"
    )
    trees.delete_node(MenuItem.objects.get(menu__slug="main", label="Projects"))
    Page.objects.filter(slug="projects").delete()
    before = snapshot()

    output = io.StringIO()
    call_command("load_demo", stdout=output)

    assert snapshot() == before
    assert FieldOfWork.objects.get(slug="policing").name == "Renamed"
    assert not MenuItem.objects.filter(menu__slug="main", label="Fields of work", level=0).exists()
    assert not MenuItem.objects.filter(label="Projects").exists()
    assert "0 node(s) created" in output.getvalue()


@pytest.mark.django_db
def test_load_demo_writes_in_bulk():
    # Its speed is measured by make bench (load time); here its query count, which does not
    # depend on the machine's load: bulk writes, not one query per node, release or event.
    with CaptureQueriesContext(connection) as queries:
        call_command("load_demo", stdout=io.StringIO())
    assert len(queries) < LOAD_DEMO_QUERY_BUDGET
