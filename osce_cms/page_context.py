"""Extra context for a page type, contributed by other apps without the page's app knowing them.

An app that owns a page type (taxonomy's term pages, press's release pages) holds one
``ContextFunctions``; another app registers ``function(obj, request) -> dict`` on it from its
``ready()`` (meetings adds a node's upcoming events, or a release's events), and the page's view
calls ``add_to(context, obj, request)``.

A function may come with ``annotate(queryset) -> queryset``, which the page's view applies to
the query that loads ``obj`` (``annotate``): an ``EXISTS`` there tells the function when there is
nothing to show, so that a page without any costs no query of its own. The function must still
answer for an ``obj`` loaded without it (a preview), by querying.
"""


class ContextFunctions:
    def __init__(self):
        self._functions = []
        self._annotations = []

    def register(self, function, annotate=None):
        self._functions.append(function)
        if annotate is not None:
            self._annotations.append(annotate)
        return function

    def annotate(self, queryset):
        for annotate in self._annotations:
            queryset = annotate(queryset)
        return queryset

    def add_to(self, context, obj, request):
        for function in self._functions:
            context.update(function(obj, request))
        return context
