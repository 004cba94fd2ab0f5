"""Flip scheduled releases whose time has come to published; safe to run from cron every minute.

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
