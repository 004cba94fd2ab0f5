"""The meetings tests' world: small taxonomy trees and an event factory."""

import pytest

from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, MeetingType, Place, Structure


@pytest.fixture
def world_nodes():
    councils = trees.create_node(
        MeetingType, name="Ministerial Council meetings", slug="ministerial-council-meetings"
    )
    summits = trees.create_node(MeetingType, name="Summit meetings", slug="summit-meetings")
    secretariat = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    unit = trees.create_node(Structure, name="Gender Issues", slug="gender", parent=secretariat)
    mission = trees.create_node(Structure, name="Mission in Kosovo", slug="mission-in-kosovo")
    austria = trees.create_node(Country, name="Austria", slug="austria", iso_code="AT")
    vienna = trees.create_node(Place, name="Vienna", slug="vienna", country=austria)
    gender = trees.create_node(FieldOfWork, name="Gender equality", slug="gender-equality")
    return {
        "councils": councils,
        "summits": summits,
        "secretariat": secretariat,
        "unit": unit,
        "mission": mission,
        "austria": austria,
        "vienna": vienna,
        "gender": gender,
    }
