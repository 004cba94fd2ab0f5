from django.core.management.base import BaseCommand

from osce_cms import mail


class Command(BaseCommand):
    help = (
        "Send the e-mails that are due and still unsent (catch-up for mail whose task never ran; "
        "the worker sends and retries everything else)."
    )

    def handle(self, *args, **options):
        sent = sum(mail.send(row) for row in mail.due())
        self.stdout.write(f"{sent} e-mail(s) sent, {mail.due().count()} due and still unsent.")
