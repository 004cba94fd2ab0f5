from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: the number that every public page cache key contains (see osce_cms/caching.py).

    It lives in the database, not in a process's memory, so that every worker on every server
    reads the same value; ``next_due`` is when the next scheduled release goes public.
    """

    value = models.BigIntegerField(_("generation"), default=1)
    changed_at = models.DateTimeField(_("changed"))
    next_due = models.DateTimeField(_("next scheduled publication"), null=True, blank=True)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generation")

    def __str__(self):
        return str(self.value)
