"""Subtree membership, "this node or one of its descendants": the one rule, for every tree.

Every tree is a django-mptt tree, so a node ``n`` lies in the subtree of ``a`` exactly when
``n.tree_id == a.tree_id and a.lft <= n.lft <= a.rght``. Releases, editorial scopes,
notifications, alert matching, facets and the trees themselves ask it through these helpers,
in whichever form they need: a condition on rows (``within``), a correlated condition against
an outer query (``within_outer`` / ``containing_outer``) or a test on loaded nodes (``contains``).
"""

from django.db.models import OuterRef, Q


def _prefix(relation):
    return f"{relation}__" if relation else ""


def within(relation, nodes):
    """Rows whose ``relation`` (a tree node; "" for the node itself) lies in any of ``nodes``'
    subtrees. No nodes match nothing."""
    prefix = _prefix(relation)
    condition = Q(pk__in=[])
    for node in nodes:
        condition |= Q(
            **{
                f"{prefix}tree_id": node.tree_id,
                f"{prefix}lft__gte": node.lft,
                f"{prefix}lft__lte": node.rght,
            }
        )
    return condition


def within_outer(relation, outer=""):
    """Rows whose ``relation`` lies in the subtree of the outer query's node (at ``outer``)."""
    prefix, outer = _prefix(relation), _prefix(outer)
    return Q(
        **{
            f"{prefix}tree_id": OuterRef(f"{outer}tree_id"),
            f"{prefix}lft__gte": OuterRef(f"{outer}lft"),
            f"{prefix}lft__lte": OuterRef(f"{outer}rght"),
        }
    )


def containing_outer(relation, outer=""):
    """Rows whose ``relation`` is the outer query's node (at ``outer``) or an ancestor of it."""
    prefix, outer = _prefix(relation), _prefix(outer)
    return Q(
        **{
            f"{prefix}tree_id": OuterRef(f"{outer}tree_id"),
            f"{prefix}lft__lte": OuterRef(f"{outer}lft"),
            f"{prefix}rght__gte": OuterRef(f"{outer}lft"),
        }
    )


def containing(relation, node):
    """Rows whose ``relation`` is ``node`` or one of its ancestors."""
    prefix = _prefix(relation)
    return Q(
        **{
            f"{prefix}tree_id": node.tree_id,
            f"{prefix}lft__lte": node.lft,
            f"{prefix}rght__gte": node.lft,
        }
    )


def contains(ancestor, node):
    """Does ``node`` lie in ``ancestor``'s subtree? Both are nodes or (tree_id, lft, rght)."""
    a_tree, a_lft, a_rght = _position(ancestor)
    n_tree, n_lft, _n_rght = _position(node)
    return a_tree == n_tree and a_lft <= n_lft <= a_rght


def _position(node):
    if isinstance(node, tuple):
        return node
    return node.tree_id, node.lft, node.rght
