"""``{% document_card %}``: a document's card in the library and on taxonomy pages.

Written here rather than by a template included per card (twenty a page): the same markup, each
text escaped, its files' languages from the files the list prefetched.
"""

from html import escape  # Django's, without its lazy-text wrapper: same output for str

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

CARD = """<article class="release-card document-card">
  <h3 class="release-card__title"{lang}><a href="{url}">{title}</a></h3>
  <p class="release-card__meta">
    <span class="document-card__type">{document_type}</span>{reference} · \
<time datetime="{iso_date}">{date}</time> · <span class="release-card__source">{issuer}</span>
  </p>
  {summary}
  {languages}
</article>
"""


@register.simple_tag
def document_card(document):
    lang = f' lang="{escape(document.language)}"' if document.language != get_language() else ""
    reference = ""
    if document.reference_number:
        number = escape(document.reference_number)
        reference = f' · <span class="document-card__reference">{number}</span>'
    summary = ""
    if document.summary:
        text = escape(truncatewords(document.summary, 40))
        summary = f'<p class="release-card__lead"{lang}>{text}</p>'
    return mark_safe(  # every text is escaped here
        CARD.format(
            lang=lang,
            url=escape(document.get_absolute_url()),
            title=escape(document.title),
            document_type=escape(document.document_type.name),
            reference=reference,
            iso_date=document.date.isoformat(),
            date=escape(date_format(document.date)),
            issuer=escape(document.issuer.display_name),
            summary=summary,
            languages=_languages(document.files.all()),
        )
    )


def _languages(files):
    if not files:
        return ""
    items = " · ".join(
        f'<abbr title="{escape(str(item.get_language_display()))}" lang="{escape(item.language)}">'
        f"{escape(item.language.upper())}</abbr>"
        for item in files
    )
    label = escape(_("Languages:"))
    return (
        f'<p class="document-card__languages"><span class="visually-hidden">{label} </span>'
        f"{items}</p>"
    )
