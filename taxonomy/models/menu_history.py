"""The history of a menu: one entry per change, each with the whole arrangement after it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .menus import Menu


class MenuChange(models.Model):
    class Action(models.TextChoices):
        ADDED = "added", _("added")
        EDITED = "edited", _("edited")
        HIDDEN = "hidden", _("hidden")
        SHOWN = "shown", _("shown again")
        MOVED = "moved", _("moved")
        DELETED = "deleted", _("deleted")
        RESTORED = "restored", _("earlier arrangement restored")

    menu = models.ForeignKey(
        Menu, verbose_name=_("menu"), on_delete=models.CASCADE, related_name="changes"
    )
    action = models.CharField(_("change"), max_length=20, choices=Action.choices)
    item_label = models.CharField(_("item"), max_length=200, blank=True)
    changed_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    arrangement = models.JSONField(
        _("arrangement"), help_text=_("Every item of the menu after the change, in tree order.")
    )

    class Meta:
        verbose_name = _("menu change")
        verbose_name_plural = _("menu changes")
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.item_label}"
