"""The editorial workflow in the admin: transitions, history, trash, previews, audit, scopes.

``WorkflowAdminMixin`` goes in front of ``PressReleaseAdmin``'s bases. Every view here asks
``press.workflow`` (scope, rights, state) before doing anything, and only POST changes data.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from mptt.forms import TreeNodeChoiceField

from osce_cms.admin_users import RightsLimitedUserAdmin
from osce_cms.dates import validate_publication_time
from taxonomy.models import Structure

from . import preview, revisions, workflow
from .models import AuditEntry, EditorialScope, PressRelease, PreviewLink, Revision

# Transitions offered on the workflow page: action → (label, extra input or None).
TRANSITIONS = {
    "submit": (_("Submit for review"), None),
    "approve": (_("Approve and publish"), None),
    "reject": (_("Reject (back to draft)"), "comment"),
    "schedule": (_("Schedule (embargo)"), "when"),
    "force_publish": (_("Force publish without review"), "reason"),
    "withdraw": (_("Withdraw (keep online with a notice)"), "note"),
    "unpublish": (_("Unpublish (410 Gone or redirect)"), "alternative_url"),
    "delete": (_("Move to the trash"), None),
}


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the author"), widget=forms.Textarea, required=False
    )
    when = forms.DateTimeField(
        label=_("Publish at"), required=False, validators=[validate_publication_time]
    )
    reason = forms.CharField(label=_("Reason"), required=False)
    note = forms.CharField(label=_("Withdrawal notice"), widget=forms.Textarea, required=False)
    alternative_url = forms.CharField(label=_("Alternative address"), required=False)


def _object_or_404(queryset, object_id):
    """The row of an admin URL's id; an id that is no number (``abc``, ``%ff``) is a 404 too."""
    try:
        return queryset.get(pk=unquote(object_id))
    except (queryset.model.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None


def _run_transition(action, release, user, data):
    run = {
        "submit": lambda: workflow.submit(release, user),
        "approve": lambda: workflow.approve(release, user),
        "reject": lambda: workflow.reject(release, user, data.get("comment")),
        "schedule": lambda: workflow.schedule(release, user, data.get("when")),
        "force_publish": lambda: workflow.force_publish(release, user, data.get("reason")),
        "withdraw": lambda: workflow.withdraw(release, user, data.get("note")),
        "unpublish": lambda: workflow.unpublish(
            release, user, alternative_url=data.get("alternative_url")
        ),
        "delete": lambda: workflow.delete(release, user),
    }
    return run[action]()


def workflow_form(base):
    """``base`` (the release ModelForm) plus the version it was loaded at and the change kind."""

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
            help_text=_("Required for a major change to a published press release."),
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk:
                self.fields["loaded_version"].initial = self.instance.version

        def clean(self):
            cleaned = super().clean()
            if not self.instance.pk:
                return cleaned
            # Held until the admin's transaction ends, so no save can slip in between.
            current = PressRelease.objects.select_for_update().get(pk=self.instance.pk)
            if cleaned.get("loaded_version") != current.version:
                raise ValidationError(
                    _(
                        "Someone else saved this press release while you were editing it "
                        "(now version %(version)s, by %(user)s). Your changes have not been "
                        "saved; they are still in this form. Open the release in a new tab "
                        "to compare, then apply your changes there."
                    ),
                    params={"version": current.version, "user": current.updated_by or "?"},
                    code="conflict",
                )
            published = current.status in workflow.ONLINE_STATUSES and workflow.is_public_now(
                current
            )
            if (
                published
                and cleaned.get("change") == workflow.MAJOR
                and not (cleaned.get("change_note") or "").strip()
            ):
                self.add_error("change_note", _("A major change needs a public change note."))
            return cleaned

    return WorkflowForm


class WorkflowAdminMixin:
    change_form_template = "admin/press/pressrelease/change_form.html"
    change_list_template = "admin/press/pressrelease/change_list.html"

    # --- Form and saving -------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = workflow_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and self.has_change_permission(request, obj):
            fields = ["loaded_version"]
            if obj.first_published_at or workflow.is_public_now(obj):
                fields += ["change", "change_note"]
            fieldsets.append((_("Correction"), {"fields": fields}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "status"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "source":
            kwargs["queryset"] = workflow.structures_for(request.user, Structure.objects.all())
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
        for release in queryset:
            workflow.delete(release, request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or workflow.can(request.user, "view", obj))

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Out of scope looks exactly like absent: 404, never a hint.
        raise Http404

    # --- Extra views --------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        own = [
            path("trash/", wrap(self.trash_view), name="press_pressrelease_trash"),
            path(
                "trash/<path:object_id>/<str:action>/",
                wrap(self.trash_action_view),
                name="press_pressrelease_trash_action",
            ),
            path(
                "<path:object_id>/workflow/",
                wrap(self.workflow_view),
                name="press_pressrelease_workflow",
            ),
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name="press_pressrelease_transition",
            ),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name="press_pressrelease_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                wrap(self.restore_revision_view),
                name="press_pressrelease_restore_revision",
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="press_pressrelease_preview",
            ),
            path(
                "<path:object_id>/preview-links/",
                wrap(self.create_link_view),
                name="press_pressrelease_create_link",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                wrap(self.revoke_link_view),
                name="press_pressrelease_revoke_link",
            ),
        ]
        return own + super().get_urls()

    def _release(self, request, object_id, action="view"):
        release = _object_or_404(
            workflow.releases_for(request.user).select_related("source"), object_id
        )
        if not workflow.allowed(request.user, action, release):
            raise PermissionDenied
        return release

    def _context(self, request, release, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": release,
            "release": release,
            **extra,
        }

    def _back(self, release):
        return HttpResponseRedirect(reverse("admin:press_pressrelease_workflow", args=[release.pk]))

    def workflow_view(self, request, object_id):
        release = self._release(request, object_id)
        user = request.user
        offered = [
            (action, label, field)
            for action, (label, field) in TRANSITIONS.items()
            if workflow.can(user, action, release)
        ]
        links = release.preview_links.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
        context = self._context(
            request,
            release,
            title=_("Workflow: %(title)s") % {"title": release.title},
            transitions=offered,
            form=TransitionForm(),
            rejection=release.audit_entries.filter(action="reject").first(),
            audit_entries=release.audit_entries.select_related("user")[:50],
            can_share=workflow.allowed(user, "share_preview", release),
            links=[(link, request.build_absolute_uri(preview.url_for(link))) for link in links],
        )
        return TemplateResponse(request, "admin/press/pressrelease/workflow.html", context)

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return self._method_not_allowed()
        if action not in TRANSITIONS:
            raise Http404
        release = self._release(request, object_id)
        form = TransitionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(request, " ".join(errors), messages.ERROR)
            return self._back(release)
        try:
            _run_transition(action, release, request.user, form.cleaned_data)
        except PermissionDenied:
            raise
        except (workflow.TransitionError, ValidationError) as error:
            text = error.messages[0] if isinstance(error, ValidationError) else str(error)
            self.message_user(request, text, messages.ERROR)
            return self._back(release)
        self.message_user(request, _("Done: %(action)s.") % {"action": TRANSITIONS[action][0]})
        if action == "delete":
            return HttpResponseRedirect(reverse("admin:press_pressrelease_changelist"))
        return self._back(release)

    def _method_not_allowed(self):
        return HttpResponseNotAllowed(["POST"])

    def revisions_view(self, request, object_id):
        release = self._release(request, object_id, "history")
        history = list(release.revisions.select_related("created_by"))
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
            release,
            title=_("History: %(title)s") % {"title": release.title},
            history=history,
            rows=rows,
            can_restore=workflow.allowed(request.user, "restore_revision", release),
        )
        return TemplateResponse(request, "admin/press/pressrelease/revisions.html", context)

    def restore_revision_view(self, request, object_id, revision_id):
        if request.method != "POST":
            return self._method_not_allowed()
        release = self._release(request, object_id, "restore_revision")
        revision = get_object_or_404(Revision, pk=revision_id, release=release)
        draft = workflow.restore_revision(revision, request.user)
        self.message_user(request, _("Restored as a new draft."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:press_pressrelease_change", args=[draft.pk]))

    def preview_view(self, request, object_id):
        release = self._release(request, object_id, "preview")
        return AdminPreviewView.as_view(release=release)(request, slug=release.slug)

    def create_link_view(self, request, object_id):
        if request.method != "POST":
            return self._method_not_allowed()
        release = self._release(request, object_id, "share_preview")
        try:
            days = int(request.POST.get("days", "7"))
            preview.create_link(release, request.user, timezone.now() + timedelta(days=days))
        except (ValueError, OverflowError, ValidationError):
            self.message_user(request, _("Choose an expiry between 1 and 30 days."), messages.ERROR)
        return self._back(release)

    def revoke_link_view(self, request, object_id, link_id):
        if request.method != "POST":
            return self._method_not_allowed()
        release = self._release(request, object_id, "share_preview")
        link = get_object_or_404(PreviewLink, pk=link_id, release=release)
        preview.revoke_link(link, request.user)
        self.message_user(request, _("The preview link is revoked."), messages.SUCCESS)
        return self._back(release)

    def trash_view(self, request):
        if not (request.user.is_superuser or request.user.has_perm("press.delete_pressrelease")):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Trash"),
            "releases": workflow.trash_for(request.user).select_related("source"),
            "can_purge": request.user.is_superuser,
        }
        return TemplateResponse(request, "admin/press/pressrelease/trash.html", context)

    def trash_action_view(self, request, object_id, action):
        if request.method != "POST":
            return self._method_not_allowed()
        release = _object_or_404(workflow.trash_for(request.user), object_id)
        if action == "restore":
            workflow.restore(release, request.user)
            self.message_user(request, _("Restored from the trash."), messages.SUCCESS)
        elif action == "purge":
            workflow.purge(release, request.user)
            self.message_user(request, _("Deleted for good."), messages.SUCCESS)
        else:
            raise Http404
        return HttpResponseRedirect(reverse("admin:press_pressrelease_trash"))


class AdminPreviewView(preview.ReleasePreviewView):
    release = None

    def get_release(self):
        return self.release


# --- Audit log, visible to editors for their scope ----------------------------------------------


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "release_title", "user", "from_status", "to_status"]
    list_filter = ["action"]
    list_select_related = ["user"]
    search_fields = ["release_title", "comment"]
    date_hierarchy = "created_at"
    list_per_page = 100

    def get_queryset(self, request):
        return workflow.scoped(super().get_queryset(request), request.user)

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
    verbose_name_plural = _("editorial scope (structures whose press releases they work on)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "structure")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "structure":
            # Nobody hands out a scope they do not have themselves; the choice shows the tree.
            kwargs["queryset"] = workflow.structures_for(
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
