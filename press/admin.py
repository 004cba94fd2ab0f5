"""The press officers' admin: change list, form, inlines and the publishing actions.

Who may see and do what is decided by press.workflow; this module only asks it.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from osce_cms.admin_editor import RichTextEditorAdminMixin

from . import workflow
from .admin_filters import FieldOfWorkFilter, SourceFilter
from .admin_workflow import WorkflowAdminMixin
from .forms import AttachmentForm, PressReleaseAdminForm
from .models import Attachment, PressContact, PressRelease


class PressContactInline(admin.TabularInline):
    model = PressContact
    extra = 0
    fields = ["name", "role", "email", "phone", "position"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 0


@admin.register(PressRelease)
class PressReleaseAdmin(RichTextEditorAdminMixin, WorkflowAdminMixin, admin.ModelAdmin):
    form = PressReleaseAdminForm
    list_display = ["title", "published_at", "source_name", "status"]
    list_filter = ["status", SourceFilter, FieldOfWorkFilter]
    list_select_related = ["source"]
    list_per_page = 50
    # One COUNT of the filtered rows per page, not a second one of the whole table.
    show_full_result_count = False
    date_hierarchy = "published_at"
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "created_at", "created_by", "updated_at", "updated_by"]
    inlines = [PressContactInline, AttachmentInline]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (_("Headline"), {"fields": ["title", "slug", "lead"]}),
        (_("Dateline"), {"fields": ["published_at", "place", "source", "language"]}),
        (_("Topics"), {"fields": ["fields_of_work", "countries"]}),
        (_("Body"), {"fields": ["body"]}),
        (
            _("Lead image"),
            {"fields": ["lead_image", "lead_image_alt", "lead_image_caption", "lead_image_credit"]},
        ),
        (_("Related"), {"fields": ["related"]}),
        (
            _("Status and history"),
            {
                "classes": ["collapse"],
                "fields": ["status", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]
    related_autocomplete = ["place", "source", "fields_of_work", "countries", "related"]

    @admin.display(description=_("source"), ordering="source__name")
    def source_name(self, release):
        return release.source.display_name

    def get_queryset(self, request):
        return workflow.releases_for(request.user)

    def get_autocomplete_fields(self, request):
        # Autocomplete where the related model's admin offers search (the taxonomy admins do).
        return [
            name
            for name in self.related_autocomplete
            if getattr(
                self.admin_site._registry.get(self.model._meta.get_field(name).related_model),
                "search_fields",
                None,
            )
        ]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return super().has_change_permission(request, obj) and workflow.can(
            request.user, "edit", obj
        )

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return super().has_delete_permission(request, obj) and workflow.can(
            request.user, "delete", obj
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.add_place_country()

    def _transition(self, request, queryset, action, done_message):
        done = 0
        for release in queryset.select_related("source"):
            try:
                action(release, request.user)
            except (workflow.TransitionError, PermissionDenied) as error:
                self.message_user(request, f"{release}: {error}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Publish selected press releases"))
    def publish_selected(self, request, queryset):
        self._transition(
            request,
            queryset,
            workflow.publish,
            lambda n: (
                ngettext(
                    "%(count)d press release published.", "%(count)d press releases published.", n
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Unpublish selected press releases"))
    def unpublish_selected(self, request, queryset):
        self._transition(
            request,
            queryset,
            workflow.unpublish,
            lambda n: (
                ngettext(
                    "%(count)d press release unpublished.",
                    "%(count)d press releases unpublished.",
                    n,
                )
                % {"count": n}
            ),
        )
