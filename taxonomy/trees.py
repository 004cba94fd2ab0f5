"""The only place that writes tree structure.

Every insert, move and delete of a tree node runs in a transaction that first takes the tree
model's lock: on PostgreSQL a transaction-scoped advisory lock, on SQLite the write transaction
itself serialises writers. Under the lock the nodes' tree fields are re-read, so a move never works
from stale ``lft``/``rght`` values. ``check_tree`` verifies a tree's integrity (used by the
``check_trees`` command and the tests).
"""

import zlib
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from mptt.exceptions import InvalidMove

from osce_cms.caching import bump_generation

from . import subtrees
from .models import Country, DocumentType, FieldOfWork, MeetingType, MenuItem, Place, Structure

TREE_MODELS = (FieldOfWork, Country, Structure, Place, MeetingType, DocumentType, MenuItem)
POSITIONS = ("first-child", "last-child", "left", "right")


def lock_key(model):
    """A stable 31-bit integer naming the model's tree lock."""
    return zlib.crc32(f"osce_cms.tree.{model._meta.label_lower}".encode()) & 0x7FFFFFFF


def lock(model):
    """Serialise structural writes to ``model``'s trees until the transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(model)])


def _fresh(node):
    return type(node)._default_manager.get(pk=node.pk)


def save_node(node):
    """Insert ``node`` as the last child of its parent, or save its changes (a changed parent
    is a move), keeping derived data (structure paths, menu membership) in step."""
    model = type(node)
    with transaction.atomic():
        lock(model)
        if node.parent_id is not None:
            node.parent = _fresh(node.parent)
            if node.pk and subtrees.contains(_fresh(node), node.parent):
                raise ValidationError(
                    {"parent": _("A node cannot be moved under itself or its descendants.")}
                )
        if isinstance(node, Structure):
            node.path = _path_under(node.parent, node.slug)
        node.save()
        _after_structure_change(node)
    return node


def create_node(model, parent=None, **fields):
    """Create a ``model`` node with ``fields`` as the last child of ``parent`` (or a new root)."""
    return save_node(model(parent=parent, **fields))


def move_node(node, target, position="last-child"):
    """Move ``node`` relative to ``target``: ``first-child``/``last-child`` of it, or its
    ``left``/``right`` sibling. Refuses a move into the node's own subtree."""
    if position not in POSITIONS:
        raise ValidationError(_("Unknown position %(position)s.") % {"position": position})
    model = type(node)
    with transaction.atomic():
        lock(model)
        node, target = _fresh(node), _fresh(target)
        if subtrees.contains(node, target):
            raise ValidationError(
                _("“%(node)s” cannot be moved into its own subtree.") % {"node": node}
            )
        if isinstance(node, MenuItem) and node.menu_id != target.menu_id:
            raise ValidationError(_("A menu item can only be moved within its own menu."))
        try:
            model._tree_manager.move_node(node, target, position)
        except InvalidMove as error:
            raise ValidationError(str(error)) from error
        node = _fresh(node)
        _after_structure_change(node)
    return node


def delete_node(node):
    """Delete a leaf node. A node with children, or one still referenced elsewhere, is refused
    with a clear message; nothing is ever deleted in cascade."""
    model = type(node)
    with transaction.atomic():
        lock(model)
        node = _fresh(node)
        if not node.is_leaf_node():
            raise ValidationError(
                _("“%(node)s” still has sub-entries; move or delete them first.") % {"node": node}
            )
        tagging = tagged_by([node])
        if tagging:
            users = ", ".join(sorted({str(obj) for obj in tagging})[:5])
            raise ValidationError(
                _("“%(node)s” is still used by: %(users)s.") % {"node": node, "users": users}
            )
        try:
            node.delete()
        except ProtectedError as error:
            users = ", ".join(sorted({str(obj) for obj in error.protected_objects})[:5])
            raise ValidationError(
                _("“%(node)s” is still used by: %(users)s.") % {"node": node, "users": users}
            ) from error


def tagged_by(nodes, limit=20):
    """Objects that list one of ``nodes`` in a many-to-many field (e.g. press releases tagged
    with a field of work). Deleting the node would silently untag them, so it is refused."""
    nodes = list(nodes)
    if not nodes:
        return []
    found = []
    for relation in type(nodes[0])._meta.related_objects:
        if relation.many_to_many:
            users = relation.related_model._base_manager.filter(
                **{f"{relation.field.name}__in": nodes}
            ).distinct()
            found += list(users[:limit])
    return found


def delete_nodes(queryset):
    """Delete several nodes, deepest first; each deletion follows ``delete_node``'s rules."""
    model = queryset.model
    with transaction.atomic():
        lock(model)
        for node in queryset.order_by("-level", "-lft"):
            delete_node(node)


