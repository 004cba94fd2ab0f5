"""The project's admin site: Django's, with a "view on site" shortcut that asks the model admin.

Django's shortcut (``/admin/r/<content type>/<id>/``) redirects any staff user to the public
address of any object, which names an unpublished release (its slug is its headline) and
confirms that it exists. Here it answers only for objects that the model's admin would show this
user (its scoped queryset and its view permission), and 404 for everything else, the same as
for an object that does not exist.

Every model admin registered here also gets ``SafeListAdminMixin`` (``osce_cms.admin_lists``):
its change list and autocomplete answer any query string without a 500.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.urls import path

from .admin_lists import SafeListAdminMixin


class SiteAdmin(admin.AdminSite):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._views = []

    def register_view(self, route, view, name):
        """An admin page that belongs to no model (``view(request)``, e.g. the translation
        status board), at ``/admin/<route>``, behind the admin's login; its URL name is
        ``admin:<name>``."""
        self._views.append((route, view, name))

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, SafeListAdminMixin):
            admin_class = type(admin_class.__name__, (SafeListAdminMixin, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)

    def get_urls(self):
        urls = super().get_urls()
        shortcut = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        own = [path(route, self.admin_view(view), name=name) for route, view, name in self._views]
        return [
            shortcut,
            *own,
            *(url for url in urls if getattr(url, "name", None) != "view_on_site"),
        ]

    def view_on_site(self, request, content_type_id, object_id):
        content_type = ContentType.objects.filter(pk=content_type_id).first()
        model = content_type.model_class() if content_type else None
        model_admin = self._registry.get(model)
        if model_admin is None:
            raise Http404
        obj = model_admin.get_object(request, object_id)
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        if not model_admin.view_on_site or not hasattr(obj, "get_absolute_url"):
            raise Http404
        return HttpResponseRedirect(obj.get_absolute_url())
