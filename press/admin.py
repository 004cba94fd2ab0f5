"""The press officers' admin: change list, form, inlines and the publishing actions.

Who may see and do what is decided by the editorial engine (``editorial.admin.WorkflowAdminMixin``
asks its action registry); this module holds what is particular to releases.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from documents.admin import ShownDocumentInline
from documents.models import ReleaseDocument
from editorial.admin import WorkflowAdminMixin
from osce_cms.admin_editor import RichTextEditorAdminMixin

from .admin_filters import FieldOfWorkFilter, SourceFilter
from .forms import CoIssuerForm, CoIssuerFormSet, PressReleaseAdminForm
from .models import CoIssuer, PressContact, PressRelease


class CoIssuerInline(admin.TabularInline):
    """The structures that issued the release with its lead issuer, in the dateline's order."""

    model = CoIssuer
    form = CoIssuerForm
    formset = CoIssuerFormSet
    extra = 0
    fields = ["structure", "position"]
    autocomplete_fields = ["structure"]
    verbose_name_plural = _("co-issuers (issued jointly with the source)")


class PressContactInline(admin.TabularInline):
    model = PressContact
    extra = 0
    fields = ["name", "role", "email", "phone", "position"]


class DocumentInline(ShownDocumentInline):
    model = ReleaseDocument


@admin.register(PressRelease)
class PressReleaseAdmin(RichTextEditorAdminMixin, WorkflowAdminMixin, admin.ModelAdmin):
    form = PressReleaseAdminForm
    list_display = ["title", "kind", "published_at", "source_name", "status"]
    list_filter = ["status", "kind", SourceFilter, FieldOfWorkFilter]
    list_select_related = ["source"]
    list_per_page = 50
    # One COUNT of the filtered rows per page, not a second one of the whole table.
    show_full_result_count = False
    date_hierarchy = "published_at"
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "created_at", "created_by", "updated_at", "updated_by"]
    inlines = [CoIssuerInline, PressContactInline, DocumentInline]
    fieldsets = [
        (_("Headline"), {"fields": ["kind", "title", "slug", "lead"]}),
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.add_place_country()
