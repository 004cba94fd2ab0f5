from django.core.management.base import BaseCommand, CommandError

from taxonomy.trees import TREE_MODELS, check_tree


class Command(BaseCommand):
    help = "Verify the integrity of every taxonomy and menu tree; exit non-zero on corruption."

    def handle(self, *args, **options):
        problems = []
        for model in TREE_MODELS:
            found = check_tree(model)
            problems += found
            count = model._default_manager.count()
            status = "OK" if not found else f"{len(found)} problem(s)"
            self.stdout.write(f"{model._meta.verbose_name_plural}: {count} nodes, {status}")
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} tree problem(s) found.")
        self.stdout.write(self.style.SUCCESS("Every tree is valid."))
