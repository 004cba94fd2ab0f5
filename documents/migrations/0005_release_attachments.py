"""Every press release attachment becomes a library document shown on its release's page.

Each attachment becomes a document of the type "Press release attachments" (created if
missing), with the attachment's title, the release's date, source, language, fields of work and
countries, and the release's state (so it is public exactly when its release is), one file (the
attachment's PDF, in the release's language), and a link to the release at the attachment's
position. The file is copied into the library's random folders (``documents.models.file_path``)
and the old copy removed, so the file of a document that is not public has no guessable
address. Page counts, text and covers are derived afterwards by ``manage.py process_documents``
(or the worker, for files saved later).

The rights on attachments become rights on the links (a right left on a model that no longer
exists would name it, and a dump of the groups could not be loaded again).

Reversible, nothing lost: backwards, every link of a release to a document becomes an
attachment again (one per file; the original attachment's id, title and position for those made
here) and the documents made here are deleted; their files stay where they are.
"""

from django.core.files.storage import default_storage
from django.db import migrations
from django.utils import timezone

from ._moving import (
    add_file,
    attachments_again,
    document_from,
    document_type,
    pass_rights,
    reset_sequence,
)

TYPE_SLUG = "press-release-attachments"
PREFIX = "press.attachment:"
# The editorial state a document takes from its release.
STATE = (
    "status",
    "published_at",
    "first_published_at",
    "withdrawn_at",
    "withdrawal_note",
    "alternative_url",
    "deleted_at",
    "created_by_id",
    "updated_by_id",
)


def forwards(apps, schema_editor):
    # The attachments' rights are the links' now (press 0013 deletes the attachments' model).
    pass_rights(apps, ("press", "attachment"), ("documents", "releasedocument"), keep_source=False)
    Attachment = apps.get_model("press", "Attachment")
    Document = apps.get_model("documents", "Document")
    DocumentFile = apps.get_model("documents", "DocumentFile")
    ReleaseDocument = apps.get_model("documents", "ReleaseDocument")
    attachments = Attachment.objects.select_related("release").order_by("id")
    if not attachments.exists():
        return
    kind = document_type(
        apps,
        TYPE_SLUG,
        "Press release attachments",
        "Documents first published as attachments of press releases.",
    )
    taken = set(Document.objects.values_list("slug", flat=True))
    old_files = []
    for attachment in attachments.iterator(chunk_size=500):
        release = attachment.release
        document = document_from(
            Document,
            release,
            kind=kind,
            taken=taken,
            title=attachment.title,
            date=timezone.localtime(release.published_at).date(),
            issuer_id=release.source_id,
            imported_from=f"{PREFIX}{attachment.pk}",
            state=STATE,
        )
        add_file(DocumentFile, document, attachment.file, release.language, old_files)
        ReleaseDocument.objects.create(
            release=release, document=document, position=attachment.position
        )
    attachments.delete()
    for name in old_files:  # last: every row above is written
        default_storage.delete(name)


def backwards(apps, schema_editor):
    pass_rights(apps, ("documents", "releasedocument"), ("press", "attachment"), keep_source=True)
    Attachment = apps.get_model("press", "Attachment")
    Document = apps.get_model("documents", "Document")
    ReleaseDocument = apps.get_model("documents", "ReleaseDocument")
    attachments_again(ReleaseDocument.objects.all(), Attachment, "release", PREFIX)
    Document.objects.filter(imported_from__startswith=PREFIX).delete()
    reset_sequence(schema_editor, Attachment)  # the original ids were written explicitly


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_imported_from"),
        ("press", "0011_remove_moved_records"),
        ("taxonomy", "0008_documenttype"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
