from django.core.management.base import BaseCommand
from django.db import transaction

from documents import demo as documents_demo
from meetings import demo as meetings_demo
from meetings import demo_generated as meetings_generated
from press import demo as press_demo
from taxonomy import demo as taxonomy_demo


class Command(BaseCommand):
    help = (
        "Load the demo content where the site is empty (never overwrites); --newsroom adds the "
        "demo newsroom and library, --releases N, --documents N and --events N add generated "
        "press releases, documents and events."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--releases", type=int, default=0, help="Number of generated press releases to add."
        )
        parser.add_argument(
            "--documents", type=int, default=0, help="Number of generated documents to add."
        )
        parser.add_argument(
            "--events", type=int, default=0, help="Number of generated events to add."
        )
        parser.add_argument(
            "--newsroom",
            action="store_true",
            help="Also generate the demo newsroom (some 300 releases, a third with lead "
            "images) while the site has no release but the seed, and the demo documents "
            "library while it is empty.",
        )

    def handle(self, *args, releases, documents, events, newsroom, **options):
        with transaction.atomic():
            taxonomy_demo.load(stdout=self.stdout)
            press_demo.load(stdout=self.stdout)
        if newsroom:
            press_demo.load_newsroom(stdout=self.stdout)
        # After the newsroom: an event names the releases of its own days.
        with transaction.atomic():
            meetings_demo.load(stdout=self.stdout)
        if newsroom:
            documents_demo.load_library(stdout=self.stdout)
        if releases:
            press_demo.generate(releases, stdout=self.stdout)
        if documents:
            documents_demo.generate(documents, stdout=self.stdout)
        if events:
            meetings_generated.generate(events, stdout=self.stdout)
