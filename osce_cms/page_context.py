"""Extra context for a page type, contributed by other apps without the page's app knowing them.

An app that owns a page type (taxonomy's term pages, press's release pages) holds one
``ContextFunctions``; another app registers ``function(obj, request) -> dict`` on it from its
``ready()`` (meetings adds a node's upcoming events, or a release's events), and the page's view
calls ``add_to(context, obj, request)``.
"""


class ContextFunctions:
    def __init__(self):
        self._functions = []

    def register(self, function):
        self._functions.append(function)
        return function

    def add_to(self, context, obj, request):
        for function in self._functions:
            context.update(function(obj, request))
        return context
