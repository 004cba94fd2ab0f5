"""The permission matrix and the leak tests, for every content type in the registry.

Rights are given as plain permissions of the kind's model (``<app>.<right>_<model>``), so the
same matrix holds for any type whatever its groups are called.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from editorial import revisions
from editorial.actions import ACTIONS, TransitionError
from editorial.models import EditorialScope, Status
from editorial.registry import kinds
from osce_cms.sitemaps import SITEMAPS

from ..press import workflow_world as world
from .kinds import FACTORIES, HIDDEN_STATES, ahead

pytestmark = pytest.mark.django_db

KINDS = [kind.label for kind in kinds()]
TRANSITIONS = [name for name, entry in ACTIONS.items() if entry.run is not None]
# Where each action starts: status, publication time ahead, in the trash.
STARTING = {
    "submit": (Status.DRAFT, False, False),
    "approve": (Status.SUBMITTED, False, False),
    "reject": (Status.SUBMITTED, False, False),
    "publish": (Status.SUBMITTED, False, False),
    "schedule": (Status.SUBMITTED, False, False),
    "reschedule": (Status.SCHEDULED, True, False),
    "cancel_schedule": (Status.SCHEDULED, True, False),
    "force_publish": (Status.DRAFT, False, False),
    "withdraw": (Status.PUBLISHED, False, False),
    "undo_withdraw": (Status.WITHDRAWN, False, False),
    "unpublish": (Status.PUBLISHED, False, False),
    "delete": (Status.DRAFT, False, False),
    "restore": (Status.DRAFT, False, True),
    "purge": (Status.DRAFT, False, True),
    "restore_revision": (Status.DRAFT, False, False),
    "schedule_end": (Status.PUBLISHED, False, False),
    "cancel_end": (Status.PUBLISHED, False, False),
}
# Fields an action's starting state needs besides its status.
STARTING_FIELDS = {"cancel_end": {"end_action": "unpublish"}}
INPUTS = {
    "comment": "Please shorten the lead.",
    "when": None,  # filled per test: a time ahead
    "reason": "Urgent statement.",
    "note": "Superseded by a later statement.",
    "alternative_url": "",
    "ends_at": None,  # filled per test: a time ahead
    "end_action": "withdraw",
    "end_note": "This statement was replaced.",
}
ROLES = {
    "viewer": {"view"},
    "writer": {"view", "add", "change"},
    "reviewer": {"view", "add", "change", "review"},
    "publisher": {"view", "add", "change", "review", "publish", "delete"},
    "plain_staff": set(),
    "superuser": set(),
}


def person(kind, role, scope_node):
    user = world.user("superuser" if role == "superuser" else "plain_staff")
    content_type = ContentType.objects.get_for_model(kind.model)
    codenames = [kind.perm(right).split(".", 1)[1] for right in ROLES[role]]
    user.user_permissions.set(
        Permission.objects.filter(content_type=content_type, codename__in=codenames)
    )
    if kind.scope_field and scope_node is not None:
        EditorialScope.objects.create(user=user, structure=scope_node)
    return type(user).objects.get(pk=user.pk)


def item_in(kind, state, node, *, author, title="Zanzibarleak item"):
    status, is_ahead, trashed = state
    item = FACTORIES[kind.label].make(
        node, author=author, status=status, title=title, published_at=ahead() if is_ahead else None
    )
    if trashed:
        kind.model.objects.filter(pk=item.pk).update(deleted_at=timezone.now())
        item.refresh_from_db()
    return item


def snapshot(item):
    values = type(item).objects.filter(pk=item.pk).values().first()
    return values, item.revisions.count(), item.audit_entries.count()


def test_every_registered_kind_has_a_factory():
    assert set(KINDS) <= set(FACTORIES), "add a factory to tests/editorial/kinds.py"


def test_every_transition_has_a_starting_state_here():
    assert set(TRANSITIONS) <= set(STARTING)


@pytest.mark.parametrize("kind_label", KINDS)
@pytest.mark.parametrize("name", TRANSITIONS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["in", "out"])
def test_permission_matrix(kind_label, name, role, scope):
    kind = next(kind for kind in kinds() if kind.label == kind_label)
    entry = ACTIONS[name]
    home, elsewhere = world.structure("Home unit"), world.structure("Other unit")
    author = person(kind, "writer", home)
    actor = person(kind, role, home)
    item = item_in(kind, STARTING[name], home if scope == "in" else elsewhere, author=author)
    if name in STARTING_FIELDS:
        fields = {**STARTING_FIELDS[name], "ends_at": ahead()}
        kind.model.objects.filter(pk=item.pk).update(**fields)
        item.refresh_from_db()
    values = {**INPUTS, "when": timezone.now() + timedelta(days=5), "ends_at": ahead()}
    arguments = {spec.name: values[spec.name] for spec in entry.inputs}
    if name == "restore_revision":
        arguments["revision"] = revisions.record_revision(item, author, "Kept")
    in_scope = scope == "in" or not kind.scope_field
    if role == "superuser":
        expected = True
    else:
        expected = entry.right in ROLES[role] and in_scope and role != "plain_staff"
    before = snapshot(item)
    if expected:
        entry.perform(item, actor, **arguments)
        after = type(item).objects.filter(pk=item.pk).first()
        assert after is None or snapshot(after) != before, f"{role} could not {name}"
    else:
        with pytest.raises((PermissionDenied, TransitionError, ValidationError)):
            entry.perform(item, actor, **arguments)
        assert snapshot(item) == before, f"{role} changed the item by {name}"


@pytest.mark.parametrize("kind_label", KINDS)
def test_the_change_form_offers_exactly_the_registry_actions_allowed(kind_label, client):
    kind = next(kind for kind in kinds() if kind.label == kind_label)
    home = world.structure("Home unit")
    author = person(kind, "writer", home)
    item = item_in(kind, (Status.SUBMITTED, False, False), home, author=author)
    opts = kind.model._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"
    for role, offered in {
        "publisher": {"approve", "reject", "publish", "schedule", "force_publish", "delete"},
        "writer": set(),
    }.items():
        client.force_login(person(kind, role, home))
        page = client.get(url).content.decode()
        shown = {name for name in TRANSITIONS if f"/transition/{name}/" in page}
        assert shown == offered, role


@pytest.mark.parametrize("kind_label", KINDS)
@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_no_hidden_item_appears_in_any_public_output(kind_label, state, client):
    kind = next(kind for kind in kinds() if kind.label == kind_label)
    home = world.structure("Home unit")
    author = person(kind, "writer", home)
    item = item_in(kind, HIDDEN_STATES[state], home, author=author, title=f"Zanzibarleak {state}")
    assert not kind.model.objects.public().filter(pk=item.pk).exists()
    assert client.get(item.get_absolute_url()).status_code in {404, 410}
    urls = [*FACTORIES[kind_label].listing_urls, "/sitemap.xml"]
    urls += [f"/sitemap-{section}.xml" for section in SITEMAPS]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert f"Zanzibarleak {state}" not in response.content.decode(), url
        assert item.get_absolute_url() not in response.content.decode(), url
