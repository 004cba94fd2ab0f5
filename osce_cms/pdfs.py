"""PDF uploads: accepted only when they parse as a PDF without active content, then rewritten.

Used by every form that takes a document (press release attachments, the documents library):
``clean_pdf(upload)`` returns a new file holding the PDF as pypdf rewrote it (only the objects
reachable from its catalogue: bytes hidden after or between them, such as an HTML page of a
polyglot, are dropped) under a name the project chooses (``<slug of the upload's name>.pdf``).
It raises ``ValidationError`` with a message for the editor when the file is too large, is not a
PDF, is encrypted, or carries active content: JavaScript, an action run when it is opened or when
a page or field is used (``/OpenAction`` other than "open at this page", ``/AA``), a program launch,
form submission or import, embedded files, XFA forms or rich media.

A hostile file must not take down a worker: the parsing runs in a child process
(``python -m osce_cms.pdfs``) with a limit on its memory and CPU time and a wall-clock timeout; a
file that exceeds them is refused as too complex to check. ``run_in_child`` and ``limit_child``
run other PDF work the same way (the documents library's text extraction and covers).
"""

import io
import json
import resource
import subprocess
import sys
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

CHILD_MEMORY_BYTES = 768 * 1024 * 1024
CHILD_CPU_SECONDS = 20
CHILD_TIMEOUT_SECONDS = 30
# Exit status of the child for a refused file; its output is then the JSON verdict.
REFUSED = 3

# Keys that carry scripts, automatic actions or other files, wherever they appear.
ACTIVE_KEYS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/AA": "action",
    "/EmbeddedFiles": "embedded",
    "/EmbeddedFile": "embedded",
    "/EF": "embedded",
    "/XFA": "form",
    "/RichMediaContent": "media",
}
# Actions (``/S``) that run something or send something anywhere in a document.
ACTIVE_ACTIONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/SubmitForm": "form",
    "/ImportData": "form",
    "/GoToE": "embedded",
    "/RichMediaExecute": "media",
    "/Rendition": "media",
}
ACTIVE_SUBTYPES = {"/FileAttachment": "embedded", "/RichMedia": "media", "/Screen": "media"}
# The one harmless thing an /OpenAction may do: show a page.
HARMLESS_OPEN_ACTION = "/GoTo"

MESSAGES = {
    "not_a_pdf": _("Attach PDF documents only: this file cannot be read as a PDF."),
    "encrypted": _("The PDF is encrypted or protected by a password. Attach an unprotected copy."),
    "javascript": _("The PDF contains JavaScript, which is not accepted."),
    "action": _("The PDF runs an action when it is opened or used, which is not accepted."),
    "launch": _("The PDF tries to start a program, which is not accepted."),
    "embedded": _("The PDF contains embedded files, which are not accepted."),
    "form": _("The PDF contains a form that sends or imports data, which is not accepted."),
    "media": _("The PDF contains embedded media, which is not accepted."),
    "too_complex": _(
        "The PDF is too complex to check. Save or print it as a new PDF and attach that."
    ),
    "too_many_pages": _(
        "The PDF has %(count)s pages; documents may have at most %(limit)s. Attach it in parts."
    ),
}
ADVICE = _("Export or print it again as a plain PDF, without scripts or attachments.")


def max_bytes():
    return settings.DOCUMENT_MAX_BYTES


def max_pages():
    return settings.DOCUMENT_MAX_PAGES


def refusal(code, params=None):
    message = MESSAGES[code]
    if code not in {"not_a_pdf", "encrypted", "too_complex", "too_many_pages"}:
        message = f"{message} {ADVICE}"
    return ValidationError(message, code=f"pdf_{code}", params=params)


def stored_name(name):
    return f"{slugify(PurePath(name or '').stem)[:80] or 'document'}.pdf"


def clean_pdf(upload):
    """Check an uploaded PDF and return its rewritten copy; raise ``ValidationError`` if refused."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("The document is %(size)s; attachments may be at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return ContentFile(inspect_in_child(data), name=stored_name(upload.name))


def run_in_child(module, data, *arguments, cpu_seconds=CHILD_CPU_SECONDS, timeout=None):
    """``python -m module memory cpu *arguments`` with ``data`` on its standard input.

    The module's ``main`` calls ``limit_child`` first. Raises ``subprocess.TimeoutExpired``
    when it outlives its wall-clock timeout (it is then killed).
    """
    return subprocess.run(
        [sys.executable, "-m", module, str(CHILD_MEMORY_BYTES), str(cpu_seconds), *arguments],
        input=data,
        capture_output=True,
        timeout=timeout or CHILD_TIMEOUT_SECONDS,
        check=False,
    )


def limit_child(memory_bytes, cpu_seconds):
    """In the child, before reading a byte of the file: bound its memory and CPU time."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


def inspect_in_child(data):
    """The rewritten PDF of ``data``, checked in a child process with bounded memory and time."""
    try:
        result = run_in_child(__name__, data, str(max_pages()))
    except subprocess.TimeoutExpired:
        raise refusal("too_complex") from None
    if result.returncode == REFUSED:
        verdict = json.loads(result.stdout)
        raise refusal(verdict["code"], verdict.get("params"))
    if result.returncode != 0 or not result.stdout:
        raise refusal("too_complex")
    return result.stdout


# --- In the child process ---------------------------------------------------------------------


class Refused(Exception):
    def __init__(self, code, params=None):
        super().__init__(code)
        self.code = code
        self.params = params


def _active_content(reader):
    """The code of the first active content reachable from the document's trailer, or None."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen = set()
    pending = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, code in ACTIVE_KEYS.items():
                if key in item:
                    return code
            if (code := ACTIVE_ACTIONS.get(item.get("/S"))) is not None:
                return code
            if (code := ACTIVE_SUBTYPES.get(item.get("/Subtype"))) is not None:
                return code
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    catalog = reader.trailer["/Root"].get_object()
    open_action = catalog.get("/OpenAction")
    if open_action is not None:
        open_action = open_action.get_object()
        if isinstance(open_action, DictionaryObject) and (
            open_action.get("/S") != HARMLESS_OPEN_ACTION or "/Next" in open_action
        ):
            return "action"
    return None


def rewrite(data, page_limit=None):
    """``data`` parsed and written again by pypdf; raises ``Refused`` with the reason."""
    from pypdf import PdfReader, PdfWriter  # only the child imports pypdf
    from pypdf.errors import PyPdfError

    if b"%PDF-" not in data[:1024]:
        raise Refused("not_a_pdf")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise Refused("encrypted")
        if len(reader.pages) < 1:
            raise Refused("not_a_pdf")
        if page_limit is not None and len(reader.pages) > page_limit:
            raise Refused("too_many_pages", {"count": len(reader.pages), "limit": page_limit})
        if (code := _active_content(reader)) is not None:
            raise Refused(code)
        output = io.BytesIO()
        PdfWriter(clone_from=reader).write(output)
    except Refused:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, IndexError) as error:
        raise Refused("not_a_pdf") from error
    except RecursionError as error:
        raise Refused("too_complex") from error
    return output.getvalue()


def main(memory_bytes, cpu_seconds, page_limit=None):
    limit_child(memory_bytes, cpu_seconds)
    data = sys.stdin.buffer.read()
    try:
        clean = rewrite(data, page_limit)
    except Refused as refused:
        sys.stdout.write(json.dumps({"code": refused.code, "params": refused.params}))
        return REFUSED
    sys.stdout.buffer.write(clean)
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(argument) for argument in sys.argv[1:4])))
