"""Linked translations: one item in several languages, for every content type on the engine.

The versions of an item share a ``translation_key`` (``EditorialModel``); each is a full item of
its own, with its text, language, workflow state, revisions, publication and address, so a
French version can be in review while the English one is published. What makes them one item is
kept equal across the group: the fields the content type registers as ``shared`` (a release's
source, place, fields of work and countries) are copied to every version whenever one is saved
(``share``). A translation remembers the version it was made from (``translation_of``) and when
it last matched it (``translated_at``): it is *outdated* once that source has a major change
after that time, and the editors who made it are told (``source_changed``).

Rules, enforced here and by the database (``one_version_per_language``): a version's language
is one of ``settings.CONTENT_LANGUAGES`` (the interface languages and the field operations'
local ones); a group has at most one version per language.

Public pages read ``public_versions`` (one query; none when the page's own query found no
other public version, ``with_versions_flag``) to list the languages an item exists in,
to advertise only those with ``hreflang`` and to make the language switcher lead to the
translation, or, when there is none, to the list the item belongs to in that language
(``?untranslated=<slug>``), which names the languages the item does exist in (``missing``).
"""

import functools

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from . import revisions, signals
from .actions import can
from .models import Status
from .registry import kind_of
from .slugs import unique_slug

# The query parameter of a list reached from an item without a version in the list's language.
UNTRANSLATED_PARAMETER = "untranslated"

# What a translation never copies from its source: identity, workflow and authorship.
NOT_COPIED = {
    "id",
    "slug",
    "language",
    "translation_key",
    "translation_of",
    "translated_at",
    "status",
    "published_at",
    "first_published_at",
    "major_updated_at",
    "needs_retrospective_review",
    "withdrawn_at",
    "withdrawal_note",
    "alternative_url",
    "version",
    "deleted_at",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
}


class State:
    """A cell of the translation status board."""

    MISSING = "missing"
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    OUTDATED = "outdated"
    OFFLINE = "offline"

    LABELS = {
        MISSING: _("missing"),
        DRAFT: _("draft"),
        REVIEW: _("in review"),
        PUBLISHED: _("published"),
        OUTDATED: _("outdated"),
        OFFLINE: _("unpublished"),
    }


# --- Languages ----------------------------------------------------------------------------------


def content_languages():
    """{code: name} of every language content may be written in, in the settings' order."""
    return dict(settings.CONTENT_LANGUAGES)


def site_languages():
    """The interface languages (each has its own address prefix)."""
    return [code for code, _name in settings.LANGUAGES]


def local_name(code):
    """The language's name in itself ("Français", "Русский", "Shqip")."""
    try:
        name = translation.get_language_info(code)["name_local"]
    except KeyError:
        name = str(content_languages().get(code, code))
    return name[:1].upper() + name[1:]


def interface_language(code):
    """The interface a version in ``code`` is shown in: its own, or the site's default."""
    return code if code in site_languages() else settings.LANGUAGE_CODE


def _order(code):
    codes = list(content_languages())
    return codes.index(code) if code in codes else len(codes)


# --- Rules --------------------------------------------------------------------------------------


def check_language(model, language, *, translation_key=None, pk=None):
    """Refuse a language the site does not publish in, or one the group already has.

    Raises a ``ValidationError`` on ``language`` (the admin form shows it on the field).
    """
    if language not in content_languages():
        raise ValidationError(
            {
                "language": _("“%(code)s” is not a language this site publishes in.")
                % {"code": str(language)[:20]}
            }
        )
    if translation_key is None:
        return
    clash = (
        model._base_manager.filter(translation_key=translation_key, language=language)
        .exclude(pk=pk)
        .first()
    )
    if clash is not None:
        message = _("This %(item)s already has a version in %(language)s: “%(title)s”.")
        if clash.deleted_at is not None:
            message = _(
                "This %(item)s already has a version in %(language)s, in the trash: "
                "“%(title)s”. Restore it, or delete it for good first."
            )
        raise ValidationError(
            {
                "language": message
                % {
                    "item": model._meta.verbose_name,
                    "language": content_languages()[language],
                    "title": clash,
                }
            }
        )


