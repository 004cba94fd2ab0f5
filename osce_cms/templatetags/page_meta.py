"""What search engines and link previews read of a page: description, canonical, OpenGraph."""

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.html import strip_tags

register = template.Library()

DESCRIPTION_LENGTH = 300


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context, title, description, kind="website", image=None, image_alt=""):
    """The meta description, canonical link and OpenGraph/Twitter tags of an indexable page.

    ``description`` may be rich text (tags are stripped); ``image`` a dict with an absolute
    ``url``, ``width`` and ``height``. The canonical address is the page's path without its
    query string (filters and page numbers are marked noindex by the pages that have them).
    """
    request = context["request"]
    text = " ".join(strip_tags(str(description)).split())
    return {
        "title": title,
        "description": truncatechars(text, DESCRIPTION_LENGTH),
        "url": request.build_absolute_uri(request.path),
        "kind": kind,
        "image": image,
        "image_alt": image_alt,
    }
