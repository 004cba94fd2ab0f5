from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: the number that every public page cache key contains (see osce_cms/caching.py).

    It lives in the database, not in a process's memory, so that every worker on every server
    reads the same value; ``next_due`` is when the next scheduled release goes public.
    """

    value = models.BigIntegerField(_("generation"), default=1)
    changed_at = models.DateTimeField(_("changed"))
    next_due = models.DateTimeField(_("next scheduled publication"), null=True, blank=True)
    # Advanced by every update of the row, the generation's or next_due's: orders the copies of
    # the row kept in a shared cache (osce_cms/generation_mirror.py).
    revision = models.BigIntegerField(_("revision"), default=0)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generation")

    def __str__(self):
        return str(self.value)


class OutgoingMail(models.Model):
    """An e-mail the site owes someone, written in the same transaction as what it reports.

    Sent right after that transaction commits; when the mail server fails, the row keeps the
    error and ``manage.py send_outgoing_mail`` tries again later (see osce_cms/mail.py).
    """

    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    from_email = models.CharField(_("from"), max_length=300)
    to = models.EmailField(_("to"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outgoing_mail_pending_idx",
            )
        ]

    def __str__(self):
        return self.subject
