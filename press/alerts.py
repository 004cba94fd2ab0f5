"""Press releases as a kind of content one can follow by e-mail (registered in apps.py).

A newsroom filter (any of its tree filters and words; dates are not part of an alert) becomes an
alert, as for every faceted listing (``alerts.faceted``).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from alerts.faceted import FacetedAlertKind
from alerts.registry import ItemSummary
from osce_cms.links import absolute_url

from .filters import ReleaseFilter
from .models import PressRelease


class PressReleaseAlerts(FacetedAlertKind):
    key = "press"
    model = PressRelease
    label = _("Press releases")
    listing_url_name = "press:release-list"
    filter_class = ReleaseFilter
    phrases = {
        "field_of_work": _("about %(names)s"),
        "country": _("in %(names)s"),
        "place": _("in %(names)s"),
        "source": _("from %(names)s"),
    }
    ignored_notice = _("Dates are not part of an alert: it tells you about new releases.")
    text_fields = ("title", "lead", "body")
    listing_related = ("place",)

    def summarise(self, release):
        day = formats.date_format(timezone.localtime(release.published_at), "DATE_FORMAT")
        dateline = f"{release.place.name}, {day}" if release.place else day
        return ItemSummary(
            title=release.title,
            dateline=dateline,
            lead=release.lead,
            url=absolute_url(release.get_absolute_url()),
            language=release.language,
        )
