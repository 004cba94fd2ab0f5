"""The range of publication dates the site accepts, for every kind of content.

Far outside it nothing is meaningful, and some of it cannot be stored or shown: a year-1 time in
Vienna is before year 1 in UTC (SQLite cannot convert it), and the year after 9999 does not exist
(the admin's date navigation needs it).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1970
LATEST_YEAR = 2100


def validate_publication_time(value):
    if value is None:
        return
    year = timezone.localtime(value).year if timezone.is_aware(value) else value.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )
