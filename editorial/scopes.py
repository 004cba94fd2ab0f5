"""Editorial scopes: the structure subtrees a press officer or editor works on.

A user's scope is the union of the subtrees of their ``EditorialScope`` nodes; superusers have
no scope limit. An item is in scope when its registered scope field (e.g. a release's source)
lies in that union; an item of a kind without a scope field is in everyone's scope (rights
alone decide). A user *contributes* to an item when their scope covers one of its further
structures (the kind's ``contributor_scope``, e.g. a release's co-issuers): they see it and may
propose changes to it (``editorial.actions``), and the scope field's editors decide.
"""

from django.db.models import Exists, Q

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
    contributor_scope = None
    if field is None:
        kind = kind_of(queryset.model)
        field, contributor_scope = kind.scope_field, kind.contributor_scope
    if user.is_superuser:
        return queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if field is None:
        return queryset
    condition = Q(Exists(_covering(user, f"{field}__")))
    if contributor_scope:
        condition |= Q(pk__in=_contributed(queryset.model, contributor_scope, user))
    return queryset.filter(condition)


def _split(path):
    """``"co_issuers__structure"`` -> (the child relation, its structure field's name)."""
    name, _sep, structure = path.partition("__")
    return name, structure


def _contributed(model, path, user):
    """Ids of the ``model`` items with a further structure (``path``) in ``user``'s scope."""
    name, structure = _split(path)
    relation = model._meta.get_field(name)
    rows = relation.related_model.objects.filter(Exists(_covering(user, f"{structure}__")))
    return rows.values(relation.field.attname)


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


def contributes_to(user, item):
    """Does ``user``'s scope cover one of ``item``'s further structures (e.g. a co-issuer)?"""
    path = kind_of(item).contributor_scope
    if not path or item.pk is None:
        return False
    name, structure = _split(path)
    rows = getattr(item, name)
    prefetched = name in getattr(item, "_prefetched_objects_cache", {})
    rows = rows.all() if prefetched else rows.select_related(structure)
    return any(in_scope(user, getattr(row, structure)) for row in rows)


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
