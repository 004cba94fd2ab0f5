"""A minimal PDF writer for generated documents (the demo library and the tests).

Pages of text in Helvetica (one of the fonts every PDF reader has, so nothing is embedded),
encoded as Windows-1252: enough for English, French, German, Italian and Spanish. The output is
a real PDF that pypdf extracts the text of and PDFium renders.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72
LINE_HEIGHT = 15
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT - 3
WRAP = 88


def _text(value):
    encoded = value.encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_stream(heading, lines):
    parts = [b"BT", b"/F2 16 Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    parts += [_text(heading) + b" Tj", b"/F1 11 Tf", f"0 -{LINE_HEIGHT * 2} Td".encode()]
    for line in lines:
        parts += [_text(line) + b" Tj", f"0 -{LINE_HEIGHT} Td".encode()]
    parts.append(b"ET")
    # A band of colour at the top, so that covers are told apart at a glance.
    parts += [b"0.04 0.23 0.4 rg", f"0 {PAGE_HEIGHT - 36} {PAGE_WIDTH} 36 re f".encode()]
    return b"\n".join(parts)


def make_pdf(title, paragraphs, *, pages=None):
    """A PDF of ``title`` on every page above ``paragraphs``, wrapped; at least ``pages`` pages
    (the paragraphs are repeated to fill them)."""
    lines = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, WRAP), ""]
    chunks = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    while pages and len(chunks) < pages:
        chunks.append(chunks[len(chunks) % max(len(chunks), 1)])
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for index, chunk in enumerate(chunks):
        page, content = 5 + 2 * index, 6 + 2 * index
        stream = _page_stream(title, chunk)
        objects[page] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content} 0 R >>"
        ).encode()
        objects[content] = (
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
        kids.append(f"{page} 0 R")
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(output)
    size = max(objects) + 1
    output += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        output += f"{offsets[number]:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)
