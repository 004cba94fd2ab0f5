"""Catch-up: derive the page count, text and cover of every file not yet processed.

The worker does it for each file as it is saved; this command is for files written without the
worker (migrated attachments, a restore of a backup, a worker that was down). Idempotent.
"""

from django.core.management.base import BaseCommand

from documents.models import DocumentFile
from documents.tasks import process_file


class Command(BaseCommand):
    help = "Derive the page count, text and cover of every document file not yet processed."

    def handle(self, *args, **options):
        pending = [
            item.pk
            for item in DocumentFile.objects.exclude(file="").only("file", "processed_file")
            if not item.is_processed
        ]
        done = sum(1 for pk in pending if process_file.call(pk))
        self.stdout.write(f"Processed {done} of {len(pending)} pending file(s).")
