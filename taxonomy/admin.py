"""Admin for every tree (drag-and-drop ordering and moving), menus and simple pages.

Every structural write (save with a new parent, drag-and-drop move, delete) goes through
``taxonomy.trees``, which takes the tree's lock and keeps derived data in step.
"""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import PROTECT
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from mptt.admin import DraggableMPTTAdmin

from editorial.admin import WorkflowAdminMixin
from editorial.registry import scope_fields
from editorial.scopes import structures_for
from osce_cms.admin_editor import RichTextEditorAdminMixin

from . import menu_history, trees
from .forms import TermAdminForm
from .models import (
    Country,
    DocumentType,
    FieldOfWork,
    MeetingType,
    Menu,
    MenuChange,
    MenuItem,
    OldAddress,
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


STEP_LABELS = {
    "up": (_("Up"), _("Move “%(item)s” up")),
    "down": (_("Down"), _("Move “%(item)s” down")),
    "indent": (_("In"), _("Move “%(item)s” in, under the entry above it")),
    "outdent": (_("Out"), _("Move “%(item)s” out, one level up")),
}


class TreeAdmin(DraggableMPTTAdmin):
    """A draggable tree whose moves, saves and deletes go through ``taxonomy.trees``.

    Dragging has a single-pointer and keyboard alternative (WCAG 2.2 SC 2.5.7): each row has
    Up, Down, In and Out buttons (``trees.step_node``); after a step the page comes back with
    the focus point on the same button, so that a keyboard user can go on.
    """

    list_display = ("tree_actions", "indented_title")
    list_display_links = ("indented_title",)
    list_per_page = 500
    expand_tree_by_default = True
    change_list_template = "admin/taxonomy/tree_change_list.html"

    def get_list_display(self, request):
        display = tuple(super().get_list_display(request))
        if self.has_change_permission(request):
            display += ("step_buttons",)
        return display

    @admin.display(description=_("move"))
    def step_buttons(self, item):
        return format_html_join(
            "",
            '<button type="submit" form="tree-step-form" class="tree-step" name="step" '
            'value="{} {}" id="step-{}-{}" aria-label="{}">{}</button>',
            (
                (item.pk, step, item.pk, step, described % {"item": item}, visible)
                for step, (visible, described) in STEP_LABELS.items()
            ),
        )

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_step"
        step = self.admin_site.admin_view(self.step_view)
        return [path("step/", step, name=name), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        step_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_step")
        query = request.GET.urlencode()
        extra_context = {"step_url": f"{step_url}?{query}" if query else step_url}
        return super().changelist_view(request, extra_context)

    def step_view(self, request):
        """One step of one node, then back to the same changelist at the same button."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        pk, _space, step = request.POST.get("step", "").partition(" ")
        node = self.get_queryset(request).filter(pk=pk).first() if pk.isdigit() else None
        if node is None or step not in trees.STEPS:
            return HttpResponseBadRequest(_("Objects have disappeared, try again."))
        if not self.has_change_permission(request, node):
            raise PermissionDenied
        try:
            node = trees.step_node(node, step)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.WARNING)
        else:
            self.log_moved(request, node)
            self.message_user(request, _("%s has been successfully moved.") % node)
        opts = self.model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{changelist}{'?' + query if query else ''}#step-{pk}-{step}")

    def log_moved(self, request, node):
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[node],
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": ["parent", "position"]}}],
            single_object=True,
        )

    class Media:
        css = {"all": ["css/admin-tree.css"]}
        js = ["js/admin-tree-steps.js"]

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
        self.log_moved(request, node)
        self.message_user(request, _("%s has been successfully moved.") % node)
        return HttpResponse("OK, moved.")


class TermAdmin(TranslationAdmin, TreeAdmin):
    """A vocabulary: search (and the pickers' autocomplete) finds a term by any of its names,
    aliases and former names included. Names and descriptions have one field per language
    (``taxonomy/translation.py``), English required, the others falling back to it."""

    form = TermAdminForm
    list_display = ("tree_actions", "indented_title", "slug")
    search_fields = ("name", "slug", "search_names")
    prepopulated_fields = {"slug": ("name",)}
    list_filter = ("level",)
    names_fields = ("aliases", "former_names", "take_over_old_address")

    def save_model(self, request, obj, form, change):
        trees.save_node(
            obj, take_over_old_address=form.cleaned_data.get("take_over_old_address", False)
        )


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description", *TermAdmin.names_fields)


@admin.register(Country)
class CountryAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "iso_code", "slug")
    search_fields = ("name", "slug", "iso_code", "search_names")
    list_filter = (RootListFilter, "level")
    fields = ("name", "slug", "iso_code", "parent", "description", *TermAdmin.names_fields)


class ClosedListFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("current", _("Current")), ("closed", _("Closed"))]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.current()
        if self.value() == "closed":
            return queryset.closed()
        return queryset


@admin.register(Structure)
class StructureAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "public_name", "path", "closed_on")
    search_fields = ("name", "public_name", "slug", "path", "search_names")
    list_filter = (RootListFilter, ClosedListFilter, "level")
    fields = (
        "name",
        "public_name",
        "slug",
        "parent",
        "description",
        "countries",
        ("opened_on", "closed_on"),
        *TermAdmin.names_fields,
    )
    autocomplete_fields = ("countries",)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        field = (request.GET.get("model_name"), request.GET.get("field_name"))
        if field[1]:
            # A picker (autocomplete) chooses for new content: current structures only (a
            # closed one stays on the items that have it: Structure.check_choosable).
            queryset = queryset.current()
        if field in scope_fields():
            # An editorial item's scope field offers only the structures in the user's scope.
            queryset = structures_for(request.user, queryset)
        return queryset, may_have_duplicates


@admin.register(Place)
class PlaceAdmin(TermAdmin):
    list_display = ("tree_actions", "indented_title", "country", "slug")
    list_select_related = ("country",)
    list_filter = ("level", ("country", admin.RelatedOnlyFieldListFilter))
    fields = ("name", "slug", "country", "parent", "description", *TermAdmin.names_fields)
    autocomplete_fields = ("country",)


@admin.register(MeetingType)
class MeetingTypeAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description", *TermAdmin.names_fields)


@admin.register(DocumentType)
class DocumentTypeAdmin(TermAdmin):
    fields = ("name", "slug", "parent", "description", *TermAdmin.names_fields)


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    """Menus, with the history of each (``taxonomy.menu_history``): every change with who and
    when, and a site administrator may restore the arrangement after any of them."""

    list_display = ("name", "slug", "items_link", "history_link")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    restore_permissions = (
        "taxonomy.add_menuitem",
        "taxonomy.change_menuitem",
        "taxonomy.delete_menuitem",
    )

    @admin.display(description=_("items"))
    def items_link(self, menu):
        url = reverse("admin:taxonomy_menuitem_changelist")
        return format_html('<a href="{}?menu__id__exact={}">{}</a>', url, menu.pk, _("Arrange"))

    @admin.display(description=_("history"))
    def history_link(self, menu):
        url = reverse("admin:taxonomy_menu_arrangements", args=[menu.pk])
        return format_html('<a href="{}">{}</a>', url, _("Changes and earlier arrangements"))

    def get_urls(self):
        view = self.admin_site.admin_view(self.arrangements_view)
        restore = self.admin_site.admin_view(self.restore_view)
        return [
            path("<int:menu_id>/arrangements/", view, name="taxonomy_menu_arrangements"),
            path(
                "<int:menu_id>/arrangements/<int:change_id>/restore/",
                restore,
                name="taxonomy_menu_restore",
            ),
            *super().get_urls(),
        ]

    def _menu(self, request, menu_id):
        menu = self.get_queryset(request).filter(pk=menu_id).first()
        if menu is None:
            raise Http404(_("No such menu."))
        if not self.has_view_permission(request, menu):
            raise PermissionDenied
        return menu

    def may_restore(self, request):
        return request.user.has_perms(self.restore_permissions)

    def arrangements_view(self, request, menu_id):
        menu = self._menu(request, menu_id)
        changes = menu.changes.select_related("changed_by").defer("arrangement")[:200]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "menu": menu,
            "changes": changes,
            "may_restore": self.may_restore(request),
            "title": _("History of %(menu)s") % {"menu": menu},
        }
        return TemplateResponse(request, "admin/taxonomy/menu/arrangements.html", context)

    def restore_view(self, request, menu_id, change_id):
        menu = self._menu(request, menu_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.may_restore(request):
            raise PermissionDenied
        change = menu.changes.filter(pk=change_id).first()
        if change is None:
            raise Http404(_("No such change."))
        menu_history.restore(change, request.user)
        self.message_user(
            request,
            _("The menu is arranged again as after the change of %(when)s.")
            % {"when": date_format(localtime(change.changed_at), "DATETIME_FORMAT")},
        )
        return HttpResponseRedirect(reverse("admin:taxonomy_menu_arrangements", args=[menu.pk]))


@admin.register(MenuItem)
class MenuItemAdmin(TranslationAdmin, TreeAdmin):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        menu_history.record(obj.menu, menu_history.action_of_form(form, change), request.user, obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        menu_history.record(obj.menu, MenuChange.Action.DELETED, request.user, obj)

    def delete_queryset(self, request, queryset):
        deleted = list(queryset.select_related("menu"))
        super().delete_queryset(request, queryset)
        for menu in {item.menu for item in deleted}:
            labels = ", ".join(str(item) for item in deleted if item.menu_id == menu.pk)
            menu_history.record(menu, MenuChange.Action.DELETED, request.user, labels)

    def log_moved(self, request, node):
        super().log_moved(request, node)
        menu_history.record(node.menu, MenuChange.Action.MOVED, request.user, node)

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
class PageAdmin(RichTextEditorAdminMixin, WorkflowAdminMixin, TranslationAdmin):
    """Pages on the editorial engine: draft, review, scheduling, revisions, previews, trash;
    title and body have one field per language (``taxonomy/translation.py``)."""

    list_display = ("title", "slug", "listing", "status", "published_at", "updated_at")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = [(None, {"fields": ["title", "slug", "published_at", "body", "listing"]})]
    change_list_template = "admin/editorial/change_list.html"


@admin.register(OldAddress)
class OldAddressAdmin(admin.ModelAdmin):
    """Old addresses are recorded by the site; a site administrator can review and end one."""

    list_display = ("old_key", "content_type", "target_link", "created_at")
    list_filter = ("content_type",)
    search_fields = ("old_key",)
    list_select_related = ("content_type",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("target")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("leads to"))
    def target_link(self, old):
        return format_html('<a href="{0}">{0}</a>', old.target.get_absolute_url())
