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
from django.db.models import Exists, OuterRef, ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from mptt.exceptions import InvalidMove

from osce_cms.caching import bump_generation

from . import redirects, subtrees
from .models import (
    Country,
    DocumentType,
    FieldOfWork,
    MeetingType,
    MenuItem,
    Place,
    Structure,
    Term,
)
from .models.menus import NODE_TARGETS

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


def save_node(node, take_over_old_address=False):
    """Insert ``node`` as the last child of its parent, or save its changes (a changed parent
    is a move), keeping derived data in step: structure paths, the old addresses of a changed
    slug or path (for the whole subtree), and the former name of a renamed term.

    A term may take a slug that is an old address of another term only with
    ``take_over_old_address`` (``taxonomy.redirects.check_free``)."""
    model = type(node)
    with transaction.atomic():
        lock(model)
        before = _fresh(node) if node.pk else None
        if before is not None:
            # The node may have been loaded before another move: save from fresh tree fields.
            for field in _tree_fields(model):
                setattr(node, field, getattr(before, field))
        if node.parent_id is not None:
            node.parent = _fresh(node.parent)
            if before is not None and subtrees.contains(before, node.parent):
                raise ValidationError(
                    {"parent": _("A node cannot be moved under itself or its descendants.")}
                )
        if isinstance(node, Structure):
            node.path = _path_under(node.parent, node.slug)
        if isinstance(node, Term):
            redirects.check_free(
                model, redirects.key_of(node), instance=before, take_over=take_over_old_address
            )
            if before is not None and before.name != node.name:
                node.add_former_name(before.name)
        node.save()
        if isinstance(node, Term):
            redirects.remember(node, redirects.key_of(before) if before else None)
        _after_structure_change(node)
    return node


def _tree_fields(model):
    opts = model._mptt_meta
    return (opts.tree_id_attr, opts.left_attr, opts.right_attr, opts.level_attr)


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


# One step of a node among its siblings: the keyboard and single-pointer alternative to
# dragging (WCAG 2.2 SC 2.5.7). Each is a move relative to a neighbour, refused with a reason
# where there is none.
STEPS = {
    "up": ("previous", "left", gettext_lazy("“%(node)s” is already the first of its level.")),
    "down": ("next", "right", gettext_lazy("“%(node)s” is already the last of its level.")),
    # Becomes the last child of the sibling above it.
    "indent": (
        "previous",
        "last-child",
        gettext_lazy("“%(node)s” has no entry above it on its level to go under."),
    ),
    # Follows its parent, one level up.
    "outdent": ("parent", "right", gettext_lazy("“%(node)s” is already at the top level.")),
}


def step_node(node, step):
    """Move ``node`` one step (``STEPS``) among its siblings (a menu item within its menu)."""
    if step not in STEPS:
        raise ValidationError(_("Unknown step %(step)s.") % {"step": step})
    neighbour, position, refusal = STEPS[step]
    model = type(node)
    with transaction.atomic():
        lock(model)
        node = _fresh(node)
        if neighbour == "parent":
            target = node.parent
        else:
            siblings = list(_siblings(node).values_list("pk", flat=True))
            index = siblings.index(node.pk) + (-1 if neighbour == "previous" else 1)
            target = _fresh_by_pk(model, siblings[index]) if 0 <= index < len(siblings) else None
        if target is None:
            raise ValidationError(refusal % {"node": node})
        return move_node(node, target, position)


def _siblings(node):
    """``node`` and its siblings in tree order (for a menu item: within its menu)."""
    model = type(node)
    if node.parent_id is None:
        siblings = model._default_manager.filter(parent=None).order_by("tree_id")
        if isinstance(node, MenuItem):
            siblings = siblings.filter(menu_id=node.menu_id)
        return siblings
    return model._default_manager.filter(parent_id=node.parent_id).order_by("lft")


def _fresh_by_pk(model, pk):
    return model._default_manager.get(pk=pk)


