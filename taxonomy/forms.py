"""Admin forms of terms: a slug that is still an old address needs a clear choice."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from mptt.forms import MPTTAdminForm

from . import redirects
from .models import Structure


class TermAdminForm(MPTTAdminForm):
    """Adds "take over the old address" and refuses a redirecting address without it."""

    take_over_old_address = forms.BooleanField(
        label=_("Take over the old address"),
        required=False,
        help_text=_("The slug redirects to another entry; tick to end that redirect and use it."),
    )

    def clean(self):
        cleaned = super().clean()
        key = self._address_key(cleaned)
        if key:
            try:
                redirects.check_free(
                    self._meta.model,
                    key,
                    instance=self.instance if self.instance.pk else None,
                    take_over=cleaned.get("take_over_old_address", False),
                )
            except ValidationError as error:
                self.add_error("slug", error)
        return cleaned

    def _address_key(self, cleaned):
        """The address the term will have: a structure's path, otherwise its slug."""
        slug = cleaned.get("slug")
        if slug and self._meta.model is Structure:
            parent = cleaned.get("parent")
            return f"{parent.path}/{slug}" if parent is not None else slug
        return slug
