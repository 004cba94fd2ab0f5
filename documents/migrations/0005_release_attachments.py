"""Every press release attachment becomes a library document shown on its release's page.

Each attachment becomes a document of the type "Press release attachments" (created if
missing), with the attachment's title, the release's date, source, language, fields of work and
countries, and the release's state (so it is public exactly when its release is), one file (the
attachment's PDF, in the release's language), and a link to the release at the attachment's
position. The file is copied into the library's random folders (``documents.models.file_path``)
and the old copy removed, so the file of a document that is not public has no guessable
address. Page counts, text and covers are derived afterwards by ``manage.py process_documents``
(or the worker, for files saved later).

Reversible, nothing lost: backwards, every link of a release to a document becomes an
attachment again (one per file; the original attachment's id, title and position for those made
here) and the documents made here are deleted; their files stay where they are.
"""

import secrets

from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify

TYPE_SLUG = "press-release-attachments"
PREFIX = "press.attachment:"


def _document_type(apps):
    DocumentType = apps.get_model("taxonomy", "DocumentType")
    found = DocumentType.objects.filter(slug=TYPE_SLUG).first()
    if found is not None:
        return found
    last = DocumentType.objects.order_by("-tree_id").values_list("tree_id", flat=True).first()
    return DocumentType.objects.create(
        name="Press release attachments",
        slug=TYPE_SLUG,
        description="Documents first published as attachments of press releases.",
        tree_id=(last or 0) + 1,
        lft=1,
        rght=2,
        level=0,
    )


def _slug(title, taken):
    base = (slugify(title)[:280] or "document").strip("-") or "document"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _moved(name):
    """The attachment's file copied under a random folder; its old name if it cannot be read."""
    try:
        with default_storage.open(name, "rb") as source:
            new_name = default_storage.save(
                f"documents/files/{secrets.token_urlsafe(24)}/{name.rsplit('/', 1)[-1]}", source
            )
    except OSError:
        return name, 0
    return new_name, default_storage.size(new_name)


def forwards(apps, schema_editor):
    Attachment = apps.get_model("press", "Attachment")
    Document = apps.get_model("documents", "Document")
    DocumentFile = apps.get_model("documents", "DocumentFile")
    ReleaseDocument = apps.get_model("documents", "ReleaseDocument")
    attachments = Attachment.objects.select_related("release").order_by("id")
    if not attachments.exists():
        return
    kind = _document_type(apps)
    taken = set(Document.objects.values_list("slug", flat=True))
    old_files = []
    for attachment in attachments.iterator(chunk_size=500):
        release = attachment.release
        document = Document.objects.create(
            title=attachment.title,
            slug=_slug(attachment.title, taken),
            document_type=kind,
            date=timezone.localtime(release.published_at).date(),
            issuer_id=release.source_id,
            language=release.language,
            status=release.status,
            published_at=release.published_at,
            first_published_at=release.first_published_at,
            withdrawn_at=release.withdrawn_at,
            withdrawal_note=release.withdrawal_note,
            alternative_url=release.alternative_url,
            deleted_at=release.deleted_at,
            created_by_id=release.created_by_id,
            updated_by_id=release.updated_by_id,
            imported_from=f"{PREFIX}{attachment.pk}",
        )
        document.fields_of_work.set(release.fields_of_work.all())
        document.countries.set(release.countries.all())
        if attachment.file:
            name, size = _moved(attachment.file.name)
            if name != attachment.file.name:
                old_files.append(attachment.file.name)
            DocumentFile.objects.create(
                document=document, language=release.language, file=name, size=size
            )
        ReleaseDocument.objects.create(
            release=release, document=document, position=attachment.position
        )
    attachments.delete()
    for name in old_files:  # last: every row above is written
        default_storage.delete(name)


def backwards(apps, schema_editor):
    Attachment = apps.get_model("press", "Attachment")
    Document = apps.get_model("documents", "Document")
    ReleaseDocument = apps.get_model("documents", "ReleaseDocument")
    links = ReleaseDocument.objects.select_related("document").order_by("id")
    for link in links.iterator(chunk_size=500):
        document = link.document
        files = list(document.files.order_by("position", "id"))
        imported = document.imported_from.startswith(PREFIX)
        for index, document_file in enumerate(files):
            title = document.title
            if len(files) > 1:
                title = f"{title} ({document_file.language})"
            fields = {
                "release_id": link.release_id,
                "title": title[:300],
                "file": document_file.file.name,
                "position": link.position,
            }
            if imported and index == 0:
                fields["id"] = int(document.imported_from.removeprefix(PREFIX))
            Attachment.objects.create(**fields)
    Document.objects.filter(imported_from__startswith=PREFIX).delete()
    # The original ids were written explicitly: the id sequence must follow them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Attachment]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_imported_from"),
        ("press", "0011_remove_moved_records"),
        ("taxonomy", "0004_documenttype"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
