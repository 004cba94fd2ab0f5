"""Every event's own PDF (``meetings.EventDocument``) becomes a library document on its page.

Each becomes a document of the type "Meeting documents" (created if missing), with the PDF's
title, the event's first day as its date, the event's organiser, language, fields of work and
countries, and the event's editorial state (so it is public exactly when its event is, and
scheduled with it), one file (the PDF, in the event's language) and a link to the event at the
PDF's position. The file is copied into the library's random folders and the old copy removed:
the file of a document that is not public has no guessable address (the event's PDFs were
served from their media address, drafts included). Page counts, text and covers are derived
afterwards by ``manage.py process_documents`` (or the worker, for files saved later).

The editorial groups may link documents to events as they may to releases.

Reversible, nothing lost: backwards, every link of an event to a document becomes an event PDF
again (one per file; the original id, title and position for those made here) and the documents
made here are deleted; their files stay where they are.
"""

from django.core.files.storage import default_storage
from django.db import migrations

from ._moving import (
    add_file,
    attachments_again,
    document_from,
    document_type,
    pass_rights,
    reset_sequence,
)

TYPE_SLUG = "meeting-documents"
PREFIX = "meetings.eventdocument:"
# The editorial state a document takes from its event.
STATE = (
    "status",
    "published_at",
    "first_published_at",
    "major_updated_at",
    "withdrawn_at",
    "withdrawal_note",
    "alternative_url",
    "ends_at",
    "end_action",
    "end_note",
    "deleted_at",
    "created_by_id",
    "updated_by_id",
)


def forwards(apps, schema_editor):
    # Who may link documents to releases may link them to events; rights on the events' own
    # PDFs pass to the links (meetings 0004 deletes their model).
    pass_rights(apps, ("documents", "releasedocument"), ("documents", "eventdocument"), keep_source=True)
    pass_rights(apps, ("meetings", "eventdocument"), ("documents", "eventdocument"), keep_source=False)
    EventPdf = apps.get_model("meetings", "EventDocument")
    Document = apps.get_model("documents", "Document")
    DocumentFile = apps.get_model("documents", "DocumentFile")
    EventDocument = apps.get_model("documents", "EventDocument")
    pdfs = EventPdf.objects.select_related("event").order_by("id")
    if not pdfs.exists():
        return
    kind = document_type(
        apps,
        TYPE_SLUG,
        "Meeting documents",
        "Documents first published as attachments of events.",
    )
    taken = set(Document.objects.values_list("slug", flat=True))
    old_files = []
    for pdf in pdfs.iterator(chunk_size=500):
        event = pdf.event
        document = document_from(
            Document,
            event,
            kind=kind,
            taken=taken,
            title=pdf.title,
            date=event.start_date,
            issuer_id=event.organiser_id,
            imported_from=f"{PREFIX}{pdf.pk}",
            state=STATE,
        )
        add_file(DocumentFile, document, pdf.file, event.language, old_files)
        EventDocument.objects.create(event=event, document=document, position=pdf.position)
    pdfs.delete()
    for name in old_files:  # last: every row above is written
        default_storage.delete(name)


def backwards(apps, schema_editor):
    pass_rights(apps, ("documents", "eventdocument"), ("meetings", "eventdocument"), keep_source=False)
    EventPdf = apps.get_model("meetings", "EventDocument")
    Document = apps.get_model("documents", "Document")
    EventDocument = apps.get_model("documents", "EventDocument")
    attachments_again(EventDocument.objects.all(), EventPdf, "event", PREFIX)
    Document.objects.filter(imported_from__startswith=PREFIX).delete()
    reset_sequence(schema_editor, EventPdf)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_event_documents"),
        ("taxonomy", "0008_documenttype"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
