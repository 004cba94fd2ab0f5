"""The engine in the admin: the workflow mixin every content type's ModelAdmin uses, the audit
log and the editorial scopes on the user form.

``WorkflowAdminMixin`` goes in front of a registered model's ``ModelAdmin`` bases. Every view
asks the action registry (rights, scope, state) before doing anything, and only POST changes
data. URL names follow Django's: ``admin:<app>_<model>_workflow``, ``..._transition``,
``..._revisions``, ``..._restore_revision``, ``..._preview``, ``..._create_link``,
``..._revoke_link``, ``..._trash``, ``..._trash_action``.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from mptt.forms import TreeNodeChoiceField

from osce_cms.admin_storage import StorageFailureAdminMixin
from osce_cms.admin_users import RightsLimitedUserAdmin
from taxonomy.models import Structure

from . import board, preview, revisions, scopes, workflow
from .actions import ACTIONS, TransitionError, allowed, can, offered
from .admin_translations import TranslationAdminMixin, translations_panel
from .models import AuditEntry, EditorialScope
from .registry import kind_of


class TransitionForm(forms.Form):
    """The inputs of one action (its comment, date, reason, ...) and the version seen."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, entry, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in entry.inputs:
            self.fields[spec.name] = spec.field()


def workflow_form(base):
    """``base`` (the item's ModelForm) plus the version it was loaded at and the change kind.

    The rules (the version still matches; a major change to a public item needs a note) are
    the engine's (``workflow.check_edit``); the form shows its refusals as field errors.
    """

    class WorkflowForm(base):
        loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
        change = forms.ChoiceField(
            label=_("Kind of change"),
            choices=[
                (workflow.MINOR, _("Minor change (typo, formatting): no public note")),
                (workflow.MAJOR, _("Major change: shown to readers with the note below")),
            ],
            initial=workflow.MINOR,
            required=False,
            widget=forms.RadioSelect,
        )
        change_note = forms.CharField(
            label=_("Public change note"),
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
            help_text=_("Required for a major change to a published item."),
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk:
                self.fields["loaded_version"].initial = self.instance.version

        def clean(self):
            cleaned = super().clean()
            try:
                if not self.instance.pk:
                    workflow.check_slug(self._meta.model, cleaned.get("slug"))
                    return cleaned
                workflow.check_edit(
                    self.instance,
                    expected_version=cleaned.get("loaded_version"),
                    change=cleaned.get("change") or workflow.MINOR,
                    change_note=cleaned.get("change_note", ""),
                    slug=cleaned.get("slug"),
                )
            except TransitionError as error:
                raise ValidationError(str(error), code="conflict") from None
            except ValidationError as error:
                self.add_error(None, error)
            return cleaned

    return WorkflowForm


class WorkflowAdminMixin(StorageFailureAdminMixin, TranslationAdminMixin):
    change_form_template = "admin/editorial/change_form.html"
    change_list_template = "admin/editorial/change_list.html"

    @property
    def kind(self):
        return kind_of(self.model)

    def _url_name(self, view):
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{view}"

    def _url(self, view, *args):
        return reverse(f"admin:{self._url_name(view)}", args=args)

    # --- Form and saving ---------------------------------------------------------------------

    def get_queryset(self, request):
        return scopes.items_for(request.user, self.model)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = workflow_form(kwargs.get("form", self.form))
        form = super().get_form(request, obj, change, **kwargs)
        if "published_at" in form.base_fields:
            form.base_fields["published_at"].help_text = _(
                "Entered and shown in %(zone)s time; a time ahead is an embargo."
            ) % {"zone": settings.TIME_ZONE}
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and self.has_change_permission(request, obj):
            fields = ["loaded_version"]
            if obj.first_published_at or obj.is_public():
                fields += ["change", "change_note"]
            fieldsets.append((_("Correction"), {"fields": fields}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "status"]
        scope_field = self.kind.scope_field
        if obj is not None and scope_field and not scopes.item_in_scope(request.user, obj):
            # An officer of a co-issuer proposes changes; the lead stays the lead's choice.
            fields.append(scope_field)
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.kind.scope_field:
            kwargs["queryset"] = scopes.structures_for(request.user, Structure.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            workflow.save_new(obj, request.user)
            return
        workflow.save_edit(
            obj,
            request.user,
            expected_version=form.cleaned_data.get("loaded_version"),
            change=form.cleaned_data.get("change") or workflow.MINOR,
            change_note=form.cleaned_data.get("change_note", ""),
        )

    # Recorded when the admin logs the save: after the relations and inlines are saved.
    def log_addition(self, request, obj, message):
        revisions.record_revision(obj, request.user, _("Created"))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        revisions.record_revision(obj, request.user, _("Edited"))
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        workflow.delete(obj, request.user)

    def delete_queryset(self, request, queryset):
        for item in queryset:
            workflow.delete(item, request.user)

    def has_view_permission(self, request, obj=None):
        permitted = super().has_view_permission(request, obj)
        return permitted and (obj is None or can(request.user, "view", obj))

    def has_change_permission(self, request, obj=None):
        permitted = super().has_change_permission(request, obj)
        return permitted and (obj is None or can(request.user, "edit", obj))

    def has_delete_permission(self, request, obj=None):
        permitted = super().has_delete_permission(request, obj)
        return permitted and (obj is None or can(request.user, "delete", obj))

    def view_on_site(self, obj):
        """The public page of a public item; the preview of any other."""
        if obj.is_public():
            return obj.get_absolute_url()
        return self._url("preview", obj.pk)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Out of scope looks exactly like absent: 404, never a hint.
        raise Http404

    # --- Bulk actions from the registry -------------------------------------------------------

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = [
            *(self.actions or []),
            *(self._bulk(entry) for entry in ACTIONS.values() if entry.bulk),
        ]

    def _bulk(self, entry):
        @admin.action(description=_("%(action)s: the selected items") % {"action": entry.label})
        def run(modeladmin, request, queryset):
            done = 0
            for item in queryset:
                try:
                    entry.perform(item, request.user)
                except (TransitionError, PermissionDenied, ValidationError) as error:
                    self.message_user(request, f"{item}: {_message(error)}", messages.ERROR)
                else:
                    done += 1
            if done:
                self.message_user(
                    request,
                    # One placeholder for the model's name in both forms (msgfmt refuses a
                    # placeholder of the singular that the plural lacks).
                    ngettext(
                        "%(count)d %(items)s: %(action)s.", "%(count)d %(items)s: %(action)s.", done
                    )
                    % {
                        "count": done,
                        "items": model_ngettext(self.model._meta, done),
                        "action": str(entry.done or entry.label).lower(),
                    },
                    messages.SUCCESS,
                )

        run.__name__ = f"{entry.name}_selected"
        return run

    # --- Extra views --------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        own = [
            path("trash/", wrap(self.trash_view), name=self._url_name("trash")),
            path(
                "trash/<path:object_id>/<str:action>/",
                wrap(self.trash_action_view),
                name=self._url_name("trash_action"),
            ),
            path(
                "<path:object_id>/workflow/",
                wrap(self.workflow_view),
                name=self._url_name("workflow"),
            ),
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name=self._url_name("transition"),
            ),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name=self._url_name("revisions"),
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                wrap(self.restore_revision_view),
                name=self._url_name("restore_revision"),
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name=self._url_name("preview"),
            ),
            path(
                "<path:object_id>/preview-links/",
                wrap(self.create_link_view),
                name=self._url_name("create_link"),
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                wrap(self.revoke_link_view),
                name=self._url_name("revoke_link"),
            ),
        ]
        return own + super().get_urls()

    def _item(self, request, object_id, action="view"):
        try:
            pk = int(unquote(object_id))
        except ValueError:
            raise Http404 from None
        queryset = scopes.items_for(request.user, self.model)
        item = get_object_or_404(queryset, pk=pk)
        if not allowed(request.user, action, item):
            raise PermissionDenied
        return item

    def _context(self, request, item, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": item,
            "item": item,
            **extra,
        }

    def _back(self, item):
        return HttpResponseRedirect(self._url("workflow", item.pk))

    def workflow_context(self, request, item):
        """State, last review comment and the actions this user may take now, with forms."""
        actions = [
            (entry, TransitionForm(entry, initial={"loaded_version": item.version}))
            for entry in offered(request.user, item)
            if entry.name != "restore_revision" and not entry.trash
        ]
        return {
            "TIME_ZONE": settings.TIME_ZONE,
            "workflow_actions": actions,
            "rejection": item.audit_entries.filter(action="reject").select_related("user").first(),
        }

    def changelist_view(self, request, extra_context=None):
        user = request.user
        can_see_trash = user.is_superuser or user.has_perm(self.kind.perm("delete"))
        board_url = None
        if self.kind.linked_translations:
            board_url = f"{reverse('admin:editorial_translations')}?kind={self.kind.label}"
        extra_context = {
            "can_see_trash": can_see_trash,
            "translation_board_url": board_url,
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        item = self.get_object(request, unquote(object_id))
        if item is not None and self.has_view_permission(request, item):
            extra_context.update(self.workflow_context(request, item))
            extra_context["translations_panel"] = translations_panel(request, item)
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_view(self, request, object_id):
        item = self._item(request, object_id)
        user = request.user
        links = item.preview_links.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
        context = self._context(
            request,
            item,
            title=_("Workflow: %(title)s") % {"title": item},
            audit_entries=item.audit_entries.select_related("user")[:50],
            can_share=allowed(user, "share_preview", item),
            links=[(link, request.build_absolute_uri(preview.url_for(link))) for link in links],
            **self.workflow_context(request, item),
        )
        return TemplateResponse(request, "admin/editorial/workflow.html", context)

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        entry = ACTIONS.get(action)
        if entry is None or entry.run is None or entry.trash or action == "restore_revision":
            raise Http404
        item = self._item(request, object_id)
        form = TransitionForm(entry, request.POST)
        values = form.cleaned_data if form.is_valid() else {}
        if not form.is_valid():
            self.message_user(request, _form_errors(form), messages.ERROR)
            return self._back(item)
        expected = values.pop("loaded_version", None)
        try:
            entry.perform(item, request.user, expected_version=expected, **values)
        except PermissionDenied:
            raise
        except (TransitionError, ValidationError) as error:
            self.message_user(request, _message(error), messages.ERROR)
            return self._back(item)
        self.message_user(request, _("Done: %(action)s.") % {"action": entry.label})
        if action == "delete":
            return HttpResponseRedirect(self._url("changelist"))
        return self._back(item)

    def revisions_view(self, request, object_id):
        item = self._item(request, object_id, "history")
        history = list(item.revisions.select_related("created_by"))
        by_id = {revision.pk: revision for revision in history}
        rows = None
        old, new = request.GET.get("old"), request.GET.get("new")
        if old and new:
            try:
                older, newer = by_id[int(old)], by_id[int(new)]
            except (KeyError, ValueError):
                raise Http404 from None
            rows = revisions.diff(older, newer)
        context = self._context(
            request,
            item,
            title=_("History: %(title)s") % {"title": item},
            history=history,
            rows=rows,
            can_restore=can(request.user, "restore_revision", item),
        )
        return TemplateResponse(request, "admin/editorial/revisions.html", context)

    def restore_revision_view(self, request, object_id, revision_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._item(request, object_id, "restore_revision")
        revision = get_object_or_404(item.revisions.all(), pk=revision_id)
        try:
            workflow.restore_revision(revision, request.user)
        except TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Version %(version)s restored as a new version.") % {"version": revision.version},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self._url("change", item.pk))

    def preview_view(self, request, object_id):
        item = self._item(request, object_id, "preview")
        return preview.render(request, item, editor_url=self._url("change", item.pk))

    def create_link_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._item(request, object_id, "share_preview")
        try:
            days = int(request.POST.get("days", "7"))
            preview.create_link(item, request.user, timezone.now() + timedelta(days=days))
        except (ValueError, OverflowError, ValidationError):
            self.message_user(request, _("Choose an expiry between 1 and 30 days."), messages.ERROR)
        return self._back(item)

    def revoke_link_view(self, request, object_id, link_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._item(request, object_id, "share_preview")
        link = get_object_or_404(item.preview_links.all(), pk=link_id)
        preview.revoke_link(link, request.user)
        self.message_user(request, _("The preview link is revoked."), messages.SUCCESS)
        return self._back(item)

    def trash_view(self, request):
        user = request.user
        if not (user.is_superuser or user.has_perm(self.kind.perm("delete"))):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Trash"),
            "items": scopes.trash_for(user, self.model),
            "scope_field": self.kind.scope_field,
            "can_purge": user.is_superuser,
        }
        return TemplateResponse(request, "admin/editorial/trash.html", context)

    def trash_action_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in {"restore", "purge"}:
            raise Http404
        try:
            pk = int(unquote(object_id))
        except ValueError:
            raise Http404 from None
        item = get_object_or_404(scopes.trash_for(request.user, self.model), pk=pk)
        if action == "restore":
            workflow.restore(item, request.user)
            self.message_user(request, _("Restored from the trash."), messages.SUCCESS)
        else:
            workflow.purge(item, request.user)
            self.message_user(request, _("Deleted for good."), messages.SUCCESS)
        return HttpResponseRedirect(self._url("trash"))


def _message(error):
    return error.messages[0] if isinstance(error, ValidationError) else str(error)


def _form_errors(form):
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


# --- Audit log, visible to editors for their scope ----------------------------------------------


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "action",
        "item_title",
        "content_type",
        "user",
        "from_status",
        "to_status",
    ]
    list_filter = ["action", "content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["item_title", "comment"]
    date_hierarchy = "created_at"
    list_per_page = 100

    def get_queryset(self, request):
        return scopes.scoped(super().get_queryset(request), request.user, field="structure")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Editorial scopes on the user form ----------------------------------------------------------


class EditorialScopeInline(admin.TabularInline):
    model = EditorialScope
    extra = 0
    verbose_name_plural = _("editorial scope (structures whose content they work on)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "structure")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "structure":
            # Nobody hands out a scope they do not have themselves; the choice shows the tree.
            kwargs["queryset"] = scopes.structures_for(
                request.user, Structure.objects.order_by("tree_id", "lft")
            )
            kwargs["form_class"] = TreeNodeChoiceField
            kwargs["level_indicator"] = "—"
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedUserAdmin(RightsLimitedUserAdmin):
    inlines = [*RightsLimitedUserAdmin.inlines, EditorialScopeInline]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, ScopedUserAdmin)


# --- The translation status board (editorial/board.py) -------------------------------------------

admin.site.register_view("editorial/translations/", board.board_view, "editorial_translations")
