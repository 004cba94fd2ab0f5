import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, connections

from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, Menu, MenuItem, Place, Structure


def names(model):
    return list(model.objects.order_by("tree_id", "lft").values_list("name", flat=True))


def test_created_children_come_last_in_order_and_the_tree_stays_valid(db):
    root = trees.create_node(FieldOfWork, name="Security", slug="security")
    for name in ["Arms", "Borders", "Cyber"]:
        trees.create_node(FieldOfWork, root, name=name, slug=name.lower())

    assert names(FieldOfWork) == ["Security", "Arms", "Borders", "Cyber"]
    assert trees.check_tree(FieldOfWork) == []


def test_move_node_reorders_siblings_and_reparents(make_tree):
    _root, *children = make_tree(FieldOfWork, width=3)
    first, second, third = children

    trees.move_node(third, first, "left")
    assert names(FieldOfWork)[1:] == ["n child 2", "n child 0", "n child 1"]

    trees.move_node(second, first, "last-child")
    moved = FieldOfWork.objects.get(pk=second.pk)
    assert moved.parent_id == first.pk and moved.level == 2
    assert trees.check_tree(FieldOfWork) == []


def test_move_into_own_subtree_is_refused_and_changes_nothing(make_tree):
    root, middle, leaf = make_tree(FieldOfWork, depth=3)
    before = list(FieldOfWork.objects.values_list("pk", "parent_id", "lft", "rght", "level"))

    with pytest.raises(ValidationError, match="own subtree"):
        trees.move_node(root, leaf, "last-child")
    with pytest.raises(ValidationError, match="own subtree"):
        trees.move_node(middle, middle, "left")

    assert list(FieldOfWork.objects.values_list("pk", "parent_id", "lft", "rght", "level")) == (
        before
    )


def test_saving_a_new_parent_under_a_descendant_is_refused(make_tree):
    root, child = make_tree(FieldOfWork, depth=2)
    root.parent = child
    with pytest.raises(ValidationError):
        trees.save_node(root)
    assert FieldOfWork.objects.get(pk=root.pk).parent_id is None


def test_a_node_with_children_cannot_be_deleted(make_tree):
    root, _child = make_tree(FieldOfWork, depth=2)
    with pytest.raises(ValidationError, match="sub-entries"):
        trees.delete_node(root)
    assert FieldOfWork.objects.count() == 2


def test_a_node_still_referenced_cannot_be_deleted(db):
    austria = trees.create_node(Country, name="Austria", slug="austria", iso_code="AT")
    trees.create_node(Place, name="Vienna", slug="vienna", country=austria)
    with pytest.raises(ValidationError, match="still used by: Vienna"):
        trees.delete_node(austria)
    assert Country.objects.filter(pk=austria.pk).exists()


def test_deleting_a_leaf_closes_the_gap(make_tree):
    _root, *children = make_tree(FieldOfWork, width=3)
    trees.delete_node(children[1])
    assert names(FieldOfWork) == ["n root", "n child 0", "n child 2"]
    assert trees.check_tree(FieldOfWork) == []


def test_structure_paths_follow_moves_and_slug_changes(db):
    secretariat = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    department = trees.create_node(Structure, secretariat, name="TNTD", slug="tntd")
    unit = trees.create_node(Structure, department, name="Police unit", slug="police")
    assert Structure.objects.get(pk=unit.pk).path == "secretariat/tntd/police"

    field_ops = trees.create_node(Structure, name="Field operations", slug="field-operations")
    trees.move_node(department, field_ops, "last-child")
    assert Structure.objects.get(pk=unit.pk).path == "field-operations/tntd/police"

    department.refresh_from_db()
    department.slug = "threats"
    trees.save_node(department)
    assert Structure.objects.get(pk=unit.pk).path == "field-operations/threats/police"
    assert trees.check_tree(Structure) == []


def test_menu_items_cannot_move_to_another_menu(db):
    main = Menu.objects.create(name="Main", slug="main")
    footer = Menu.objects.create(name="Footer", slug="footer")
    item = trees.create_node(MenuItem, menu=main, label="A", is_heading=True)
    other = trees.create_node(MenuItem, menu=footer, label="B", is_heading=True)
    with pytest.raises(ValidationError, match="own menu"):
        trees.move_node(item, other, "last-child")


def test_check_tree_finds_a_corrupted_tree_and_check_trees_fails(make_tree):
    root, *_children = make_tree(FieldOfWork, depth=3, width=2)
    call_command("check_trees", stdout=io.StringIO())

    FieldOfWork.objects.filter(pk=root.pk).update(rght=3)

    assert any("differ from a rebuild" in p for p in trees.check_tree(FieldOfWork))
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="tree problem"):
        call_command("check_trees", stdout=io.StringIO(), stderr=stderr)
    assert "fields of work" in stderr.getvalue()


def test_check_tree_finds_a_stale_structure_path(db):
    node = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    Structure.objects.filter(pk=node.pk).update(path="wrong")
    assert trees.check_tree(Structure) == [
        f"structures and institutions #{node.pk}: path 'wrong' should be 'secretariat'"
    ]


def test_check_tree_finds_two_roots_sharing_a_tree_id(make_tree):
    first = make_tree(FieldOfWork, prefix="a")[0]
    second = make_tree(FieldOfWork, prefix="b")[0]
    FieldOfWork.objects.filter(pk=second.pk).update(tree_id=first.tree_id)
    assert any("shared by roots" in p for p in trees.check_tree(FieldOfWork))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_inserts_and_moves_keep_the_tree_valid_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL.")
    root = trees.create_node(FieldOfWork, name="Root", slug="root")
    left = trees.create_node(FieldOfWork, root, name="Left", slug="left")
    right = trees.create_node(FieldOfWork, root, name="Right", slug="right")
    errors, refused = [], []

    def insert(worker):
        try:
            for index in range(8):
                trees.create_node(
                    FieldOfWork, root, name=f"w{worker}-{index}", slug=f"w{worker}-{index}"
                )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    def move(node, target):
        try:
            trees.move_node(node, target, "last-child")
        except ValidationError:
            refused.append(node)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=insert, args=(n,)) for n in range(4)]
    threads += [
        threading.Thread(target=move, args=(left, right)),
        threading.Thread(target=move, args=(right, left)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(refused) == 1, "exactly one of two crossing moves must be refused"
    assert trees.check_tree(FieldOfWork) == []
    assert FieldOfWork.objects.count() == 3 + 4 * 8