def check(item):
    """The rules for ``item`` as it is about to be saved."""
    check_language(type(item), item.language, translation_key=item.translation_key, pk=item.pk)


# --- Versions -----------------------------------------------------------------------------------


def group(item, queryset=None):
    """Every version of ``item`` (``queryset`` narrows it, e.g. to public ones), itself included."""
    queryset = type(item)._base_manager.all() if queryset is None else queryset
    return queryset.filter(translation_key=item.translation_key)


def with_versions_flag(queryset):
    """``has_other_versions`` on each item of ``queryset``: whether it has another version (in
    any state), read in the item's own query. Most items exist in one language; for them
    ``item_languages`` then needs no query."""
    return queryset.annotate(has_other_versions=_other_versions(queryset.model))


@functools.cache
def _other_versions(model):
    # Built once per model (annotating resolves a copy); any state, so that it holds at any time.
    others = model._base_manager.filter(translation_key=OuterRef("translation_key"))
    return Exists(others.exclude(pk=OuterRef("pk")))


def public_versions(item, now=None):
    """The public versions of ``item`` (itself included when public), in the languages' order.

    One query, reading only what an address needs (the registration's ``url_fields``).
    """
    kind = kind_of(item)
    fields = ("pk", "language", "translation_key", *kind.url_fields)
    versions = list(group(item, type(item).objects.public(now)).only(*fields))
    return sorted(versions, key=lambda version: _order(version.language))


def url_in(version, code):
    """The address of ``version`` in the interface language ``code``."""
    with translation.override(code):
        return version.get_absolute_url()


def home_url(version):
    """The address of ``version`` in its own interface language (or the default one)."""
    return url_in(version, interface_language(version.language))


def item_languages(request, item, versions=None):
    """What an item's page says about its languages (context ``item_languages``).

    ``versions``: the public versions (``public_versions``), to which the item itself is added
    when it is not public (a preview). For the header's switcher, ``switch`` maps each
    interface language to the version in it, else to the item's list in that language with
    the notice that names the languages it exists in. ``alternates`` are the (language,
    absolute address) of each public version, for ``hreflang``.
    """
    kind = kind_of(item)
    if versions is None and not getattr(item, "has_other_versions", True):
        versions = [item]  # a public item (its page's query said so), alone in its group
    versions = list(public_versions(item) if versions is None else versions)
    public = [version for version in versions if version.pk != item.pk]
    if len(public) < len(versions):
        public = versions  # the item is public itself
    if all(version.pk != item.pk for version in versions):
        versions = sorted([*versions, item], key=lambda version: _order(version.language))
    current = translation.get_language()
    by_language = {version.language: version for version in versions}
    switch = {}
    for code in site_languages():
        version = by_language.get(code)
        if version is not None:
            switch[code] = url_in(version, code)
        elif code == current or not kind.list_url_name:
            switch[code] = url_in(item, code)
        else:
            with translation.override(code):
                switch[code] = (
                    f"{reverse(kind.list_url_name)}?"
                    f"{urlencode({UNTRANSLATED_PARAMETER: item.slug})}"
                )
    addresses = [
        (version.language, request.build_absolute_uri(home_url(version))) for version in public
    ]
    return {
        "versions": [
            {
                "code": version.language,
                "name": local_name(version.language),
                "url": home_url(version) if version.pk != item.pk else request.path,
                "current": version.pk == item.pk,
            }
            for version in versions
        ],
        "switch": switch,
        "alternates": addresses,
        "x_default": next((url for code, url in addresses if code == settings.LANGUAGE_CODE), None),
    }


