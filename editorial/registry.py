"""The content types on the engine: each registers itself once, from its app's ``ready()``.

A registration says which field holds the item's structure (its editorial scope), what a
revision keeps besides the concrete fields, how its preview is rendered and where its
notifications go. Everything else (actions, rights, states, revisions, audit, previews, the
"public output changed" signal, the admin screens, the shared tests) comes from the engine.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class ContentKind:
    model: type
    # The foreign key to taxonomy.Structure that decides who may work on an item (their
    # editorial scope); None: rights alone decide.
    scope_field: str | None = None
    # Child rows naming further structures of an item ("co_issuers__structure": a release's
    # co-issuers): officers whose scope covers one of them may propose changes (the actions
    # declared with ``contributors``); deciding stays with the scope field's editors.
    contributor_scope: str | None = None
    # Child rows a revision keeps and restores: related name -> fields.
    children: dict = field(default_factory=dict)
    # Fields a revision never puts back (besides the engine's own workflow fields).
    keep_on_restore: tuple = ("slug",)
    # ``render(request, item) -> response``: the public page of ``item``, for a preview.
    preview: object = None
    # The URL name of the shared preview link view (``<str:token>``).
    preview_url_name: str = ""
    # An object with ``submitted(item, actor)``, ``rejected(item, actor, comment)`` and
    # ``published(item, actor)`` (and optionally ``source_changed(translation, source,
    # actor)``), or None.
    notifications: object = None
    # Linked translations (editorial/translations.py): the fields every language version of an
    # item has in common (its taxonomy tags), the fields ``get_absolute_url`` reads, and the
    # URL name of the public list the item belongs to (where the language switcher leads when
    # the item has no version in a language).
    shared: tuple = ()
    url_fields: tuple = ("slug",)
    list_url_name: str = ""
    # False for a kind whose texts are translated in place (one row, a column per language,
    # as simple pages with django-modeltranslation): no linked versions are offered.
    linked_translations: bool = True

    @property
    def label(self):
        return self.model._meta.label_lower

    def perm(self, right):
        """The permission of ``right`` ("view", "change", "review", "publish", ...)."""
        opts = self.model._meta
        return f"{opts.app_label}.{right}_{opts.model_name}"

    def scope_node(self, item):
        return getattr(item, self.scope_field) if self.scope_field else None

    def content_type(self):
        return ContentType.objects.get_for_model(self.model)


_kinds = {}


def register(model, **options):
    """Put ``model`` (a subclass of ``editorial.models.EditorialModel``) on the engine."""
    kind = ContentKind(model=model, **options)
    _kinds[model._meta.label_lower] = kind
    return kind


def kind_of(model_or_item):
    """The registration of a model, an instance of it, or a label ("press.pressrelease")."""
    label = model_or_item if isinstance(model_or_item, str) else model_or_item._meta.label_lower
    try:
        return _kinds[label]
    except KeyError:
        raise LookupError(f"{label} is not registered with the editorial engine") from None


def kinds():
    return list(_kinds.values())


def scope_fields():
    """(model name, scope field) of every registered kind with a scope."""
    return {(kind.model._meta.model_name, kind.scope_field) for kind in kinds() if kind.scope_field}
