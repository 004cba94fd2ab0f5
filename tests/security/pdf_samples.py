"""PDFs for upload tests, built with pypdf's object model: a plain one and hostile variants."""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    StreamObject,
    TextStringObject,
)


def _name(value):
    return NameObject(value)


def _action(kind, **entries):
    action = DictionaryObject({_name("/S"): _name(kind)})
    action.update({_name(f"/{key}"): value for key, value in entries.items()})
    return action


def build(change=None, *, password=None):
    """A one-page PDF; ``change(writer)`` may add to its catalogue or page first."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if change is not None:
        change(writer)
    if password is not None:
        writer.encrypt(password)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _catalog(key, value):
    def change(writer):
        writer._root_object[_name(key)] = writer._add_object(value)

    return change


def _names(key, value):
    return _catalog("/Names", DictionaryObject({_name(key): value}))


def _on_page(key, value):
    def change(writer):
        writer.pages[0][_name(key)] = value

    return change


def _embedded_file():
    stream = StreamObject()
    stream.set_data(b"MZ this is a program")
    stream[_name("/Type")] = _name("/EmbeddedFile")
    spec = DictionaryObject(
        {
            _name("/Type"): _name("/Filespec"),
            _name("/F"): TextStringObject("tool.exe"),
            _name("/EF"): DictionaryObject({_name("/F"): stream}),
        }
    )
    return DictionaryObject({_name("/Names"): ArrayObject([TextStringObject("tool.exe"), spec])})


def _go_to_first_page(writer):
    page = writer.pages[0].indirect_reference
    destination = ArrayObject([page, _name("/Fit")])
    writer._root_object[_name("/OpenAction")] = _action("/GoTo", D=destination)


PLAIN = build()
GO_TO_FIRST_PAGE = build(_go_to_first_page)
HOSTILE = {
    "javascript-open-action": (
        build(_catalog("/OpenAction", _action("/JavaScript", JS=TextStringObject("app.alert(1)")))),
        "JavaScript",
    ),
    "javascript-name-tree": (
        build(_names("/JavaScript", DictionaryObject({_name("/Names"): ArrayObject()}))),
        "JavaScript",
    ),
    "launch-open-action": (
        build(_catalog("/OpenAction", _action("/Launch", F=TextStringObject("calc.exe")))),
        "start a program",
    ),
    "uri-open-action": (
        build(_catalog("/OpenAction", _action("/URI", URI=TextStringObject("https://x.test")))),
        "runs an action",
    ),
    "page-open-script": (
        build(_on_page("/AA", DictionaryObject({_name("/O"): _action("/Launch")}))),
        "runs an action",
    ),
    "embedded-file": (build(_names("/EmbeddedFiles", _embedded_file())), "embedded files"),
    "submit-form": (
        build(
            _on_page(
                "/Annots", ArrayObject([DictionaryObject({_name("/A"): _action("/SubmitForm")})])
            )
        ),
        "form",
    ),
    "encrypted": (build(password="secret"), "encrypted"),
    "html-with-a-pdf-header": (
        b"%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n",
        "cannot be read as a PDF",
    ),
    "not-a-pdf": (b"MZ\x90\x00 a program", "cannot be read as a PDF"),
    "empty": (b"", "empty"),
    "truncated": (PLAIN[: len(PLAIN) // 3], "cannot be read as a PDF"),
}
# A real PDF with an HTML page after its end: accepted, but stored without the page.
POLYGLOT = PLAIN + b"\n<html><script>alert(document.domain)</script></html>\n"
