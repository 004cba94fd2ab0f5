"""The site shell's breadcrumbs: "Home" > ... on every public page, built in one place.

A class-based view mixes in ``BreadcrumbsMixin`` and returns the crumbs after Home from
``get_breadcrumbs``; a function view passes ``trail(...)`` as ``breadcrumbs``. The shell
(``templates/includes/breadcrumbs.html``) renders them.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def trail(*crumbs):
    """``[(label, url), ...]``: Home, then ``crumbs``, each a ``(label, url)`` pair."""
    return [(_("Home"), reverse("home")), *crumbs]


class BreadcrumbsMixin:
    """Puts ``trail(*self.get_breadcrumbs())`` in the context as ``breadcrumbs``."""

    def get_breadcrumbs(self):
        """The crumbs between Home and the page itself (the page is not a crumb)."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = trail(*self.get_breadcrumbs())
        return context
