"""The month names of dates ("17 febbraio 2016"), translated in the project's catalogues.

Django's Italian catalogue capitalises them ("17 Febbraio 2016"); Italian, like French and
Spanish, writes them in lower case. Marked here, they are in ``locale/``, which takes
precedence over Django's own catalogues. Nothing imports this module: ``makemessages`` reads it.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
