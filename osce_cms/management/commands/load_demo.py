from django.core.management.base import BaseCommand
from django.db import transaction

from meetings import demo as meetings_demo
from press import demo as press_demo
from taxonomy import demo as taxonomy_demo


class Command(BaseCommand):
    help = "Load the demo content (idempotent); --releases N adds N generated press releases."

    def add_arguments(self, parser):
        parser.add_argument(
            "--releases", type=int, default=0, help="Number of generated press releases to add."
        )

    def handle(self, *args, releases, **options):
        with transaction.atomic():
            taxonomy_demo.load(stdout=self.stdout)
            press_demo.load(stdout=self.stdout)
            meetings_demo.load(stdout=self.stdout)
        if releases:
            press_demo.generate(releases, stdout=self.stdout)
