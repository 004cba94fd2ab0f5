"""Revisions of any registered item: snapshot on every save, readable diff, restore in place.

A snapshot holds every concrete field (as the serializer writes it), the ids of every
many-to-many relation, and the child rows the content type registered (a release's contacts
and attachments), so that nothing an editor typed is lost. Diffs are computed on text with
difflib and rendered with every fragment escaped: titles and bodies may contain hostile markup.
"""

import difflib
import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import scopes
from .models import Revision
from .registry import kind_of

# Never taken from a revision: the engine's own state, identity and authorship.
NOT_RESTORED = {
    "id",
    "status",
    "published_at",
    "first_published_at",
    "major_updated_at",
    "needs_retrospective_review",
    "withdrawn_at",
    "withdrawal_note",
    "alternative_url",
    "ends_at",
    "end_action",
    "end_note",
    "version",
    "deleted_at",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    # A version's language and its place in a translation group (editorial/translations.py).
    "language",
    "translation_key",
    "translation_of",
    "translated_at",
}


def _field_value(item, field):
    value = field.value_from_object(item)
    if isinstance(field, models.FileField):
        return value.name or ""
    return value


def _child_fields(item, related_name):
    return kind_of(item).children[related_name]


def snapshot(item):
    """Every field of ``item`` and its relations, as JSON-ready data."""
    encoder = DjangoJSONEncoder()
    data = {}
    for field in item._meta.concrete_fields:
        value = _field_value(item, field)
        if not isinstance(value, str | int | float | bool | dict | list | type(None)):
            value = encoder.default(value)
        data[field.attname] = value
    for field in item._meta.many_to_many:
        data[field.name] = sorted(getattr(item, field.name).values_list("pk", flat=True))
    for related_name, fields in kind_of(item).children.items():
        data[related_name] = list(getattr(item, related_name).values(*fields))
    return data


def record_revision(item, user, comment=""):
    """Keep a revision of ``item`` as it is in the database now (after relations saved)."""
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        created_by=user if user is not None and user.is_authenticated else None,
        version=item.version,
        data=snapshot(item),
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


def _relations(model):
    opts = model._meta
    return [f for f in (*opts.concrete_fields, *opts.many_to_many) if f.is_relation]


def _labels(model, old, new):
    """Human-readable values for the relations of two snapshots (one query per relation)."""
    labels = {}
    for field in _relations(model):
        ids = set()
        key = field.name if field.many_to_many else field.attname
        for data in (old, new):
            value = data.get(key)
            ids.update(value if isinstance(value, list) else [value] if value else [])
        related = field.related_model.objects.filter(pk__in=ids) if ids else []
        labels[key] = {obj.pk: str(obj) for obj in related}
    return labels


def _as_text(key, value, labels):
    if key in labels:
        values = value if isinstance(value, list) else [value] if value else []
        return "\n".join(str(labels[key].get(pk, f"#{pk}")) for pk in values)
    if isinstance(value, list):
        return "\n".join(
            " · ".join(str(v) for v in row.values() if v != "")
            if isinstance(row, dict)
            else str(row)
            for row in value
        )
    return "" if value is None else str(value)


def _labelled_keys(item_model):
    opts = item_model._meta
    for field in opts.concrete_fields:
        if field.name != "id":
            yield field.attname, field.verbose_name
    for field in opts.many_to_many:
        yield field.name, field.verbose_name
    for related_name in kind_of(item_model).children:
        related = opts.get_field(related_name).related_model
        yield related_name, related._meta.verbose_name_plural


def diff(old, new):
    """Rows (label, escaped HTML diff) for every field that differs between two revisions."""
    model = old.content_type.model_class()
    labels = _labels(model, old.data, new.data)
    rows = []
    for key, label in _labelled_keys(model):
        before, after = old.data.get(key), new.data.get(key)
        if before != after:
            text_diff = _text_diff(_as_text(key, before, labels), _as_text(key, after, labels))
            rows.append((str(label)[:1].upper() + str(label)[1:], text_diff))
    return rows


# --- Restore -----------------------------------------------------------------------------------


def _known(row, fields):
    return {name: row[name] for name in fields if name in row}


def restore_in_place(item, revision, user):
    """Put the content of ``revision`` back on ``item`` (saved by the caller).

    The slug, the state and the publication time stay; relations and child rows are replaced
    after the item is saved (``item.save()`` then sees the restored fields). Refused when the
    revision's structure lies outside ``user``'s scope.
    """
    kind = kind_of(item)
    opts = item._meta
    data = revision.data
    keep = NOT_RESTORED | set(kind.keep_on_restore)
    if kind.scope_field:
        scope = opts.get_field(kind.scope_field)
        node = scope.related_model.objects.filter(pk=data.get(scope.attname)).first()
        if not scopes.in_scope(user, node):
            raise PermissionDenied(
                _("This version belongs to a %(field)s outside your editorial scope.")
                % {"field": scope.verbose_name}
            )
    for field in opts.concrete_fields:
        if field.name not in keep and field.attname in data:
            setattr(item, field.attname, field.to_python(data[field.attname]))

    def relations():
        for field in opts.many_to_many:
            if field.name in data:
                getattr(item, field.name).set(
                    field.related_model.objects.filter(pk__in=data[field.name])
                )
        for related_name, fields in kind.children.items():
            manager = getattr(item, related_name)
            manager.all().delete()
            child = opts.get_field(related_name)
            child.related_model.objects.bulk_create(
                child.related_model(**{child.field.name: item, **_known(row, fields)})
                for row in data.get(related_name, [])
            )

    return relations
