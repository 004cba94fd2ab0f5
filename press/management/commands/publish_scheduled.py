"""Flip scheduled releases whose time has come to published: a catch-up, safe at any time.

The worker already does this at each release's time (``press.tasks.publish_due``, the same
function); this command is for what was missed (a queue that was down, a restored backup).

Visibility does not wait for this command (``PressRelease.objects.public()`` decides by status
and time); it does what must happen at the moment of publication: the status, the revision and
audit entry, the page cache generation and the author's notification. Rows another run is
already handling are skipped (``SKIP LOCKED`` on PostgreSQL), so overlapping runs never publish
a release twice.
"""

from django.core.management.base import BaseCommand

from press import workflow


class Command(BaseCommand):
    help = "Publish the scheduled press releases whose publication time has come."

    def handle(self, *args, **options):
        published = workflow.publish_due()
        for release in published:
            self.stdout.write(f"Published {release.pk}: {release.title}")
        self.stdout.write(self.style.SUCCESS(f"{len(published)} scheduled release(s) published."))
