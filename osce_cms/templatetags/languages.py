"""The current page in every language (the header's language switcher and hreflang links), and
the marking of translated texts shown in English."""

import functools

from django import template
from django.conf import settings
from django.urls import Resolver404, get_script_prefix, get_urlconf, resolve, reverse
from django.urls import translate_url as django_translate_url
from django.utils import translation
from django.utils.html import format_html

from osce_cms.translated import fallback_lang, shown

register = template.Library()


@register.filter
def lang_attr(value, field=None):
    """`` lang="en"`` where a translated text is shown in English for want of a translation:
    ``{{ node|lang_attr:"name" }}`` for a model's field, ``{{ text|lang_attr }}`` for a
    ``ShownText``; nothing otherwise."""
    language = fallback_lang(value, field) if field else getattr(value, "lang", "")
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def in_own_lang(text):
    """``{{ text|in_own_lang }}``: a ``ShownText`` (or a facet's node, which has a ``lang`` too)
    inside a ``<span lang="en">`` when it is shown in English for want of a translation; the text
    alone otherwise, without an empty wrapper."""
    language = getattr(text, "lang", "")
    return format_html('<span lang="{}">{}</span>', language, text) if language else text


@register.filter(name="shown")
def shown_filter(obj, field):
    """``{{ node|shown:"name" }}``: the text with its language, e.g. for ``current_crumb``."""
    return shown(obj, field)


def translate_url(path, code):
    """Django's ``translate_url`` (a resolve and a reverse), remembered per URL configuration,
    script prefix and active language (the language prefix it resolves the path with): the
    header and the head ask it for every language on every page."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _translated(path, code, urlconf, get_script_prefix(), translation.get_language())


@functools.lru_cache(maxsize=4096)
def _translated(path, code, urlconf, script_prefix, active_language):
    return django_translate_url(path, code)


def page_in_languages(request, missing=False, content_languages=None, item_languages=None):
    """For each site language: code, its own name, this page's URL in it, whether active.

    URLs keep the query string (filters and page number mean the same in every language). A
    missing page (``missing``, or a path that does not resolve) has no counterpart: its links go
    to each home page and are marked ``counterpart: False``. ``alternate`` says whether the
    page in that language is really in it, content included: a page about one item (a term,
    a page) gives ``content_languages``, the languages its content exists in; the others show
    the content in its own language and are not advertised with ``hreflang``. An item with
    linked translations (``editorial.translations.item_languages``) gives ``item_languages``:
    each language then leads to the item's version in it, or to the list it belongs to.
    """
    full_path = None if missing else request.get_full_path()
    try:
        resolve(request.path_info)
    except Resolver404:
        full_path = None
    current = translation.get_language()
    switch = item_languages["switch"] if item_languages and full_path is not None else {}
    languages = []
    for code, _name in settings.LANGUAGES:
        if full_path is None:
            with translation.override(code):
                url = reverse("home")
        else:
            url = switch.get(code) or translate_url(full_path, code)
        name = translation.get_language_info(code)["name_local"]
        languages.append(
            {
                "code": code,
                "name": name[:1].upper() + name[1:],
                "url": url,
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "counterpart": full_path is not None,
                "alternate": full_path is not None
                and not item_languages
                and (content_languages is None or code in content_languages),
            }
        )
    return languages


@register.simple_tag(takes_context=True)
def page_languages(context, absolute=False):
    """``{% page_languages as languages %}``; ``absolute=True`` for hreflang links."""
    request = context.get("request")
    if request is None:
        return []
    arguments = {
        "missing": context.get("page_missing", False),
        "content_languages": context.get("content_languages"),
        "item_languages": context.get("item_languages"),
    }
    # The header's switcher and the head's hreflang links ask for the same list: worked out once
    # per request (each language's URL is a resolve and a reverse).
    known = getattr(request, "_page_languages", None)
    if known is None or known[0] != arguments:
        known = (arguments, page_in_languages(request, **arguments))
        request._page_languages = known
    languages = [dict(language) for language in known[1]]
    if absolute:
        for language in languages:
            language["url"] = request.build_absolute_uri(language["url"])
    return languages
