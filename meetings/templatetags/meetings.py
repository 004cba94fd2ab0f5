from html import escape  # Django's, without its lazy-text wrapper: same output for str

from django import template
from django.template.defaultfilters import truncatewords
from django.utils import dateformat
from django.utils.formats import date_format, time_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..taxonomy_pages import next_events

register = template.Library()


@register.simple_tag
def upcoming_events(limit=3):
    """The next events of the whole site, soonest first."""
    return next_events(limit)


# An event's dates and card, written here rather than by two templates included per card: twenty
# cards of the events listing cost more than the rest of its page. Same markup as the templates
# were, byte for byte.
CARD = """<article class="release-card event-card">
  <h{level} class="release-card__title"{lang}><a href="{url}">{title}</a></h{level}>
  <p class="release-card__meta">
    {dates}{venue} · <span class="release-card__source">{meeting_type}</span>{status}
  </p>
  <p class="release-card__lead"{lang}>{summary}</p>
</article>
"""


@register.simple_tag
def event_dates(event):
    """``{% event_dates event %}``: its dates (and times, in its own zone), as ``<time>``s."""
    start, end = event.start_date, event.end_date
    if event.is_all_day:
        html = f'<time datetime="{start.isoformat()}">{escape(date_format(start))}</time>'
        if end != start:
            html += f' – <time datetime="{end.isoformat()}">{escape(date_format(end))}</time>'
        return mark_safe(html)
    starts, ends = event.starts, event.ends
    end_day = f"{escape(date_format(end))}, " if end != start else ""
    return mark_safe(  # every text is escaped here
        f'<time datetime="{dateformat.format(starts, "c")}">{escape(date_format(start))}, '
        f"{escape(time_format(starts))}</time> – "
        f'<time datetime="{dateformat.format(ends, "c")}">{end_day}{escape(time_format(ends))}'
        f'</time> <span class="event-zone">({escape(event.time_zone)})</span>'
    )


@register.simple_tag
def event_card(event, heading_level=3):
    """``{% event_card event %}``: the event's card (its title a heading of ``heading_level``)."""
    lang = f' lang="{escape(event.language)}"' if event.language != get_language() else ""
    venue = event.venue
    status = ""
    if event.is_off:
        status = (
            f' · <strong class="event-status event-status--{escape(event.event_status)}">'
            f"{escape(str(event.get_event_status_display()))}</strong>"
        )
    return mark_safe(  # every text is escaped here
        CARD.format(
            level=int(heading_level),
            lang=lang,
            url=escape(event.get_absolute_url()),
            title=escape(event.title),
            dates=event_dates(event),
            venue=f' · <span class="release-card__place">{escape(venue.name.upper())}</span>'
            if venue
            else "",
            meeting_type=escape(event.meeting_type.name),
            status=status,
            summary=escape(truncatewords(event.summary, 40)),
        )
    )