def rebuild(model):
    """Recompute every tree field of ``model`` from the parent links, keeping sibling order,
    then verify the result (used by bulk loads, which write without signals)."""
    with transaction.atomic():
        lock(model)
        bump_generation()
        model._tree_manager.rebuild()
        if model is Structure:
            _update_paths(Structure._default_manager.all())
        problems = check_tree(model)
        if problems:
            raise RuntimeError("; ".join(problems))


def _path_under(parent, slug):
    return f"{parent.path}/{slug}" if parent is not None else slug


def _after_structure_change(node):
    """Bring data derived from a node's position in line for it and its descendants."""
    if isinstance(node, Structure):
        ancestors = list(node.get_ancestors())
        subtree = list(node.get_descendants(include_self=True))
        _update_paths(subtree, known=ancestors)


def _update_paths(nodes, known=()):
    """Set ``path`` on ``nodes`` (in tree order) from their parents; one UPDATE per change."""
    paths = {ancestor.pk: ancestor.path for ancestor in known}
    changed = []
    for node in nodes:
        path = f"{paths[node.parent_id]}/{node.slug}" if node.parent_id else node.slug
        paths[node.pk] = path
        if node.path != path:
            node.path = path
            changed.append(node)
    Structure._default_manager.bulk_update(changed, ["path"], batch_size=500)


def check_tree(model):
    """Return a list of problems found in ``model``'s trees (empty when every tree is valid)."""
    rows = list(
        model._default_manager.order_by("tree_id", "lft").values(
            "pk", "parent_id", "tree_id", "lft", "rght", "level"
        )
    )
    by_pk = {row["pk"]: row for row in rows}
    children = defaultdict(list)
    roots_by_tree = defaultdict(list)
    problems = []
    name = model._meta.verbose_name_plural

    for row in rows:
        pk = row["pk"]
        if row["parent_id"] is None:
            roots_by_tree[row["tree_id"]].append(pk)
            if row["level"] != 0:
                problems.append(f"{name} #{pk}: a root must have level 0")
        else:
            parent = by_pk.get(row["parent_id"])
            if parent is None:
                problems.append(f"{name} #{pk}: parent #{row['parent_id']} does not exist")
                continue
            children[row["parent_id"]].append(pk)
            if row["tree_id"] != parent["tree_id"]:
                problems.append(f"{name} #{pk}: tree id differs from its parent's")
            if row["level"] != parent["level"] + 1:
                problems.append(f"{name} #{pk}: level is not its parent's level + 1")
            if not parent["lft"] < row["lft"] < row["rght"] < parent["rght"]:
                problems.append(f"{name} #{pk}: interval not nested in its parent's")
        if not row["lft"] < row["rght"]:
            problems.append(f"{name} #{pk}: lft must be smaller than rght")

    for tree_id, roots in roots_by_tree.items():
        if len(roots) > 1:
            problems.append(f"{name}: tree id {tree_id} is shared by roots {sorted(roots)}")
    orphan_trees = {row["tree_id"] for row in rows} - set(roots_by_tree)
    for tree_id in sorted(orphan_trees):
        problems.append(f"{name}: tree id {tree_id} has no root")

    # What a rebuild from the parent links would produce, keeping sibling order.
    expected = {}

    def number(pk, left, level):
        right = left + 1
        for child in children[pk]:
            right = number(child, right, level + 1) + 1
        expected[pk] = (left, right, level)
        return right

    for roots in roots_by_tree.values():
        for root in roots:
            number(root, 1, 0)
    for row in rows:
        pk = row["pk"]
        if pk not in expected:
            problems.append(f"{name} #{pk}: not reachable from a root (cycle in parent links)")
            continue
        left, right, level = expected[pk]
        descendants = (right - left - 1) // 2
        if (row["rght"] - row["lft"] - 1) // 2 != descendants:
            problems.append(
                f"{name} #{pk}: descendant count {(row['rght'] - row['lft'] - 1) // 2} "
                f"should be {descendants}"
            )
        if (row["lft"], row["rght"], row["level"]) != (left, right, level):
            problems.append(f"{name} #{pk}: tree fields differ from a rebuild")

    if model is Structure and not problems:
        paths = {}
        for node in Structure._default_manager.order_by("tree_id", "lft").only(
            "slug", "path", "parent_id"
        ):
            path = f"{paths[node.parent_id]}/{node.slug}" if node.parent_id else node.slug
            paths[node.pk] = path
            if node.path != path:
                problems.append(f"{name} #{node.pk}: path {node.path!r} should be {path!r}")
    return problems
