"""Forms of the library's admin: every file is checked and rewritten as a plain PDF."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from osce_cms.pdfs import clean_pdf

from .models import DocumentFile


class DocumentFileForm(forms.ModelForm):
    class Meta:
        model = DocumentFile
        fields = ["language", "file", "position"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}

    def clean_file(self):
        document = self.cleaned_data.get("file")
        if isinstance(document, UploadedFile):
            return clean_pdf(document)
        return document
