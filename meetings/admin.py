"""The events admin: the engine's workflow (review, scheduling, revisions, previews, trash)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from documents.admin import ShownDocumentInline
from documents.models import EventDocument
from editorial.admin import WorkflowAdminMixin
from editorial.scopes import scoped
from osce_cms.admin_editor import RichTextEditorAdminMixin
from press.models import PressRelease

from .models import Event


class DocumentInline(ShownDocumentInline):
    model = EventDocument


@admin.register(Event)
class EventAdmin(RichTextEditorAdminMixin, WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["title", "start_date", "meeting_type", "event_status", "status"]
    list_filter = ["status", "event_status", "meeting_type"]
    list_select_related = ["meeting_type"]
    date_hierarchy = "start_date"
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "meeting_type",
        "parent",
        "venue",
        "organiser",
        "co_organisers",
        "fields_of_work",
        "countries",
        "related_releases",
    ]
    inlines = [DocumentInline]
    readonly_fields = ["status", "created_at", "created_by", "updated_at", "updated_by"]
    fieldsets = [
        (
            _("Event"),
            {"fields": ["title", "slug", "meeting_type", "parent", "summary", "language"]},
        ),
        (
            _("Dates and venue"),
            {
                "fields": [
                    ("start_date", "start_time"),
                    ("end_date", "end_time"),
                    "time_zone",
                    "venue",
                    "address",
                ]
            },
        ),
        (_("Status"), {"fields": ["event_status", "status_note"]}),
        (
            _("Organisers and topics"),
            {"fields": ["organiser", "co_organisers", "fields_of_work", "countries"]},
        ),
        (_("Programme"), {"fields": ["body", "agenda", "livestream_url", "recording_url"]}),
        (_("Media"), {"fields": ["accreditation", "accreditation_deadline", "related_releases"]}),
        (_("Publication"), {"fields": ["published_at"]}),
        (
            _("Status and history"),
            {
                "classes": ["collapse"],
                "fields": ["status", "created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Only events this user may see: a form error never shows another unit's draft.
            kwargs["queryset"] = scoped(Event.objects.alive(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "related_releases":
            # A media advisory points at what the public can read.
            kwargs["queryset"] = PressRelease.objects.public()
        return super().formfield_for_manytomany(db_field, request, **kwargs)