def missing(model, slug):
    """For a list reached with ``?untranslated=<slug>``: the public item with that slug, the
    address of its version in the page's language if it has one (``here``: go there), and its
    public versions; None for an unknown or non-public slug (nothing is said about it)."""
    if not isinstance(slug, str) or not slug or len(slug) > 300:
        return None
    fields = ("pk", "language", "translation_key", *kind_of(model).url_fields)
    item = model.objects.public().filter(slug=slug).only(*fields).first()
    if item is None:
        return None
    versions = public_versions(item)
    current = translation.get_language()
    here = next((version for version in versions if version.language == current), None)
    return {
        "item": item,
        "here": url_in(here, current) if here is not None else None,
        "versions": [
            {"code": version.language, "name": local_name(version.language), "url": url}
            for version in versions
            for url in [home_url(version)]
        ],
    }


# --- Translating --------------------------------------------------------------------------------


def _copy(source, language, user):
    model = type(source)
    values = {
        field.attname: field.value_from_object(source)
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED
    }
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField) and field.attname in values:
            values[field.attname] = values[field.attname].name or ""
    copy = model(**values)
    copy.language = language
    copy.translation_key = source.translation_key
    copy.translation_of = source
    copy.translated_at = timezone.now()
    copy.published_at = timezone.now()
    copy.slug = unique_slug(model, f"{source.slug}-{language}", fallback=model._meta.model_name)
    return copy


def translate(source, user, language):
    """A new draft of ``source`` in ``language``, prefilled with its text, its relations and
    its child rows, in the same translation group; returns it.

    Refused (``PermissionDenied``) unless ``user`` may write this kind in the source's scope;
    refused (``ValidationError``) for a language the site does not publish in or one the group
    already has.
    """
    from .workflow import audit, save_new

    if not kind_of(source).linked_translations:
        raise ValidationError(
            _("A %(item)s is translated in its own form, one field per language.")
            % {"item": source._meta.verbose_name}
        )
    if not can(user, "translate", source):
        raise PermissionDenied(
            _("You may not translate this %(item)s.") % {"item": source._meta.verbose_name}
        )
    kind = kind_of(source)
    with transaction.atomic():
        check_language(type(source), language, translation_key=source.translation_key)
        copy = _copy(source, language, user)
        save_new(copy, user)
        for field in type(source)._meta.many_to_many:
            getattr(copy, field.name).set(getattr(source, field.name).all())
        for related_name, fields in kind.children.items():
            manager = getattr(copy, related_name)
            for row in getattr(source, related_name).values(*fields):
                manager.create(**row)
        comment = _("Translated from %(language)s") % {
            "language": content_languages()[source.language]
        }
        revisions.record_revision(copy, user, comment)
        audit(copy, user, "translate", to_status=copy.status, comment=str(comment))
    return copy


def share(item):
    """Copy ``item``'s shared fields (its registration's ``shared``) to its other versions.

    Call after ``item`` and its relations are saved. Versions that are public announce the
    change (``public_output_changed``: their pages and listings show the new tags).
    """
    from .workflow import announce

    kind = kind_of(item)
    if not kind.shared:
        return
    model = type(item)
    others = list(group(item).exclude(pk=item.pk))
    if not others:
        return
    opts = model._meta
    simple = [name for name in kind.shared if not opts.get_field(name).many_to_many]
    if simple:
        model._base_manager.filter(pk__in=[other.pk for other in others]).update(
            **{
                opts.get_field(name).attname: getattr(item, opts.get_field(name).attname)
                for name in simple
            }
        )
    for name in kind.shared:
        if opts.get_field(name).many_to_many:
            values = list(getattr(item, name).all())
            for other in others:
                getattr(other, name).set(values)
    for other in others:
        if other.is_public():
            announce(other, signals.UPDATED)


def mark_up_to_date(item, now=None):
    """The translation ``item`` matches its source again (the translator says so)."""
    item.translated_at = now or timezone.now()
    type(item)._base_manager.filter(pk=item.pk).update(translated_at=item.translated_at)


