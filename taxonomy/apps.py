from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomies and navigation")

    def ready(self):
        # Imported once the apps are loaded.
        from editorial import registry
        from editorial.views import detail_preview
        from osce_cms import sitemaps
        from osce_cms.caching import register_public_models

        from . import models
        from .sitemaps import SITEMAPS
        from .views import PageDetailView

        # Trees and menus are public as a whole: any change to them shows on public pages.
        # Pages are editorial content: the engine says when their public output changes.
        sitemaps.register(SITEMAPS)
        register_public_models(
            models.FieldOfWork,
            models.Country,
            models.Structure,
            models.Place,
            models.MeetingType,
            models.DocumentType,
            models.Menu,
            models.MenuItem,
        )
        registry.register(
            models.Page,
            # Pages belong to the whole organisation: rights alone decide who works on them.
            scope_field=None,
            preview=detail_preview(PageDetailView),
            preview_url_name="taxonomy:page-preview",
            # A page's title and body are translated in place (taxonomy/translation.py).
            linked_translations=False,
        )
