"""Subscribers, the filters they follow (indexed by term), and one send record per item.

``AlertFilter`` is shared by everyone who follows the same filter (the admin counts its
subscribers); its ``FilterTerm`` rows are the index that matching reads. ``Delivery`` is the
unique record of one item for one subscription: retries and a second run of a task find it
already claimed or sent and send nothing twice.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import registry


def new_key():
    return secrets.token_urlsafe(24)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class Subscriber(models.Model):
    """An e-mail address; deleted with its last subscription."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email


class AlertFilter(models.Model):
    """One filter of one kind of content, as followed by one or more subscriptions."""

    kind = models.CharField(_("content"), max_length=40)
    query = models.CharField(_("filter"), max_length=2000)
    labels = models.JSONField(_("labels"), default=dict)
    groups = models.PositiveSmallIntegerField(
        _("term groups"), default=0, help_text=_("How many term groups an item must match.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert filter")
        verbose_name_plural = _("alert filters")
        ordering = ["kind", "query"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "query"], name="alerts_filter_unique")
        ]
        indexes = [models.Index(fields=["kind", "groups"], name="alerts_filter_kind_groups")]

    def __str__(self):
        return self.description()

    def description(self):
        kind = registry.get(self.kind)
        return kind.describe(self.labels) if kind else self.query

    def listing_url(self):

        kind = registry.get(self.kind)
        path = reverse(kind.listing_url_name) if kind else "/"
        return f"{path}?{self.query}" if self.query else path


class FilterTerm(models.Model):
    """An index entry: ``filter`` names ``key`` in its term group ``group``."""

    filter = models.ForeignKey(AlertFilter, on_delete=models.CASCADE, related_name="terms")
    group = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "filter", "group"], name="alerts_term_unique")
        ]

    def __str__(self):
        return self.key


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    filter = models.ForeignKey(AlertFilter, on_delete=models.PROTECT, related_name="subscriptions")
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency, default=Frequency.IMMEDIATE
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "filter"], name="alerts_subscription_unique"
            )
        ]
        indexes = [
            models.Index(fields=["filter", "confirmed_at"], name="alerts_sub_filter_confirmed")
        ]

    def __str__(self):
        return f"{self.subscriber_id} → {self.filter_id}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled (no longer public)")


class Delivery(models.Model):
    """One item for one subscription: created once, sent at most once.

    A worker claims pending rows (``pending`` → ``sending``) with a conditional update before
    sending, marks them ``sent`` after the mail server accepted them, and gives them back
    (``pending``) when it refused: a retry sends exactly what was not sent. A row left in
    ``sending`` by a crashed worker is never sent again automatically (at most once); the admin
    shows it. The subscription may go (unsubscribed): sent rows stay, for the counts per day.
    """

    subscription = models.ForeignKey(
        Subscription, on_delete=models.SET_NULL, null=True, related_name="deliveries"
    )
    kind = models.CharField(_("content"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("item"))
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus,
        default=DeliveryStatus.PENDING,
    )
    due_at = models.DateTimeField(_("due"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "kind", "object_id"], name="alerts_delivery_unique"
            )
        ]
        indexes = [
            models.Index(fields=["status", "frequency", "due_at"], name="alerts_delivery_due"),
            models.Index(fields=["kind", "object_id", "status"], name="alerts_delivery_item"),
            models.Index(fields=["sent_at"], name="alerts_delivery_sent"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id} → {self.subscription_id}"


class DigestRun(models.Model):
    """A digest sending that has been enqueued (once per frequency and time)."""

    frequency = models.CharField(max_length=10, choices=Frequency)
    due_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["frequency", "due_at"], name="alerts_digest_unique")
        ]

    def __str__(self):
        return f"{self.frequency} {self.due_at:%Y-%m-%d %H:%M}"
