"""Admin forms of terms and pages: a slug that is still an old address needs a clear choice."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from mptt.forms import MPTTAdminForm

from . import redirects
from .models import Page, Structure


class OldAddressChoiceMixin:
    """Adds "take over the old address" and refuses a redirecting slug without it."""

    def _address_key(self, cleaned):
        return cleaned.get("slug")

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


TAKE_OVER = forms.BooleanField(
    label=_("Take over the old address"),
    required=False,
    help_text=_("The slug redirects to another entry; tick to end that redirect and use it."),
)


class TermAdminForm(OldAddressChoiceMixin, MPTTAdminForm):
    take_over_old_address = TAKE_OVER

    def _address_key(self, cleaned):
        slug = cleaned.get("slug")
        if slug and self._meta.model is Structure:
            parent = cleaned.get("parent")
            return f"{parent.path}/{slug}" if parent is not None else slug
        return slug


class PageAdminForm(OldAddressChoiceMixin, forms.ModelForm):
    take_over_old_address = TAKE_OVER

    class Meta:
        model = Page
        fields = ["title", "slug", "body", "listing"]
