"""Forms of the press-release admin: the lead image's checks."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from osce_cms.dates import validate_publication_time

from .images import validate_image
from .models import CoIssuer, PressRelease


class PressReleaseAdminForm(forms.ModelForm):
    # A plain file field: press.images checks the upload (Django's ImageField would decode it
    # first, with its own generic message).
    lead_image = forms.FileField(
        label=capfirst(_("lead image")),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
        help_text=_("JPEG, PNG, WebP or GIF."),
    )

    class Meta:
        model = PressRelease
        fields = [
            "title",
            "slug",
            "lead",
            "published_at",
            "place",
            "source",
            "kind",
            "language",
            "fields_of_work",
            "countries",
            "body",
            "lead_image",
            "lead_image_alt",
            "lead_image_caption",
            "lead_image_credit",
            "related",
        ]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "published_at" in self.fields:
            now = timezone.localtime()
            offset = now.strftime("%z")
            self.fields["published_at"].help_text = _(
                "Date and time in %(zone)s (now %(abbreviation)s, UTC%(offset)s); the calendar "
                "and clock buttons pick them."
            ) % {
                "zone": timezone.get_current_timezone_name(),
                "abbreviation": now.tzname(),
                "offset": f"{offset[:3]}:{offset[3:]}",
            }

    def full_clean(self):
        super().full_clean()
        upload = self.files.get(self.add_prefix("lead_image"))
        if self.errors and upload and "lead_image" not in self.errors:
            # A browser never refills a file field: say so next to it rather than drop it.
            self.add_error(
                "lead_image",
                _(
                    "Nothing was saved because of the errors on this form, and browsers do not "
                    "keep a chosen file: choose “%(name)s” again before saving."
                )
                % {"name": upload.name},
            )

    def clean_published_at(self):
        published_at = self.cleaned_data.get("published_at")
        validate_publication_time(published_at)
        return published_at

    def clean_lead_image(self):
        image = self.cleaned_data.get("lead_image")
        if isinstance(image, UploadedFile):
            return validate_image(image)
        return image

    def clean_source(self):
        """A closed structure stays the source of the releases that have it, but is not
        offered for new ones (nor as a new choice)."""
        source = self.cleaned_data.get("source")
        if source is not None:
            source.check_choosable(kept_pk=self.initial.get("source"))
        return source

    def clean(self):
        cleaned = super().clean()
        image = cleaned.get("lead_image")
        if image and not (cleaned.get("lead_image_alt") or "").strip():
            self.add_error(
                "lead_image_alt",
                _("Describe the image for people who cannot see it (alternative text)."),
            )
        return cleaned


class CoIssuerForm(forms.ModelForm):
    class Meta:
        model = CoIssuer
        fields = ["structure", "position"]

    def clean_structure(self):
        structure = self.cleaned_data.get("structure")
        if structure is not None:
            structure.check_choosable(kept_pk=self.initial.get("structure"))
        return structure


class CoIssuerFormSet(forms.BaseInlineFormSet):
    """The co-issuers of a release: each once, and never its lead issuer."""

    def clean(self):
        super().clean()
        lead = self.instance.source_id
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            structure = form.cleaned_data.get("structure")
            if structure is not None and structure.pk == lead:
                form.add_error(
                    "structure",
                    _("“%(structure)s” is the lead issuer (the source); choose another.")
                    % {"structure": structure.display_name},
                )
