"""Media in an S3-compatible bucket, each object stored with the headers it is served with."""

from storages.backends.s3 import S3Storage

from .media import media_headers


class MediaS3Storage(S3Storage):
    """Content type and disposition from ``osce_cms.media``, whatever the upload claimed.

    A bucket cannot send ``nosniff`` or a CSP of its own: the CDN in front adds them
    (docs/deployment.md).
    """

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        headers = media_headers(name)
        if headers is not None:
            parameters["ContentType"] = headers["Content-Type"]
            parameters["ContentDisposition"] = headers["Content-Disposition"]
        return parameters
