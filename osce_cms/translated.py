"""Translated content as a page shows it: in the page's language, or in English for want of a
translation, and then marked ``lang="en"`` for screen readers and search engines.

The translated fields (django-modeltranslation, see ``taxonomy/translation.py``) fall back to
English by themselves; this module tells when that happened.
"""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


class ShownText(str):
    """A text as shown on the page; ``lang`` is its language when it differs from the page's."""

    lang = ""


def fallback_lang(obj, field):
    """The default language's code if ``obj`` shows ``field`` in it because the active language
    has no translation; otherwise ``""``."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return ""
    if getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return settings.LANGUAGE_CODE if getattr(obj, field) else ""


def shown(obj, field):
    """``obj``'s ``field`` as a ``ShownText`` (for breadcrumbs, menu entries, chips)."""
    text = ShownText(getattr(obj, field))
    text.lang = fallback_lang(obj, field)
    return text


def shown_value(row, field):
    """Like ``shown``, for a ``values()`` row holding ``field_<language>`` and ``field_en``."""
    language = get_language()
    text = ShownText(row.get(build_localized_fieldname(field, language)) or "")
    if not text:
        text = ShownText(row[build_localized_fieldname(field, settings.LANGUAGE_CODE)] or "")
        text.lang = settings.LANGUAGE_CODE if text and language != settings.LANGUAGE_CODE else ""
    return text


def languages_of(obj, field):
    """The site languages in which ``obj`` has its own ``field`` (not the English fallback)."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if getattr(obj, build_localized_fieldname(field, code), None)
    ]


def localized_fields(field, languages=None):
    """``field_<code>`` for each site language (or the given ones), e.g. for ``only()`` and
    ``values()`` on a model that reaches a translated model through a relation."""
    codes = languages or [code for code, _name in settings.LANGUAGES]
    return [build_localized_fieldname(field, code) for code in dict.fromkeys(codes)]
