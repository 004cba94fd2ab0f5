"""Background work of the library: each new file's page count, text and cover."""

import logging

from django.tasks import task

from osce_cms import background

logger = logging.getLogger(__name__)


@task
def process_file(file_id, attempt=0):
    """Derive what the library shows and searches of one file (idempotent: a file already
    processed, or gone, is left alone). A storage failure is tried again later."""
    from . import processing
    from .models import DocumentFile

    document_file = DocumentFile.objects.select_related("document").filter(pk=file_id).first()
    if document_file is None or document_file.is_processed:
        return False
    try:
        processing.process(document_file)
    except OSError:
        logger.exception("Could not process document file %s", file_id)
        if not background.retry_later(process_file, attempt, file_id):
            raise
        return False
    return True


def schedule_processing(document_file):
    """Have the worker process ``document_file`` once this transaction commits."""
    background.enqueue_on_commit(process_file, document_file.pk)
