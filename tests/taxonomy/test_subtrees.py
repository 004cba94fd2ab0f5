"""The one subtree rule: a node or its descendants, in each form the site asks it."""

import pytest
from django.db.models import Exists

from editorial.models import EditorialScope
from taxonomy import subtrees, trees
from taxonomy.models import Structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    secretariat = trees.create_node(Structure, name="Secretariat", slug="sec", path="sec")
    unit = trees.create_node(Structure, secretariat, name="Unit", slug="unit", path="sec/unit")
    desk = trees.create_node(Structure, unit, name="Desk", slug="desk", path="sec/unit/desk")
    other = trees.create_node(Structure, name="Mission", slug="mission", path="mission")
    return {name: Structure.objects.get(pk=node.pk) for name, node in locals().items()}


def names(queryset):
    return sorted(queryset.values_list("slug", flat=True))


def test_within_is_the_node_and_its_descendants(tree):
    assert names(Structure.objects.filter(subtrees.within("", [tree["unit"]]))) == [
        "desk",
        "unit",
    ]
    both = [tree["desk"], tree["other"]]
    assert names(Structure.objects.filter(subtrees.within("", both))) == ["desk", "mission"]
    assert names(Structure.objects.filter(subtrees.within("", []))) == []


def test_containing_is_the_node_and_its_ancestors(tree):
    assert names(Structure.objects.filter(subtrees.containing("", tree["desk"]))) == [
        "desk",
        "sec",
        "unit",
    ]


def test_the_outer_forms_agree_with_the_plain_ones(tree, django_user_model):
    user = django_user_model.objects.create(username="officer")
    EditorialScope.objects.create(user=user, structure=tree["unit"])
    covered = Structure.objects.filter(
        Exists(EditorialScope.objects.filter(subtrees.containing_outer("structure"), user=user))
    )
    assert names(covered) == ["desk", "unit"]
    below_unit = Structure.objects.filter(
        Exists(Structure.objects.filter(subtrees.within_outer(""), slug="desk"))
    )
    assert names(below_unit) == ["desk", "sec", "unit"]


def test_contains_on_loaded_nodes_and_positions(tree):
    unit, desk, other = tree["unit"], tree["desk"], tree["other"]
    assert subtrees.contains(unit, desk) and subtrees.contains(unit, unit)
    assert not subtrees.contains(desk, unit) and not subtrees.contains(unit, other)
    assert subtrees.contains((unit.tree_id, unit.lft, unit.rght), desk)
