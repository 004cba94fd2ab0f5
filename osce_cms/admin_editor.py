"""The admin's rich-text editor (django-prose-editor), for every model admin that edits rich text.

The editor loads its modules through an import map, an inline script that the site-wide policy
(script-src 'self') blocks, and Tiptap injects its base stylesheet as a <style> element. Only the
add and change forms of an admin that uses the editor are served under a policy that allows the
import map by nonce and that stylesheet by its hash; every other page keeps the strict policy.
"""

from django import forms
from django.conf import settings
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django_prose_editor.widgets import AdminProseEditorWidget

from .richtext import RichTextField

# What the editor offers; osce_cms.richtext sanitises whatever arrives, on save and output.
EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Subscript": True,
        "Superscript": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "Link": {"enableTarget": False},
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
        "History": True,
        "HTML": True,
    }
}

# The hash of Tiptap's base stylesheet in the bundled django-prose-editor version (the browser
# tests load the editor under this policy and notice when an upgrade changes it).
TIPTAP_BASE_CSS_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


def editor_csp():
    """The site's policy, plus the editor's import map (by nonce) and base stylesheet (by hash)."""
    return {
        **settings.SECURE_CSP,
        "script-src": [CSP.SELF, CSP.NONCE],
        "style-src": [*settings.SECURE_CSP["style-src"], TIPTAP_BASE_CSS_HASH],
    }


class RichTextEditorWidget(AdminProseEditorWidget):
    """The editor with the project's configuration; its editing area is named by the field's
    label (a static script, since the editor creates that area itself)."""

    def __init__(self, attrs=None, config=None):
        super().__init__(attrs, config=config or EDITOR_CONFIG)

    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-editor.js"])


class RichTextEditorAdminMixin:
    """For a ModelAdmin: the editor on every RichTextField, and the editor's policy on the add
    and change forms (only there)."""

    formfield_overrides = {RichTextField: {"widget": RichTextEditorWidget}}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = csp_override(editor_csp())(super().changeform_view)
        return view(request, object_id, form_url, extra_context)
