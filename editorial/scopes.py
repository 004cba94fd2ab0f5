"""Editorial scopes: the structure subtrees a press officer or editor works on.

A user's scope is the union of the subtrees of their ``EditorialScope`` nodes; superusers have
no scope limit. An item is in scope when its registered scope field (e.g. a release's source)
lies in that union; an item of a kind without a scope field is in everyone's scope (rights
alone decide).
"""

from django.db.models import Exists

from taxonomy import subtrees

from .models import EditorialScope
from .registry import kind_of


def _covering(user, prefix):
    """Scope nodes of ``user`` that contain the structure at ``prefix`` (a subquery)."""
    prefix = prefix.removesuffix("__")
    return EditorialScope.objects.filter(subtrees.containing_outer("structure", prefix), user=user)


def scoped(queryset, user, field=None):
    """``queryset`` limited to rows whose structure (through ``field``) is in ``user``'s scope.

    ``field`` defaults to the registered scope field of the queryset's model.
    """
    if field is None:
        field = kind_of(queryset.model).scope_field
    if user.is_superuser:
        return queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if field is None:
        return queryset
    return queryset.filter(Exists(_covering(user, f"{field}__")))


def structures_for(user, queryset):
    """The structure nodes of ``queryset`` that ``user`` may assign (their subtrees)."""
    if user.is_superuser:
        return queryset
    return queryset.filter(Exists(_covering(user, "")))


def scope_nodes(user):
    """(tree_id, lft, rght) of the user's scope nodes, loaded once per user object."""
    if not hasattr(user, "_editorial_scope_nodes"):
        user._editorial_scope_nodes = list(
            EditorialScope.objects.filter(user=user).values_list(
                "structure__tree_id", "structure__lft", "structure__rght"
            )
        )
    return user._editorial_scope_nodes


def in_scope(user, structure):
    """Does ``structure`` lie in the subtree of one of ``user``'s scope nodes?"""
    if user.is_superuser:
        return True
    if structure is None:
        return False
    return any(subtrees.contains(node, structure) for node in scope_nodes(user))


def item_in_scope(user, item):
    kind = kind_of(item)
    return kind.scope_field is None or in_scope(user, kind.scope_node(item))


def items_for(user, model):
    """The items of ``model`` that ``user`` may see and act on in the admin, trash excluded."""
    if not user.is_superuser and not user.has_perm(kind_of(model).perm("view")):
        return model.objects.none()
    return scoped(model.objects.alive(), user)


def trash_for(user, model):
    """The items of ``model`` in the trash that ``user`` may recover."""
    if not user.is_superuser and not user.has_perm(kind_of(model).perm("delete")):
        return model.objects.none()
    return scoped(model.objects.trashed(), user)
