"""Menus keep a history: every change (add, edit, hide, move, delete) is recorded with who and
when, together with the whole arrangement of the menu after it, so that a site administrator
can put a menu back as it was after any recorded change in one step (``restore``).

The admin records each change it makes (``record``); the structural writes themselves, the
restore included, go through ``taxonomy.trees``.
"""

from django.db import transaction

from . import trees
from .models import MenuChange, MenuItem
from .models.menus import NODE_TARGETS, TEXT_TARGETS

ITEM_FIELDS = (
    "id",
    "parent_id",
    "label",
    "is_visible",
    "is_heading",
    *(f"{target}_id" for target in NODE_TARGETS),
    *TEXT_TARGETS,
)


def arrangement(menu):
    """Every item of ``menu`` as plain values, in tree order (one query)."""
    items = MenuItem.objects.filter(menu=menu).order_by("tree_id", "lft").values(*ITEM_FIELDS)
    return list(items)


def record(menu, action, user, item_label=""):
    """Record a change of ``menu`` just made by ``user`` (``MenuChange.Action``)."""
    return MenuChange.objects.create(
        menu=menu,
        action=action,
        item_label=str(item_label)[:200],
        changed_by=user if user and user.is_authenticated else None,
        arrangement=arrangement(menu),
    )


def action_of_form(form, change):
    """What saving an item's form did: added, moved (new parent), hidden, shown or edited."""
    if not change:
        return MenuChange.Action.ADDED
    if "parent" in form.changed_data:
        return MenuChange.Action.MOVED
    if "is_visible" in form.changed_data:
        visible = form.cleaned_data.get("is_visible")
        return MenuChange.Action.SHOWN if visible else MenuChange.Action.HIDDEN
    return MenuChange.Action.EDITED


def restore(change, user):
    """Put ``change.menu`` back as it was right after ``change``, as a new recorded change."""
    with transaction.atomic():
        trees.replace_menu(change.menu, change.arrangement)
        return record(
            change.menu, MenuChange.Action.RESTORED, user, item_label=f"{change.changed_at:%c}"
        )