def _outdated(translated_at, source_major_updated_at):
    return source_major_updated_at is not None and (
        translated_at is None or source_major_updated_at > translated_at
    )


def outdated_condition():
    """``is_outdated`` as a condition on versions (for the status board's filter)."""
    return Q(translation_of__major_updated_at__isnull=False) & (
        Q(translated_at__isnull=True) | Q(translation_of__major_updated_at__gt=F("translated_at"))
    )


def is_outdated(item, source=None):
    """Has the source of translation ``item`` had a major change since it last matched?

    The source's last major change is read from ``source``, else from the annotation
    ``source_major_updated_at`` (the status board's), else from ``item.translation_of``.
    """
    if source is not None:
        major = source.major_updated_at
    elif hasattr(item, "source_major_updated_at"):
        major = item.source_major_updated_at
    elif item.translation_of_id:
        major = item.translation_of.major_updated_at
    else:
        major = None
    return _outdated(item.translated_at, major)


def state_of(item, source=None):
    """The board's cell for an existing version."""
    if item.translation_of_id and is_outdated(item, source):
        return State.OUTDATED
    if item.status == Status.DRAFT:
        return State.DRAFT
    if item.status == Status.SUBMITTED:
        return State.REVIEW
    if item.status == Status.UNPUBLISHED:
        return State.OFFLINE
    return State.PUBLISHED


# The statuses of each state (the board's filter; OUTDATED takes precedence over them).
STATE_STATUSES = {
    State.DRAFT: (Status.DRAFT,),
    State.REVIEW: (Status.SUBMITTED,),
    State.PUBLISHED: (Status.SCHEDULED, Status.PUBLISHED, Status.WITHDRAWN),
    State.OFFLINE: (Status.UNPUBLISHED,),
}


def source_changed(item, user):
    """``item`` had a major change: the translators of its translations are told."""
    notifications = kind_of(item).notifications
    if notifications is None or not hasattr(notifications, "source_changed"):
        return
    for version in group(item, type(item).objects.alive()).filter(translation_of=item):
        notifications.source_changed(version, item, user)


def _versions_of(queryset, keys):
    """{translation_key: [version, ...]} of ``queryset``'s versions in the groups ``keys`` that
    have more than one, reading only what an address needs, in the languages' order. One query
    for any number; a version alone in its group (most are) is never made an instance."""
    if not keys:
        return {}
    model = queryset.model
    wanted = {"language", "translation_key", *kind_of(model).url_fields}
    # In the model's order of fields, as ``from_db`` takes them.
    names = [f.attname for f in model._meta.concrete_fields if f.primary_key or f.name in wanted]
    key_at = names.index("translation_key")
    rows = {}
    for row in queryset.filter(translation_key__in=keys).values_list(*names):
        rows.setdefault(row[key_at], []).append(row)
    groups = {}
    for key, members in rows.items():
        if len(members) > 1:
            versions = [model.from_db(queryset.db, names, row) for row in members]
            groups[key] = sorted(versions, key=lambda version: _order(version.language))
    return groups


def alternates_for(model, items):
    """{pk: [(language, address), ...]} for each of ``items`` (listed versions of ``model``)
    whose group has more than one listed version: every version, itself included, for a
    sitemap's ``xhtml:link``. One query for any number of items."""
    groups = _versions_of(model.objects.listed(), {item.translation_key for item in items})
    alternates = {}
    for item in items:
        versions = groups.get(item.translation_key, [])
        if len(versions) > 1:
            alternates[item.pk] = [(version.language, home_url(version)) for version in versions]
    return alternates


def public_translations(model, keys, now=None):
    """{pk: [version, ...]}: for each item of ``keys`` ({pk: translation_key}), the other
    public versions of its group (the read API's ``translations``). One query for any number
    of items."""
    groups = _versions_of(model.objects.public(now), set(keys.values()))
    return {
        pk: [version for version in groups.get(key, []) if version.pk != pk]
        for pk, key in keys.items()
    }
