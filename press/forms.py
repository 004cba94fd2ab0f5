"""Forms of the press-release admin: image and document checks."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .documents import validate_pdf
from .images import validate_image
from .models import Attachment, PressRelease


class PressReleaseAdminForm(forms.ModelForm):
    # A plain file field: press.images checks the upload (Django's ImageField would decode it
    # first, with its own generic message).
    lead_image = forms.FileField(
        label=_("lead image"),
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

    def clean_lead_image(self):
        image = self.cleaned_data.get("lead_image")
        if isinstance(image, UploadedFile):
            return validate_image(image)
        return image

    def clean_source(self):
        """A closed structure stays the source of the releases that have it, but is not
        offered for new ones (nor as a new choice)."""
        source = self.cleaned_data.get("source")
        if source is not None and source.is_closed() and source.pk != self.initial.get("source"):
            raise forms.ValidationError(
                _("“%(source)s” closed on %(date)s; choose a current structure.")
                % {"source": source.display_name, "date": date_format(source.closed_on)}
            )
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


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file", "position"]

    def clean_file(self):
        document = self.cleaned_data.get("file")
        if isinstance(document, UploadedFile):
            validate_pdf(document)
        return document
