"""The translation status board (/admin/editorial/translations/): items × languages.

One row per item (its oldest version in the user's scope stands for the group), one column per
interface language (and any other content language an item on the page is written in). Each
cell is missing, draft, in review, published, unpublished or outdated (its source had a major
change after the translation last matched it), with a link to the version, or a "Translate"
button where it is missing and the user may translate. Filterable by content type, structure
(the kind's scope field, subtree included), state and language. A page costs the same queries
whatever its number of rows or languages.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.forms import TreeNodeChoiceField

from taxonomy import subtrees
from taxonomy.models import Structure

from . import scopes, translations
from .actions import can
from .registry import kinds
from .translations import STATE_STATUSES, State

ROWS_PER_PAGE = 50


def board_kinds(user):
    """The kinds with linked translations whose items ``user`` may see."""
    return [
        kind
        for kind in kinds()
        if kind.linked_translations and (user.is_superuser or user.has_perm(kind.perm("view")))
    ]


class BoardForm(forms.Form):
    kind = forms.ChoiceField(label=_("Content type"), required=False)
    structure = TreeNodeChoiceField(
        label=_("Structure"), queryset=Structure.objects.none(), required=False
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("any")), *State.LABELS.items()],
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, user, kinds):
        super().__init__(data)
        self.fields["kind"].choices = [
            (kind.label, kind.model._meta.verbose_name_plural) for kind in kinds
        ]
        self.fields["structure"].queryset = scopes.structures_for(
            user, Structure.objects.order_by("tree_id", "lft")
        )
        self.fields["structure"].empty_label = _("any")
        self.fields["language"].choices = [
            ("", _("any")),
            *translations.content_languages().items(),
        ]


def _rows(kind, user, values):
    """The page's row items: the oldest alive version of each group the user may see."""
    model = kind.model
    older = model.objects.alive().filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    # Long texts stay in the database; the scope node is read with the row (rights per row).
    texts = [f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)]
    rows = scopes.items_for(user, model).filter(~Exists(older)).defer(*texts)
    if kind.scope_field:
        rows = rows.select_related(kind.scope_field)
    if values.get("structure") is not None and kind.scope_field:
        rows = rows.filter(subtrees.within(kind.scope_field, [values["structure"]]))
    state = values.get("state")
    if state:
        rows = rows.filter(_state_condition(model, state, values.get("language")))
    return rows.order_by("-published_at", "-pk")


def _state_condition(model, state, language):
    """Rows with a version (in ``language``, or any) in ``state``; for "missing", rows without
    a version in ``language`` (or in one of the interface languages)."""
    versions = model.objects.alive().filter(translation_key=OuterRef("translation_key"))
    if state == State.MISSING:
        codes = [language] if language else translations.site_languages()
        condition = Q(pk__in=[])
        for code in codes:
            condition |= ~Exists(versions.filter(language=code))
        return condition
    if language:
        versions = versions.filter(language=language)
    outdated = translations.outdated_condition()
    if state == State.OUTDATED:
        return Exists(versions.filter(outdated))
    return Exists(versions.filter(status__in=STATE_STATUSES[state]).exclude(outdated))


def _admin_url(kind, view, *args):
    opts = kind.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def board_view(request):
    user = request.user
    available = board_kinds(user)
    if not (user.is_active and user.is_staff) or not available:
        raise PermissionDenied
    form = BoardForm(request.GET or None, user=user, kinds=available)
    values = form.cleaned_data if form.is_bound and form.is_valid() else {}
    kind = next((k for k in available if k.label == values.get("kind")), available[0])
    page = Paginator(_rows(kind, user, values), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    versions = {}
    if items:
        found = (
            kind.model.objects.alive()
            .filter(translation_key__in={item.translation_key for item in items})
            .annotate(source_major_updated_at=F("translation_of__major_updated_at"))
            .only(
                "pk",
                "language",
                "status",
                "translation_key",
                "translation_of",
                "translated_at",
                "deleted_at",
            )
        )
        for version in found:
            versions.setdefault(version.translation_key, {})[version.language] = version
    names = translations.content_languages()
    present = {code for group in versions.values() for code in group}
    columns = [code for code in names if code in translations.site_languages() or code in present]
    rows = []
    for item in items:
        group = versions.get(item.translation_key, {})
        may_translate = can(user, "translate", item)
        cells = []
        for code in columns:
            version = group.get(code)
            if version is None:
                cells.append(
                    {
                        "code": code,
                        "state": State.MISSING,
                        "label": State.LABELS[State.MISSING],
                        "translate": may_translate,
                    }
                )
                continue
            state = translations.state_of(version)
            cells.append(
                {
                    "code": code,
                    "state": state,
                    "label": State.LABELS[state],
                    "url": _admin_url(kind, "change", version.pk),
                }
            )
        rows.append(
            {
                "item": item,
                "url": _admin_url(kind, "change", item.pk),
                "cells": cells,
                "translate_url": _admin_url(kind, "translate", item.pk),
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation status"),
        "form": form,
        "kind": kind,
        "kind_name": kind.model._meta.verbose_name_plural,
        "columns": [(code, names[code]) for code in columns],
        "rows": rows,
        "page_obj": page,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/editorial/translation_board.html", context)
