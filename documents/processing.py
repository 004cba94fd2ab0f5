"""What is derived from a document's PDF: its page count, its text and a cover image.

The PDF was checked when it was uploaded (``osce_cms.pdfs.clean_pdf``), but reading a whole
file is still work a hostile one could make endless: ``derive`` runs in a child process
(``python -m documents.processing``) under the same memory limit as the upload check, with more
CPU time (a long report's text takes a few seconds), and the worker runs it in the background
(``documents.tasks``), so an editor never waits for it. The text goes into the document's
search vector (``documents.search``); the cover is the first page, rendered with PDFium
(pypdfium2) and stored as WebP.
"""

import base64
import io
import json
import subprocess
import sys

from django.core.files.base import ContentFile
from django.utils import timezone

from osce_cms.pdfs import limit_child, run_in_child

CPU_SECONDS = 60
TIMEOUT_SECONDS = 90
# The text kept of one file (a few hundred pages); the rest is not searched.
MAX_TEXT_CHARACTERS = 400_000
# The cover fits in this box (CSS pixels at most half of it, so it stays sharp on HiDPI screens).
COVER_WIDTH, COVER_HEIGHT = 360, 520


class ProcessingFailed(Exception):
    """The file could not be read in time or at all; the reason is kept on the file's row."""


def derive(data):
    """``{"page_count", "text", "cover"}`` of the PDF ``data`` (the cover as WebP bytes)."""
    import pypdfium2
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    parts, length = [], 0
    for page in reader.pages:
        if length >= MAX_TEXT_CHARACTERS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text) + 1
    text = "\n".join(parts)[:MAX_TEXT_CHARACTERS].replace("\x00", "")
    pdf = pypdfium2.PdfDocument(data)
    try:
        first = pdf[0]
        width, height = first.get_size()
        scale = min(COVER_WIDTH / max(width, 1), COVER_HEIGHT / max(height, 1))
        image = first.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        pdf.close()
    cover = io.BytesIO()
    image.convert("RGB").save(cover, format="WEBP", quality=80)
    return {"page_count": len(reader.pages), "text": text, "cover": cover.getvalue()}


def derive_in_child(data):
    try:
        result = run_in_child(__name__, data, cpu_seconds=CPU_SECONDS, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise ProcessingFailed("timed out") from None
    if result.returncode != 0 or not result.stdout:
        raise ProcessingFailed(f"exit status {result.returncode}")
    derived = json.loads(result.stdout)
    derived["cover"] = base64.b64decode(derived["cover"])
    return derived


def apply(document_file, derived):
    """Store what was derived on ``document_file`` (whose file it came from)."""
    document_file.page_count = derived["page_count"]
    document_file.text = derived["text"]
    document_file.cover.save(
        f"{document_file.document.slug[:80]}-{document_file.language}.webp",
        ContentFile(derived["cover"]),
        save=False,
    )
    document_file.processed_file = document_file.file.name
    document_file.processing_error = ""


def process(document_file):
    """Derive and store the page count, text and cover of ``document_file``'s current file."""
    with document_file.file.open("rb") as stored:
        data = stored.read()
    try:
        apply(document_file, derive_in_child(data))
    except ProcessingFailed as failure:
        document_file.processed_file = document_file.file.name
        document_file.processing_error = f"{timezone.now():%Y-%m-%d %H:%M}: {failure}"[:300]
    document_file.save(
        update_fields=[
            "page_count",
            "text",
            "cover",
            "cover_width",
            "cover_height",
            "processed_file",
            "processing_error",
        ]
    )
    if document_file.document.is_public():  # its page now shows the page count and cover
        from osce_cms.caching import bump_generation  # not in the child: it has no settings

        bump_generation()


def main(memory_bytes, cpu_seconds):
    limit_child(memory_bytes, cpu_seconds)
    derived = derive(sys.stdin.buffer.read())
    derived["cover"] = base64.b64encode(derived["cover"]).decode()
    sys.stdout.write(json.dumps(derived))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
