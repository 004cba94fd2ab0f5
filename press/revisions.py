"""Revisions of a press release: snapshot on every save, readable diff, restore as a new draft.

A snapshot holds every concrete field (as the serializer writes it), the ids of every
many-to-many relation, and the contacts and attachments, so that nothing an editor typed is
lost. Diffs are computed on text with difflib and rendered with every fragment escaped:
titles and bodies may contain hostile markup.
"""

import difflib
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import Attachment, PressContact, PressRelease, Revision, Status

# Fields a restored draft takes over from its revision (workflow state starts afresh).
CONTENT_FIELDS = (
    "title",
    "slug",
    "published_at",
    "place",
    "source",
    "lead",
    "body",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
    "lead_image_renditions",
    "language",
)
M2M_FIELDS = ("fields_of_work", "countries", "related")
CONTACT_FIELDS = ("name", "role", "email", "phone", "position")
ATTACHMENT_FIELDS = ("title", "file", "position")


def _field_value(release, field):
    value = field.value_from_object(release)
    if isinstance(field, models.FileField):
        return value.name or ""
    return value


def snapshot(release):
    """Every field of ``release`` and its relations, as JSON-ready data."""
    encoder = DjangoJSONEncoder()
    data = {}
    for field in release._meta.concrete_fields:
        value = _field_value(release, field)
        if not isinstance(value, str | int | float | bool | dict | list | type(None)):
            value = encoder.default(value)
        data[field.attname] = value
    for name in M2M_FIELDS:
        data[name] = sorted(getattr(release, name).values_list("pk", flat=True))
    data["contacts"] = list(release.contacts.values(*CONTACT_FIELDS))
    data["attachments"] = list(release.attachments.values(*ATTACHMENT_FIELDS))
    return data


def record_revision(release, user, comment=""):
    """Keep a revision of ``release`` as it is in the database now (after relations saved)."""
    return Revision.objects.create(
        release=release,
        created_by=user if user is not None and user.is_authenticated else None,
        version=release.version,
        data=snapshot(release),
        comment=str(comment)[:500],
    )


# --- Diff --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[^\s]+")


def _text_diff(old, new):
    """``old`` → ``new`` word by word, as escaped HTML with <del> and <ins>."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(new_tokens[b1:b2])))
    return format_html_join("", "{}", ((part,) for part in parts))


def _labels(old, new):
    """Human-readable values for the relations of two snapshots (one query per model)."""
    labels = {}
    for name in ("place", "source", *M2M_FIELDS):
        field = PressRelease._meta.get_field(name)
        ids = set()
        for data in (old, new):
            value = data.get(field.attname)
            ids.update(value if isinstance(value, list) else [value] if value else [])
        model = field.related_model
        label = "title" if model is PressRelease else "name"
        labels[field.attname] = dict(model.objects.filter(pk__in=ids).values_list("pk", label))
    return labels


def _as_text(key, value, labels):
    if key in labels:
        values = value if isinstance(value, list) else [value] if value else []
        return "\n".join(str(labels[key].get(pk, f"#{pk}")) for pk in values)
    if key in {"contacts", "attachments"}:
        return "\n".join(" · ".join(str(v) for v in row.values() if v != "") for row in value or [])
    return "" if value is None else str(value)


def _labelled_keys():
    opts = PressRelease._meta
    for field in (*opts.concrete_fields, *opts.many_to_many):
        if field.name != "id":
            yield field.attname, field.verbose_name
    yield "contacts", _("press contacts")
    yield "attachments", _("attachments")


def diff(old, new):
    """Rows (label, escaped HTML diff) for every field that differs between two revisions."""
    labels = _labels(old.data, new.data)
    rows = []
    for key, label in _labelled_keys():
        before, after = old.data.get(key), new.data.get(key)
        if before != after:
            text_diff = _text_diff(_as_text(key, before, labels), _as_text(key, after, labels))
            rows.append((str(label)[:1].upper() + str(label)[1:], text_diff))
    return rows


# --- Restore -----------------------------------------------------------------------------------


def _free_slug(slug):
    base = slugify(slug)[:280] or "press-release"
    candidate, n = base, 1
    while PressRelease.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def restore_as_draft(revision, user):
    """A new draft release with the content of ``revision`` (the original is left alone)."""
    opts = PressRelease._meta
    data = revision.data
    release = PressRelease(status=Status.DRAFT, created_by=user, updated_by=user)
    for name in CONTENT_FIELDS:
        field = opts.get_field(name)
        if field.attname in data:
            setattr(release, field.attname, field.to_python(data[field.attname]))
    release.slug = _free_slug(release.slug)
    release.save()
    for name in M2M_FIELDS:
        model = opts.get_field(name).related_model
        getattr(release, name).set(model.objects.filter(pk__in=data.get(name, [])))
    PressContact.objects.bulk_create(
        PressContact(release=release, **row) for row in data.get("contacts", [])
    )
    Attachment.objects.bulk_create(
        Attachment(release=release, **row) for row in data.get("attachments", [])
    )
    record_revision(
        release,
        user,
        _("Restored from “%(title)s”, version %(version)s")
        % {"title": data.get("title", ""), "version": revision.version},
    )
    return release
