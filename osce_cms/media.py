"""How user files are served: with the project's content type, never as a page of the site.

Every stored upload has a name and extension the project chose (``press.images``,
``osce_cms.pdfs``); only those extensions are served, each with the content type named here (not
one guessed from the bytes or the upload), ``nosniff``, a ``Content-Disposition`` (documents are
downloads, images are shown inline) and a ``sandbox`` Content-Security-Policy, so that even a
file a browser misread could run no script on the site's origin. The development view, the S3
storage (``osce_cms.storage``) and the deployment notes (docs/deployment.md) follow it.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.utils.http import content_disposition_header
from django.views import static

MEDIA_TYPES = {
    ".pdf": ("application/pdf", False),
    ".jpg": ("image/jpeg", True),
    ".png": ("image/png", True),
    ".webp": ("image/webp", True),
    ".gif": ("image/gif", True),
}
SANDBOX_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


def media_headers(name):
    """The response headers of the stored file ``name``, or None if it is not served."""
    path = PurePosixPath(name)
    served = MEDIA_TYPES.get(path.suffix.lower())
    if served is None:
        return None
    content_type, inline = served
    return {
        "Content-Type": content_type,
        "Content-Disposition": content_disposition_header(not inline, path.name),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SANDBOX_POLICY,
    }


def serve(request, path):
    """Media in development (DEBUG); in production the web server or the bucket serves them."""
    headers = media_headers(path)
    if headers is None:
        raise Http404
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in headers.items():
        response.headers[header] = value
    return response
