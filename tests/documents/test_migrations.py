"""Release attachments and events' own PDFs become library documents, and come back, without
losing anything."""

import io
from datetime import UTC, datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from . import world

BEFORE = [("press", "0011_remove_moved_records"), ("documents", "0004_imported_from")]
WHEN = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _group_with(apps, name, *rights):
    """A group holding ``rights`` ((app label, model, codename)), made as they would be."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.create(name=name)
    for app, model, codename in rights:
        kind = ContentType.objects.get_or_create(app_label=app, model=model)[0]
        right = Permission.objects.get_or_create(
            content_type=kind, codename=codename, defaults={"name": codename}
        )[0]
        group.permissions.add(right)
    return group


def _rights(apps, name):
    group = apps.get_model("auth", "Group").objects.get(name=name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def _old_world(apps):
    Structure = apps.get_model("taxonomy", "Structure")
    FieldOfWork = apps.get_model("taxonomy", "FieldOfWork")
    Release = apps.get_model("press", "PressRelease")
    Attachment = apps.get_model("press", "Attachment")
    unit = Structure.objects.create(
        name="Unit", slug="unit", path="unit", lft=1, rght=2, tree_id=1, level=0
    )
    field = FieldOfWork.objects.create(name="F", slug="f", lft=1, rght=2, tree_id=1, level=0)
    public = Release.objects.create(
        title="Public", slug="public", lead="L", source=unit, status="published",
        published_at=WHEN, first_published_at=WHEN, language="fr",
    )  # fmt: skip
    public.fields_of_work.add(field)
    draft = Release.objects.create(title="Draft", slug="draft", lead="L", source=unit)
    stored = default_storage.save("press/documents/2026/03/report.pdf", ContentFile(world.pdf()))
    Attachment.objects.create(id=41, release=public, title="Annual report", file=stored, position=2)
    Attachment.objects.create(id=42, release=draft, title="Annual report", file="press/gone.pdf")
    _group_with(apps, "Attachers", ("press", "attachment", "add_attachment"))
    return public, draft, stored


@pytest.mark.django_db(transaction=True)
def test_attachments_become_documents_and_come_back(client):
    try:
        public, _draft, stored = _old_world(_migrate(BEFORE))
        apps = _migrate(_leaves())
        Document = apps.get_model("documents", "Document")

        made = Document.objects.get(imported_from="press.attachment:41")
        assert made.title == "Annual report" and made.status == "published"
        assert made.issuer_id == public.source_id and made.language == "fr"
        assert made.date.isoformat() == "2026-03-02"
        assert list(made.fields_of_work.values_list("slug", flat=True)) == ["f"]
        moved = made.files.get()
        assert moved.language == "fr" and moved.size > 0
        assert moved.file.name.startswith("documents/files/") and moved.file.name != stored
        assert not default_storage.exists(stored)  # no copy left at the guessable address
        link = apps.get_model("documents", "ReleaseDocument").objects.get(document=made)
        assert (link.release_id, link.position) == (public.pk, 2)
        # The draft release's document is a draft too, and its missing file kept by name.
        # The attachments' rights are the links' now: none names the deleted model.
        rights = _rights(apps, "Attachers")
        assert ("documents", "add_releasedocument") in rights
        assert not [app for app, _codename in rights if app == "press"]
        hidden = Document.objects.get(imported_from="press.attachment:42")
        assert hidden.status == "draft" and hidden.slug == "annual-report-2"
        assert hidden.files.get().file.name == "press/gone.pdf"

        # The release page shows its document as before, with a download that works.
        page = client.get("/press-releases/public/").content.decode()
        download = f"/documents/{made.slug}/fr.pdf"
        assert "Annual report" in page and download in page
        assert client.get(download).status_code == 200
        assert client.get(f"/documents/{hidden.slug}/").status_code == 404
        # Their page counts, text and covers are made by the catch-up command.
        call_command("process_documents", stdout=io.StringIO())
        assert moved.__class__.objects.get(pk=moved.pk).page_count == 1

        apps = _migrate(BEFORE)
        Attachment = apps.get_model("press", "Attachment")
        back = {item.id: item for item in Attachment.objects.all()}
        assert set(back) == {41, 42}
        assert (back[41].release_id, back[41].title, back[41].position) == (
            public.pk,
            "Annual report",
            2,
        )
        assert back[41].file.name == moved.file.name and default_storage.exists(back[41].file.name)
        assert back[42].file.name == "press/gone.pdf"
        assert not apps.get_model("documents", "Document").objects.exists()
        # New attachments get fresh ids after the restored ones.
        assert Attachment.objects.create(release_id=public.pk, title="New", file="x.pdf").id > 42
        assert ("press", "add_attachment") in _rights(apps, "Attachers")
    finally:
        _migrate(_leaves())


EVENTS_BEFORE = [("meetings", "0003_scheduled_end"), ("documents", "0007_event_documents")]


def _old_events(apps):
    Structure = apps.get_model("taxonomy", "Structure")
    Country = apps.get_model("taxonomy", "Country")
    MeetingType = apps.get_model("taxonomy", "MeetingType")
    Event = apps.get_model("meetings", "Event")
    EventPdf = apps.get_model("meetings", "EventDocument")
    unit = Structure.objects.create(
        name="Unit", slug="unit", path="unit", lft=1, rght=2, tree_id=1, level=0
    )
    austria = Country.objects.create(
        name="Austria", slug="austria", lft=1, rght=2, tree_id=1, level=0
    )
    councils = MeetingType.objects.create(
        name="Councils", slug="councils", lft=1, rght=2, tree_id=1, level=0
    )
    common = {"meeting_type": councils, "organiser": unit, "summary": "S"}
    public = Event.objects.create(
        title="Council", slug="council", start_date=WHEN.date(), end_date=WHEN.date(),
        status="published", published_at=WHEN, first_published_at=WHEN, language="de", **common,
    )  # fmt: skip
    public.countries.add(austria)
    draft = Event.objects.create(
        title="Secret", slug="secret", start_date=WHEN.date(), end_date=WHEN.date(), **common
    )
    stored = default_storage.save("meetings/documents/2026/03/agenda.pdf", ContentFile(world.pdf()))
    EventPdf.objects.create(id=7, event=public, title="Agenda", file=stored, position=3)
    EventPdf.objects.create(id=8, event=draft, title="Agenda", file="meetings/gone.pdf")
    _group_with(apps, "Linkers", ("documents", "releasedocument", "change_releasedocument"))
    _group_with(apps, "Event editors", ("meetings", "eventdocument", "add_eventdocument"))
    return public, draft, stored


@pytest.mark.django_db(transaction=True)
def test_event_pdfs_become_documents_and_come_back(client):
    try:
        public, draft, stored = _old_events(_migrate(EVENTS_BEFORE))
        apps = _migrate(_leaves())
        Document = apps.get_model("documents", "Document")

        made = Document.objects.get(imported_from="meetings.eventdocument:7")
        assert (made.title, made.status, made.language) == ("Agenda", "published", "de")
        assert made.issuer_id == public.organiser_id and made.date == public.start_date
        assert made.first_published_at == WHEN and made.document_type.slug == "meeting-documents"
        assert list(made.countries.values_list("slug", flat=True)) == ["austria"]
        moved = made.files.get()
        assert moved.language == "de" and moved.size > 0
        assert moved.file.name.startswith("documents/files/")
        assert not default_storage.exists(stored)  # the old media address serves nothing
        link = apps.get_model("documents", "EventDocument").objects.get(document=made)
        assert (link.event_id, link.position) == (public.pk, 3)
        # Who may link documents to releases may link them to events; the PDFs' rights moved.
        assert ("documents", "change_eventdocument") in _rights(apps, "Linkers")
        assert _rights(apps, "Event editors") == {("documents", "add_eventdocument")}
        hidden = Document.objects.get(imported_from="meetings.eventdocument:8")
        assert hidden.status == "draft" and hidden.files.get().file.name == "meetings/gone.pdf"

        # The event page lists the library document, downloadable; the draft's is not public.
        page = client.get("/events/council/").content.decode()
        download = f"/documents/{made.slug}/de.pdf"
        assert "Agenda" in page and download in page and stored not in page
        assert client.get(download).status_code == 200
        assert client.get(f"/documents/{hidden.slug}/").status_code == 404

        apps = _migrate(EVENTS_BEFORE)
        EventPdf = apps.get_model("meetings", "EventDocument")
        back = {item.id: item for item in EventPdf.objects.all()}
        assert set(back) == {7, 8}
        assert (back[7].event_id, back[7].title, back[7].position) == (public.pk, "Agenda", 3)
        assert back[7].file.name == moved.file.name and default_storage.exists(back[7].file.name)
        assert back[8].event_id == draft.pk and back[8].file.name == "meetings/gone.pdf"
        assert not apps.get_model("documents", "Document").objects.exists()
        assert EventPdf.objects.create(event_id=public.pk, title="New", file="x.pdf").id > 8
        assert _rights(apps, "Event editors") == {("meetings", "add_eventdocument")}
    finally:
        _migrate(_leaves())
