from django.core.management.base import BaseCommand

from osce_cms import mail


class Command(BaseCommand):
    help = "Send the e-mails that are due (a failed one is tried again later); run every minute."

    def handle(self, *args, **options):
        sent = mail.send(mail.due())
        waiting = mail.due().count()
        self.stdout.write(f"{sent} e-mail(s) sent, {waiting} due and still unsent.")
