"""Old addresses of terms and pages that answer with a permanent redirect.

An old address points at the object, not at another address: it always leads to the object's
current URL in one hop, so chains cannot form and a loop cannot arise from renames. The rules
(record on every slug or path change, never shadow a live address, take a redirecting slug only
by an explicit choice) live in ``taxonomy.redirects``.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OldAddress(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object"))
    target = GenericForeignKey("content_type", "object_id")
    old_key = models.CharField(
        _("old slug or path"),
        max_length=1000,
        help_text=_("The slug (or, for a structure, the path of slugs) the address had."),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["content_type_id", "old_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_key"], name="old_address_unique_key"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="old_address_target")]

    def __str__(self):
        return self.old_key
