"""Documents as a kind of content one can follow by e-mail (registered in apps.py): a filter of
the library (its trees and words; languages and years are not part of an alert) tells its
subscribers about each newly published document it matches (``alerts.faceted``)."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from alerts.faceted import FacetedAlertKind
from alerts.registry import ItemSummary
from osce_cms.links import absolute_url

from .filters import DocumentFilter
from .models import Document


class DocumentAlerts(FacetedAlertKind):
    key = "documents"
    model = Document
    label = _("Documents")
    listing_url_name = "documents:document-list"
    filter_class = DocumentFilter
    phrases = {
        "document_type": _("of the type %(names)s"),
        "structure": _("issued by %(names)s"),
        "field_of_work": _("about %(names)s"),
        "country": _("in %(names)s"),
    }
    ignored_notice = _(
        "Languages and years are not part of an alert: it tells you about new documents."
    )
    text_fields = ("title", "reference_number", "summary")
    listing_related = ("document_type",)

    def summarise(self, document):
        day = formats.date_format(document.date, "DATE_FORMAT")
        return ItemSummary(
            title=str(document),
            dateline=f"{document.document_type.name}, {day}",
            lead=document.summary,
            url=absolute_url(document.get_absolute_url()),
            language=document.language,
        )
