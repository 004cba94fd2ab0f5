"""The views every registered endpoint builds on: public reads, cached like the pages."""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets

from osce_cms.caching import conditional, look_up_page, mark_private, release, store_page

from .plain import PlainListSerializer

# The API's answers do not depend on cookies or the browser's language.
VARY = ("Accept-Encoding",)


class PageCachedMixin:
    """Answer GETs from the page cache, after authentication and the rate limit.

    DRF's ``initial`` authenticates and counts the request against its limit; only then is the
    answer looked up under the content generation, exactly as for a page: any change to public
    content makes every cached answer stale, so none is ever older than the content. A handler
    returns ``self.cached_page.response`` when there is one.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.cached_page = look_up_page(request._request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        page = getattr(self, "cached_page", None)
        if page is None or response.status_code != 200:
            # An error (a 404 before publication, a 429) must not outlive its cause in a
            # browser's or a CDN's cache.
            if page is not None:
                release(page)
            mark_private(response)
            return response
        if response is page.response:
            return conditional(request._request, response)
        response.render()
        return store_page(request._request, page, response, vary=VARY)


class PublicReadViewSet(PageCachedMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail of public content.

    Subclasses define ``get_queryset()`` (always from the model's public queryset, built per
    request so that "public" means public now, e.g. ``PressRelease.objects.listed()``),
    ``serializer_class``, ``keyset`` (the order of the pages, ending with a unique field), and
    optionally ``filterset_class`` (the public page's FilterSet) and
    ``detail_serializer_class``.
    """

    keyset = ("-id",)
    lookup_field = "slug"
    detail_serializer_class = None

    def filter_queryset(self, queryset):
        # Filters choose among many; a detail is named by its address alone.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def list(self, request, *args, **kwargs):
        if self.cached_page.response:
            return self.cached_page.response
        serializer = self.get_serializer(many=True)
        queryset = self.filter_queryset(self.get_queryset())
        if isinstance(serializer, PlainListSerializer):
            queryset = serializer.select(queryset)
        serializer.instance = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        return self.cached_page.response or super().retrieve(request, *args, **kwargs)


class SchemaView(PageCachedMixin, SpectacularAPIView):
    """The OpenAPI schema, generated once per content generation instead of per request."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return self.cached_page.response or super().get(request, *args, **kwargs)


class DocsView(PageCachedMixin, SpectacularSwaggerSplitView):
    """Swagger UI from the project's static files; its start-up script is a separate file
    (``?script``), so the page passes the site's CSP without inline code."""

    template_name = "api/docs.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return self.cached_page.response or super().get(request, *args, **kwargs)
