"""The records' move from press to the engine keeps every row, both ways (issue 11)."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("press", "0009_search_per_language"), ("editorial", None)]
WHEN = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _leaves():
    # Every app's: apps that follow press (documents, meetings) end where they started, or
    # PostgreSQL could not flush the database afterwards (a table of theirs would be missing).
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _old_world(apps):
    User = apps.get_model("auth", "User")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Structure = apps.get_model("taxonomy", "Structure")
    Release = apps.get_model("press", "PressRelease")
    unit = Structure.objects.create(
        name="Unit", slug="unit", path="unit", lft=1, rght=2, tree_id=1, level=0
    )
    author = User.objects.create(username="author")
    release = Release.objects.create(title="T", slug="t", lead="L", source=unit, status="published")
    apps.get_model("press", "EditorialScope").objects.create(id=7, user=author, structure=unit)
    apps.get_model("press", "Revision").objects.create(
        id=11, release=release, created_by=author, version=3, data={"title": "T"}, comment="c"
    )
    audit = apps.get_model("press", "AuditEntry")
    audit.objects.create(id=21, release=release, release_title="T", source=unit, action="edit")
    audit.objects.create(id=22, release=None, release_title="Purged", action="purge")
    apps.get_model("press", "ChangeNote").objects.create(id=31, release=release, note="Fixed")
    apps.get_model("press", "SlugRedirect").objects.create(id=41, release=release, old_slug="old")
    link = apps.get_model("press", "PreviewLink").objects.create(
        id=51, release=release, created_by=author, expires_at=WHEN
    )
    # A group holding a right on a moved model (the flush between tests leaves no groups).
    ContentType = apps.get_model("contenttypes", "ContentType")
    revision_type, _ = ContentType.objects.get_or_create(app_label="press", model="revision")
    right, _ = Permission.objects.get_or_create(
        content_type=revision_type, codename="view_revision", defaults={"name": "Can view"}
    )
    Group.objects.create(name="Reviewers of old").permissions.add(right)
    return release.pk, link.key


@pytest.mark.django_db(transaction=True)
def test_records_move_to_the_engine_and_back_without_losing_a_row():
    try:
        release_id, key = _old_world(_migrate(BEFORE))
        apps = _migrate(_leaves())
        release_type = apps.get_model("contenttypes", "ContentType").objects.get(
            app_label="press", model="pressrelease"
        )

        def moved(name, **values):
            return apps.get_model("editorial", name).objects.filter(**values).exists()

        assert moved("EditorialScope", id=7)
        assert moved("Revision", id=11, object_id=release_id, content_type=release_type, version=3)
        assert moved(
            "AuditEntry", id=21, object_id=release_id, item_title="T", structure__slug="unit"
        )
        assert moved("AuditEntry", id=22, object_id=None, item_title="Purged")
        assert moved("ChangeNote", id=31, object_id=release_id, note="Fixed")
        assert moved("SlugRedirect", id=41, object_id=release_id, old_slug="old")
        assert moved("PreviewLink", id=51, object_id=release_id, key=key)
        editors = apps.get_model("auth", "Group").objects.get(name="Reviewers of old")
        assert editors.permissions.filter(
            content_type__app_label="editorial", codename="view_revision"
        ).exists()
        assert not editors.permissions.filter(content_type__app_label="press").exists()
        # New rows get fresh ids after the copied ones (sequences were moved on).
        new = apps.get_model("editorial", "Revision").objects.create(
            content_type=release_type, object_id=release_id, version=4, data={}
        )
        assert new.pk > 11

        apps = _migrate(BEFORE)

        def back(name, **values):
            return apps.get_model("press", name).objects.filter(**values).exists()

        assert back("EditorialScope", id=7)
        assert back("Revision", id=11, release_id=release_id, version=3)
        assert back("Revision", release_id=release_id, version=4)
        assert back("AuditEntry", id=21, release_id=release_id, release_title="T")
        assert back("AuditEntry", id=22, release_id=None, release_title="Purged")
        assert back("ChangeNote", id=31) and back("SlugRedirect", id=41, old_slug="old")
        assert back("PreviewLink", id=51, key=key)
        reviewers = apps.get_model("auth", "Group").objects.get(name="Reviewers of old")
        assert reviewers.permissions.filter(
            content_type__app_label="press", codename="view_revision"
        ).exists()
    finally:
        _migrate(_leaves())
