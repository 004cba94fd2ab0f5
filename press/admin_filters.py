"""The change list's tree filters: a node and everything below it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from taxonomy.models import FieldOfWork, Structure

from .models import ISSUER_RELATIONS


class SubtreeListFilter(admin.SimpleListFilter):
    """Filter by a node of ``tree``, matching releases tagged with it or any node below it."""

    tree = None
    relation = None

    def lookups(self, request, model_admin):
        return [
            (slug, f"{'— ' * level}{name}")
            for slug, name, level in self.tree.objects.values_list("slug", "name", "level")
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        node = self.tree.objects.filter(slug=self.value()).only("tree_id", "lft", "rght").first()
        if node is None:
            return queryset.none()
        return queryset.in_subtree(self.relation, [node])


class SourceFilter(SubtreeListFilter):
    title = _("source")
    parameter_name = "source"
    tree = Structure
    relation = ISSUER_RELATIONS  # a release counts for its lead issuer and its co-issuers


class FieldOfWorkFilter(SubtreeListFilter):
    title = _("field of work")
    parameter_name = "field_of_work"
    tree = FieldOfWork
    relation = "fields_of_work"
