from django import template

from ..taxonomy_pages import next_events

register = template.Library()


@register.simple_tag
def upcoming_events(limit=3):
    """The next events of the whole site, soonest first."""
    return next_events(limit)
