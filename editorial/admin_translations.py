"""Linked translations in the admin: the languages panel and "Translate into …" on every engine
content type's change form, and the shared fields kept equal across the versions on save.

``WorkflowAdminMixin`` includes ``TranslationAdminMixin``; the rules are the engine's
(``editorial.translations``), this module only shows and asks.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _

from . import translations
from .actions import can
from .registry import kind_of


def translation_form(base):
    """``base`` plus the language rules as field errors and, on an outdated translation, the
    translator's "it matches its source again"."""

    class TranslationForm(base):
        up_to_date = forms.BooleanField(
            label=_("This translation matches its source again"),
            required=False,
            help_text=_("Tick once the text says what the source now says."),
        )

        def clean(self):
            cleaned = super().clean()
            language = cleaned.get("language")
            if language:
                try:
                    translations.check_language(
                        self._meta.model,
                        language,
                        translation_key=self.instance.translation_key,
                        pk=self.instance.pk,
                    )
                except ValidationError as error:
                    field = "language" if "language" in self.fields else None
                    self.add_error(field, error.message_dict["language"])
            return cleaned

    return TranslationForm


class TranslationAdminMixin:
    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = translation_form(kwargs.get("form", self.form))
        # By keyword: modeltranslation's TranslationAdmin.get_form takes no ``change``.
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and translations.is_outdated(obj):
            fieldsets.append((_("Translation"), {"fields": ["up_to_date"]}))
        return fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("up_to_date"):
            translations.mark_up_to_date(form.instance)

    # After the relations and the inlines are saved (and the content type's own save_related):
    # the other versions get the shared fields.
    def log_addition(self, request, obj, message):
        translations.share(obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        translations.share(obj)
        return super().log_change(request, obj, message)

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "<path:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name=f"{opts.app_label}_{opts.model_name}_translate",
            ),
        ]
        return own + super().get_urls()

    def translate_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        source = self._item(request, object_id, "translate")
        try:
            copy = translations.translate(source, request.user, request.POST.get("language", ""))
        except PermissionDenied:
            raise
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(_admin_url(source, "change"))
        self.message_user(
            request,
            _("A draft in %(language)s is ready: translate it here.")
            % {"language": translations.content_languages()[copy.language]},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(_admin_url(copy, "change"))


def _admin_url(item, view):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[item.pk])


def translations_panel(request, item):
    """The change form's languages: each version (with its state and a link when the user may
    see it) and the languages it can still be translated into; None for a kind translated in
    place."""
    if not kind_of(item).linked_translations:
        return None
    names = translations.content_languages()
    versions = list(
        translations.group(item, type(item).objects.alive()).select_related("translation_of")
    )
    taken = set(
        translations.group(item).values_list("language", flat=True)
    )  # trashed versions too: their language is not free
    rows = []
    for version in sorted(versions, key=lambda v: list(names).index(v.language)):
        try:
            url = _admin_url(version, "change") if can(request.user, "view", version) else None
        except NoReverseMatch:
            url = None
        state = translations.state_of(version)
        rows.append(
            {
                "item": version,
                "language": names.get(version.language, version.language),
                "state": state,
                "state_label": translations.State.LABELS[state],
                "url": url,
                "current": version.pk == item.pk,
            }
        )
    may_translate = can(request.user, "translate", item)
    return {
        "versions": rows,
        "targets": [(code, name) for code, name in names.items() if code not in taken]
        if may_translate
        else [],
        "translate_url": _admin_url(item, "translate"),
    }
