"""Do every editorial transition whose time has come: a catch-up, safe at any time.

The worker already does this at each item's time (``press.tasks.publish_due`` calls the same
function); this command is for what was missed (a queue that was down, a restored backup).

Visibility does not wait for this command (``public()`` decides by status and time); it does
what must happen at that moment: the status, the revision and audit entry, the
``public_output_changed`` signal and the author's notification. It calls
``editorial.workflow.run_due``, as a background worker may: rows another run is already
handling are skipped (``SKIP LOCKED`` on PostgreSQL), so overlapping runs never do a
transition twice.
"""

from django.core.management.base import BaseCommand

from editorial.workflow import run_due


class Command(BaseCommand):
    help = "Publish the scheduled items (press releases, pages, ...) whose time has come."

    def handle(self, *args, **options):
        done = run_due()
        for item in done:
            self.stdout.write(f"Published {item._meta.label_lower} {item.pk}: {item}")
        self.stdout.write(self.style.SUCCESS(f"{len(done)} scheduled item(s) published."))
