"""Builders for the editorial workflow tests: structures, users in roles and scopes, releases."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from editorial.models import EditorialScope
from press.models import PressRelease, Status
from taxonomy.models import FieldOfWork, Structure

_numbers = itertools.count(1)

ROLES = ("press_officer", "editor", "site_administrator", "superuser", "plain_staff")
GROUP_OF_ROLE = {
    "press_officer": "Press officer",
    "editor": "Editor",
    "site_administrator": "Site administrator",
}


def structure(name, parent=None):
    slug = f"{name.lower().replace(' ', '-')}-{next(_numbers)}"
    path = f"{parent.path}/{slug}" if parent else slug
    return Structure.objects.create(name=name, slug=slug, parent=parent, path=path)


def user(role, *scope, name=None, email=True):
    name = name or f"{role}-{next(_numbers)}"
    person = User.objects.create_user(
        username=name,
        password="correct horse battery staple",
        email=f"{name}@example.org" if email else "",
        is_staff=role != "anonymous",
        is_superuser=role == "superuser",
    )
    if role in GROUP_OF_ROLE:
        person.groups.add(Group.objects.get(name=GROUP_OF_ROLE[role]))
    for node in scope:
        EditorialScope.objects.create(user=person, structure=node)
    return User.objects.get(pk=person.pk)  # fresh: no cached permissions


WAS_PUBLIC = (Status.PUBLISHED, Status.WITHDRAWN, Status.UNPUBLISHED)


def release(source, *, author=None, status=Status.DRAFT, published_at=None, **fields):
    n = next(_numbers)
    fields.setdefault("title", f"Press release {n}")
    fields.setdefault("slug", f"press-release-{n}")
    fields.setdefault("lead", "A short summary.")
    fields.setdefault("body", "<p>The body.</p>")
    item = PressRelease.objects.create(
        source=source,
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        created_by=author,
        # Published, withdrawn and unpublished releases have been public.
        first_published_at=timezone.now() if status in WAS_PUBLIC else None,
        **fields,
    )
    field, _ = FieldOfWork.objects.get_or_create(slug="policing", defaults={"name": "Policing"})
    item.fields_of_work.add(field)
    return item


def row(item):
    """Everything about a release that a refused action must leave unchanged."""
    values = PressRelease.objects.filter(pk=item.pk).values().get()
    values["revisions"] = item.revisions.count()
    values["audit"] = item.audit_entries.count()
    return values
