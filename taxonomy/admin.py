"""Admin for every tree (drag-and-drop ordering and moving), menus and simple pages.

Every structural write (save with a new parent, drag-and-drop move, delete) goes through
``taxonomy.trees``, which takes the tree's lock and keeps derived data in step.
"""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import ValidationError
from django.db.models import PROTECT
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin

from editorial.admin import WorkflowAdminMixin
from editorial.registry import scope_fields
from editorial.scopes import structures_for
from osce_cms.admin_editor import RichTextEditorAdminMixin

from . import trees
from .models import (
    Country,
    DocumentType,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuItem,
    Page,
    Place,
    Structure,
)
from .models.menus import NODE_TARGETS

MAX_INDENT_LEVEL = 8


class RootListFilter(admin.SimpleListFilter):
    """Filter a tree's changelist by its top-level node (e.g. a country group)."""

    title = _("group")
    parameter_name = "tree"

    def lookups(self, request, model_admin):
        roots = model_admin.model._default_manager.filter(parent=None).only("name", "tree_id")
        return [(str(root.tree_id), root.name) for root in roots]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(tree_id=int(self.value()))
        return queryset


class TreeAdmin(DraggableMPTTAdmin):
    """A draggable tree whose moves, saves and deletes go through ``taxonomy.trees``."""

    list_display = ("tree_actions", "indented_title")
    list_display_links = ("indented_title",)
    list_per_page = 500
    expand_tree_by_default = True

    class Media:
        css = {"all": ["css/admin-tree.css"]}

    @admin.display(description=_("title"))
    def indented_title(self, item):
        # A class instead of mptt's inline style: the admin runs under a strict CSP.
        level = min(item._mpttfield("level"), MAX_INDENT_LEVEL)
        return format_html('<span class="tree-level-{}">{}</span>', level, item)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Django's own delete action (not mptt's): it asks get_deleted_objects, so protected
        # nodes are listed on the "cannot delete" page, then deletes through delete_queryset.
        return admin.ModelAdmin.get_actions(self, request, action_location)

    def save_model(self, request, obj, form, change):
        trees.save_node(obj)

    def delete_model(self, request, obj):
        trees.delete_node(obj)

    def delete_queryset(self, request, queryset):
        trees.delete_nodes(queryset)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if self.model._meta.get_field("parent").remote_field.on_delete is not PROTECT:
            ids = [obj.pk for obj in objs]
            children = self.model._default_manager.filter(parent__in=ids).exclude(pk__in=ids)
            protected = list(protected) + [
                format_html("{}: {}", capfirst(self.model._meta.verbose_name), child)
                for child in children
            ]
        protected = list(protected) + [
            format_html("{}: {}", capfirst(obj._meta.verbose_name), obj)
            for obj in trees.tagged_by(objs)
        ]
        return deleted, counts, perms_needed, protected

    def _move_node(self, request):
        position = request.POST.get("position")
        queryset = self.get_queryset(request)
        try:
            node = queryset.get(pk=request.POST.get("cut_item"))
            target = queryset.get(pk=request.POST.get("pasted_on"))
        except (self.model.DoesNotExist, TypeError, ValueError):
            self.message_user(request, _("Objects have disappeared, try again."), messages.ERROR)
            return HttpResponse("FAIL, invalid objects.")
        if not self.has_change_permission(request, node):
            self.message_user(request, _("No permission"), messages.ERROR)
            return HttpResponse("FAIL, no permission.", status=403)
        if position not in ("last-child", "left", "right"):
            self.message_user(request, _("Did not understand moving instruction."), messages.ERROR)
            return HttpResponse("FAIL, unknown instruction.")
        try:
            node = trees.move_node(node, target, position)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponse("FAIL, invalid move.")
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[node],
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": ["parent", "position"]}}],
            single_object=True,
        )
        self.message_user(request, _("%s has been successfully moved.") % node)
        return HttpResponse("OK, moved.")


class TermAdmin(TreeAdmin):
    list_display = ("tree_actions", "indented_title", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    list_filter = ("level",)


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description")


@admin.register(Country)
class CountryAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "iso_code", "slug")
    search_fields = ("name", "slug", "iso_code")
    list_filter = (RootListFilter, "level")
    fields = ("name", "slug", "iso_code", "parent", "description")


@admin.register(Structure)
class StructureAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "public_name", "path")
    search_fields = ("name", "public_name", "slug", "path")
    list_filter = (RootListFilter, "level")
    fields = ("name", "public_name", "slug", "parent", "description", "countries")
    autocomplete_fields = ("countries",)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if (request.GET.get("model_name"), request.GET.get("field_name")) in scope_fields():
            # An editorial item's scope autocomplete offers only the structures in the
            # user's scope.
            queryset = structures_for(request.user, queryset)
        return queryset, may_have_duplicates


@admin.register(Place)
class PlaceAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "country", "slug")
    list_select_related = ("country",)
    list_filter = ("level", ("country", admin.RelatedOnlyFieldListFilter))
    fields = ("name", "slug", "country", "parent", "description")
    autocomplete_fields = ("country",)


@admin.register(MeetingType)
class MeetingTypeAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description")


@admin.register(DocumentType)
class DocumentTypeAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description")


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "items_link")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description=_("items"))
    def items_link(self, menu):
        url = reverse("admin:taxonomy_menuitem_changelist")
        return format_html('<a href="{}?menu__id__exact={}">{}</a>', url, menu.pk, _("Arrange"))


@admin.register(MenuItem)
class MenuItemAdmin(TreeAdmin):
    list_display = ("tree_actions", "indented_title", "menu", "link", "is_visible")
    list_select_related = ("menu", *NODE_TARGETS)
    list_filter = ("menu", "is_visible", "is_heading")
    search_fields = ("label", "external_url")
    autocomplete_fields = ("parent", *NODE_TARGETS)
    fieldsets = (
        (None, {"fields": ("menu", "parent", "label", "is_visible", "is_heading")}),
        (
            _("Link to exactly one of"),
            {"fields": (*NODE_TARGETS, "named_url", "external_url")},
        ),
    )

    @admin.display(description=_("link"))
    def link(self, item):
        if item.is_heading:
            return _("(heading)")
        url = item.get_url()
        if url is None:
            return _("(target missing: hidden)")
        if item.page_id and not item.page.is_public():
            return _("(page not public: hidden)")
        return url


@admin.register(Page)
class PageAdmin(RichTextEditorAdminMixin, WorkflowAdminMixin, admin.ModelAdmin):
    """Pages on the editorial engine: draft, review, scheduling, revisions, previews, trash."""

    list_display = ("title", "slug", "status", "published_at", "updated_at")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = [(None, {"fields": ["title", "slug", "published_at", "body"]})]
    change_list_template = "admin/editorial/change_list.html"
