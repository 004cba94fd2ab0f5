"""Old addresses of terms (slugs, and paths of structures) that answer with a permanent
redirect; content items (pages, releases) have the engine's ``SlugRedirect``.

Both share one rule book, ``editorial.slugs.RedirectQuerySet``: an old address points at the
object, not at another address, so it always leads to the object's current URL in one hop.
When a term's address changes is decided by ``taxonomy.redirects``.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.slugs import RedirectQuerySet


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
    key_field = "old_key"

    objects = RedirectQuerySet.as_manager()

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
