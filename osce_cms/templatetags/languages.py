"""The current page in every language: the header's language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

register = template.Library()


def page_in_languages(request, missing=False):
    """For each site language: code, its own name, this page's URL in it, whether active.

    URLs keep the query string (filters and page number mean the same in every language). A
    missing page (``missing``, or a path that does not resolve) has no counterpart: its links go
    to each home page and are marked ``counterpart: False``.
    """
    full_path = None if missing else request.get_full_path()
    try:
        resolve(request.path_info)
    except Resolver404:
        full_path = None
    current = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        if full_path is None:
            with translation.override(code):
                url = reverse("home")
        else:
            url = translate_url(full_path, code)
        name = translation.get_language_info(code)["name_local"]
        languages.append(
            {
                "code": code,
                "name": name[:1].upper() + name[1:],
                "url": url,
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "counterpart": full_path is not None,
            }
        )
    return languages


@register.simple_tag(takes_context=True)
def page_languages(context, absolute=False):
    """``{% page_languages as languages %}``; ``absolute=True`` for hreflang links."""
    request = context.get("request")
    if request is None:
        return []
    languages = page_in_languages(request, missing=context.get("page_missing", False))
    if absolute:
        for language in languages:
            language["url"] = request.build_absolute_uri(language["url"])
    return languages