def replace_menu(menu, items):
    """Replace every item of ``menu`` by ``items`` (plain values in tree order, as
    ``taxonomy.menu_history`` records them), in one transaction under the menus' lock.

    The items keep their ids; a target that no longer exists is left empty (the item is then
    hidden from the public menu, as when its target is deleted). The tree fields are numbered
    from the order given and the result is verified.
    """
    model = MenuItem
    with transaction.atomic():
        lock(model)
        model._default_manager.filter(menu=menu).delete()
        items = [dict(item) for item in items]
        for target in NODE_TARGETS:
            column = f"{target}_id"
            wanted = {item[column] for item in items if item.get(column)}
            related = model._meta.get_field(target).related_model
            present = set(
                related._default_manager.filter(pk__in=wanted).values_list("pk", flat=True)
            )
            for item in items:
                if item.get(column) not in present:
                    item[column] = None
        children = defaultdict(list)
        for item in items:
            children[item["parent_id"]].append(item)
        next_tree_id = (
            model._default_manager.order_by("-tree_id").values_list("tree_id", flat=True).first()
            or 0
        ) + 1
        rows = []

        def number(item, tree_id, left, level):
            row = model(menu=menu, tree_id=tree_id, lft=left, level=level, **item)
            rows.append(row)
            right = left + 1
            for child in children[item["id"]]:
                right = number(child, tree_id, right, level + 1) + 1
            row.rght = right
            return right

        for offset, root in enumerate(children[None]):
            number(root, next_tree_id + offset, 1, 0)
        model._default_manager.bulk_create(rows)
        bump_generation()  # bulk writes send no signals
        problems = check_tree(model)
        if problems:
            raise RuntimeError("; ".join(problems))


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


def merge_nodes(source, survivor):
    """Merge ``source`` into ``survivor`` in one transaction: ``source``'s children move under
    ``survivor``, everything that refers to it (tags, sources, menu items, scopes, ...) refers
    to ``survivor`` instead (a row that would then be listed twice is dropped), its names become
    ``survivor``'s former names, its addresses redirect to ``survivor``, and it is deleted.

    On PostgreSQL the tables that refer to the term are locked against writes for the short
    time of the merge (``SHARE ROW EXCLUSIVE``): an edit in progress that tags something with
    ``source`` commits first and its tag is moved; one that starts during the merge waits for
    it. (Foreign keys are checked at commit, so locking the term's row alone would not make a
    concurrent tagging wait: it would fail at its commit.) Nothing is ever half merged.
    """
    model = type(source)
    if not isinstance(source, Term) or type(survivor) is not model:
        raise ValidationError(_("Only two terms of the same vocabulary can be merged."))
    references = _references(model)
    with transaction.atomic():
        lock(model)
        if connection.vendor == "postgresql":
            tables = sorted({relation.model._meta.db_table for relation in references})
            with connection.cursor() as cursor:
                for table in tables:
                    quoted = connection.ops.quote_name(table)
                    cursor.execute(f"LOCK TABLE {quoted} IN SHARE ROW EXCLUSIVE MODE")
        source = model._default_manager.select_for_update().get(pk=source.pk)
        survivor = _fresh(survivor)
        if source.pk == survivor.pk or subtrees.contains(source, survivor):
            raise ValidationError(
                _("“%(node)s” cannot be merged into itself or one of its sub-entries.")
                % {"node": source}
            )
        for child in source.get_children():
            model._tree_manager.move_node(_fresh(child), _fresh(survivor), "last-child")
        for relation in references:
            _repoint(relation, source, survivor)
        for name in [*source.former_name_list, source.name]:
            survivor.add_former_name(name)
        survivor.aliases = "\n".join(dict.fromkeys(survivor.alias_list + source.alias_list))
        survivor.save(update_fields=["former_names", "aliases"])
        redirects.move_all(source, survivor)
        _fresh(source).delete()
        _after_structure_change(_fresh(survivor))
    return _fresh(survivor)


def _references(model):
    """Every foreign key to ``model`` from another table (hidden ones and the tables behind
    many-to-many fields included), except the tree's own parent link."""
    return [
        field.remote_field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created
        and not field.concrete
        and (field.one_to_many or field.one_to_one)
        and field.related_model is not model
    ]


def _repoint(foreign_key, source, survivor):
    rows = foreign_key.model._base_manager.filter(**{foreign_key.name: source})
    duplicates = _rows_duplicating(foreign_key, rows, survivor)
    if duplicates is not None:
        duplicates.delete()
    rows.update(**{foreign_key.name: survivor})


def _rows_duplicating(foreign_key, rows, survivor):
    """Of ``rows``, those that would repeat a row of ``survivor`` under a unique constraint
    that includes ``foreign_key`` (e.g. a release tagged with both terms)."""
    opts = foreign_key.model._meta
    unique_sets = [set(fields) for fields in opts.unique_together]
    unique_sets += [
        set(constraint.fields)
        for constraint in opts.total_unique_constraints
        if constraint.condition is None
    ]
    for fields in unique_sets:
        if foreign_key.name in fields:
            others = sorted(fields - {foreign_key.name})
            existing = foreign_key.model._base_manager.filter(
                **{foreign_key.name: survivor}, **{name: OuterRef(name) for name in others}
            )
            return rows.filter(Exists(existing))
    return None


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
            changed.append((node, node.path))
            node.path = path
    Structure._default_manager.bulk_update(
        [node for node, _old in changed], ["path"], batch_size=500
    )
    for node, old_path in changed:
        redirects.remember(node, old_path)


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
