"""Trees under real concurrency (PostgreSQL): parallel inserts and moves never corrupt a tree."""

import random
import threading
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections

from taxonomy import trees
from taxonomy.models import Structure

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer; the race needs PostgreSQL's parallel sessions",
    ),
]


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """The renames record old addresses under a content type: an earlier transactional test in
    the same process may have flushed and re-created the content types under new ids, which
    the manager's process-wide cache would still hand out (a foreign-key error in CI)."""
    ContentType.objects.clear_cache()


def run_in_parallel(*jobs):
    """Start every job at the same moment, each in its own thread and database connection."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def runner(index, job):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = job()
        except Exception as error:  # the outcome is inspected by the test
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a job hung (deadlock?)"
    return outcomes


def assert_trees_valid():
    assert trees.check_tree(Structure) == []
    out = StringIO()
    call_command("check_trees", stdout=out, stderr=out)
    assert "Every tree is valid." in out.getvalue()


def creator(parent_pk, prefix, count):
    def job():
        for n in range(count):
            parent = Structure.objects.get(pk=parent_pk) if n % 3 else None
            trees.create_node(Structure, parent=parent, name=f"{prefix} {n}", slug=f"{prefix}-{n}")
        return count

    return job


def mover(seed, moves):
    def job():
        rng = random.Random(seed)
        refused = 0
        for _ in range(moves):
            nodes = list(Structure.objects.values_list("pk", flat=True))
            node, target = (Structure.objects.get(pk=pk) for pk in rng.sample(nodes, 2))
            try:
                trees.move_node(node, target, rng.choice(trees.POSITIONS))
            except ValidationError:
                refused += 1
        return refused

    return job


def test_parallel_creators_and_movers_leave_every_tree_valid(transactional_db):
    parent = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    for n in range(4):
        trees.create_node(Structure, parent=parent, name=f"Unit {n}", slug=f"unit-{n}")

    outcomes = run_in_parallel(
        *(creator(parent.pk, f"c{i}", 12) for i in range(4)),
        *(mover(seed, 12) for seed in range(4)),
    )

    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert not errors, errors
    assert Structure.objects.count() == 5 + 4 * 12
    assert Structure.objects.filter(slug__startswith="c").count() == 48
    assert_trees_valid()


@pytest.mark.parametrize("round_", range(3))
def test_two_crossing_moves_cannot_make_a_cycle(transactional_db, round_):
    root = trees.create_node(Structure, name="Field operations", slug="field-operations")
    a = trees.create_node(Structure, parent=root, name="Mission A", slug="mission-a")
    b = trees.create_node(Structure, parent=root, name="Mission B", slug="mission-b")

    outcomes = run_in_parallel(
        lambda: trees.move_node(Structure.objects.get(pk=a.pk), b),
        lambda: trees.move_node(Structure.objects.get(pk=b.pk), a),
    )

    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    moved = [o for o in outcomes if isinstance(o, Structure)]
    assert len(moved) == 1 and len(refused) == 1, outcomes
    assert "own subtree" in refused[0].messages[0]
    assert_trees_valid()
    a.refresh_from_db()
    b.refresh_from_db()
    assert {a.parent_id, b.parent_id} in ({root.pk, a.pk}, {root.pk, b.pk})


@pytest.mark.parametrize("round_", range(2))
def test_two_crossing_parent_changes_cannot_make_a_cycle(transactional_db, round_):
    """The admin form path: a changed parent saved through trees.save_node."""
    root = trees.create_node(Structure, name="Institutions", slug="institutions")
    a = trees.create_node(Structure, parent=root, name="Office A", slug="office-a")
    b = trees.create_node(Structure, parent=root, name="Office B", slug="office-b")

    def reparent(node_pk, parent_pk):
        def job():
            node = Structure.objects.get(pk=node_pk)
            node.parent = Structure.objects.get(pk=parent_pk)
            return trees.save_node(node)

        return job

    outcomes = run_in_parallel(reparent(a.pk, b.pk), reparent(b.pk, a.pk))

    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refused) == 1, outcomes
    assert not [o for o in outcomes if isinstance(o, Exception) and o not in refused]
    assert_trees_valid()
    paths = set(Structure.objects.values_list("path", flat=True))
    assert paths in (
        {"institutions", "institutions/office-b", "institutions/office-b/office-a"},
        {"institutions", "institutions/office-a", "institutions/office-a/office-b"},
    )


def test_parallel_deletes_and_inserts_under_one_parent_keep_the_tree_valid(transactional_db):
    parent = trees.create_node(Structure, name="Closed field activities", slug="closed")
    doomed = [
        trees.create_node(Structure, parent=parent, name=f"Old {n}", slug=f"old-{n}").pk
        for n in range(10)
    ]

    def deleter():
        for pk in doomed:
            trees.delete_node(Structure.objects.get(pk=pk))

    outcomes = run_in_parallel(deleter, creator(parent.pk, "new", 10), creator(parent.pk, "x", 10))
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert Structure.objects.count() == 1 + 20
    assert_trees_valid()
