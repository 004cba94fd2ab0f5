"""A save whose files cannot be stored is refused whole, with a clear answer, never a 500.

Django's admin saves an object, its inlines and their files in one transaction; when the
storage (a full disk, a refused or unreachable bucket) raises, the transaction is rolled back,
so nothing of the save is kept, and the editor gets a page saying so (503, the storage is an
outside service) with the way back to the form.
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


class StorageFailureAdminMixin:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except STORAGE_ERRORS:
            if request.method != "POST":
                raise
            logger.exception("Files could not be stored: %s not saved", self.model._meta.label)
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Nothing was saved"),
                "back_url": request.get_full_path(),
            }
            return TemplateResponse(request, "admin/storage_unavailable.html", context, status=503)
