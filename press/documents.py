"""Attachments: PDF documents only, checked by their content, within a size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"


def max_bytes():
    return getattr(settings, "ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)


def validate_pdf(upload):
    if upload.size > max_bytes():
        raise ValidationError(
            _("The document is %(size)s; attachments may be at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
        )
    upload.seek(0)
    header = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if header != PDF_MAGIC:
        raise ValidationError(_("Attach PDF documents only."), code="not_a_pdf")
