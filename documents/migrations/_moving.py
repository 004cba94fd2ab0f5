"""What the migrations that make library documents from older attachments share (0005: press
release attachments, 0008: events' own PDFs). Not a migration: the loader skips names that
start with an underscore."""

import secrets

from django.contrib.auth.management import create_permissions
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.utils.text import slugify


def document_type(apps, slug, name, description):
    """The document type ``slug``, made a tree of its own if missing."""
    DocumentType = apps.get_model("taxonomy", "DocumentType")
    found = DocumentType.objects.filter(slug=slug).first()
    if found is not None:
        return found
    last = DocumentType.objects.order_by("-tree_id").values_list("tree_id", flat=True).first()
    return DocumentType.objects.create(
        name=name,
        name_en=name,  # the translated fields (taxonomy/translation.py): English
        slug=slug,
        description=description,
        description_en=description,
        search_names=f"\n{name.casefold()}\n",  # as Term.compute_search_names would
        tree_id=(last or 0) + 1,
        lft=1,
        rght=2,
        level=0,
    )


def unique_slug(title, taken):
    base = (slugify(title)[:280] or "document").strip("-") or "document"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def moved(name):
    """The file copied under a random folder, and its size; its old name if it cannot be read."""
    try:
        with default_storage.open(name, "rb") as source:
            new_name = default_storage.save(
                f"documents/files/{secrets.token_urlsafe(24)}/{name.rsplit('/', 1)[-1]}", source
            )
    except OSError:
        return name, 0
    return new_name, default_storage.size(new_name)


def reset_sequence(schema_editor, model):
    """After rows written with explicit ids: the id sequence follows them."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def attachments_again(links, attachment_model, owner, prefix):
    """Backwards: every link of an ``owner`` (release, event) to a document becomes one
    attachment per file again, with the original id of those made from one (``prefix``)."""
    for link in links.select_related("document").order_by("id").iterator(chunk_size=500):
        document = link.document
        files = list(document.files.order_by("position", "id"))
        imported = document.imported_from.startswith(prefix)
        for index, document_file in enumerate(files):
            title = document.title
            if len(files) > 1:
                title = f"{title} ({document_file.language})"
            fields = {
                f"{owner}_id": getattr(link, f"{owner}_id"),
                "title": title[:300],
                "file": document_file.file.name,
                "position": link.position,
            }
            if imported and index == 0:
                fields["id"] = int(document.imported_from.removeprefix(prefix))
            attachment_model.objects.create(**fields)


def add_file(file_model, document, field_file, language, old_files):
    """The attachment's file as the document's one file, moved (its old name into
    ``old_files``, deleted once every row is written); nothing when it has no file."""
    if not field_file:
        return
    name, size = moved(field_file.name)
    if name != field_file.name:
        old_files.append(field_file.name)
    file_model.objects.create(document=document, language=language, file=name, size=size)


def document_from(document_model, owner, *, kind, taken, title, date, issuer_id, imported_from, state):
    """A document made from an attachment of ``owner`` (a release, an event): the ``state``
    fields (its editorial state), language, fields of work and countries are the owner's."""
    document = document_model.objects.create(
        title=title,
        slug=unique_slug(title, taken),
        document_type=kind,
        date=date,
        issuer_id=issuer_id,
        language=owner.language,
        imported_from=imported_from,
        **{field: getattr(owner, field) for field in state},
    )
    document.fields_of_work.set(owner.fields_of_work.all())
    document.countries.set(owner.countries.all())
    return document


VERBS = ("add", "change", "delete", "view")


def ensure_permissions(apps):
    """Every model's permissions, as post_migrate would make them (this runs before it)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def pass_rights(apps, source, target, *, keep_source):
    """Who holds a right on ``source`` (app label, model) gets the same right on ``target``;
    without ``keep_source`` the source's rights are taken away: a right left on a model that no
    longer exists names it, and a dump of the groups could not be loaded again."""
    ensure_permissions(apps)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    for verb in VERBS:
        old, new = (
            Permission.objects.filter(
                content_type__app_label=app, content_type__model=model, codename=f"{verb}_{model}"
            ).first()
            for app, model in (source, target)
        )
        if old is None or new is None:
            continue
        for group in Group.objects.filter(permissions=old):
            group.permissions.add(new)
            if not keep_source:
                group.permissions.remove(old)
        for user in User.objects.filter(user_permissions=old):
            user.user_permissions.add(new)
            if not keep_source:
                user.user_permissions.remove(old)
