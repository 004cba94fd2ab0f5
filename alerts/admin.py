"""The alerts in the admin: subscribers per filter, subscriptions, and sends per day.

Everything is read-only here (subscriptions are made and ended by their owners' e-mail links);
an administrator may delete a subscription, which ends it as unsubscribing does.
"""

from datetime import timedelta

from django.contrib import admin
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import subscriptions
from .models import AlertFilter, Delivery, DeliveryStatus, Subscription

SENDS_PER_DAY_DAYS = 30


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AlertFilter)
class AlertFilterAdmin(ReadOnlyAdmin):
    list_display = ["description", "kind", "subscribers", "waiting", "created_at"]
    list_filter = ["kind"]
    search_fields = ["query"]
    fields = ["kind", "query", "labels", "groups", "created_at"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                subscriber_count=Count(
                    "subscriptions", filter=Q(subscriptions__confirmed_at__isnull=False)
                ),
                waiting_count=Count(
                    "subscriptions", filter=Q(subscriptions__confirmed_at__isnull=True)
                ),
            )
            .order_by("-subscriber_count", "id")
        )

    @admin.display(description=_("filter"))
    def description(self, obj):
        return obj.description()

    @admin.display(description=_("subscribers"), ordering="subscriber_count")
    def subscribers(self, obj):
        return obj.subscriber_count

    @admin.display(description=_("awaiting confirmation"), ordering="waiting_count")
    def waiting(self, obj):
        return obj.waiting_count


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["subscriber", "alert_filter", "frequency", "language", "confirmed_at"]
    list_filter = ["frequency", "language", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["subscriber", "filter"]
    search_fields = ["subscriber__email"]
    fields = ["subscriber", "filter", "frequency", "language", "confirmed_at", "created_at"]

    @admin.display(description=_("filter"))
    def alert_filter(self, obj):
        return obj.filter.description()

    def delete_model(self, request, obj):
        subscriptions.unsubscribe(obj)

    def delete_queryset(self, request, queryset):
        for subscription in queryset:
            subscriptions.unsubscribe(subscription)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["kind", "object_id", "frequency", "status", "due_at", "sent_at", "error"]
    list_filter = ["status", "frequency", "kind"]
    date_hierarchy = "sent_at"
    fields = [
        "subscription",
        "kind",
        "object_id",
        "frequency",
        "status",
        "due_at",
        "sent_at",
        "attempts",
        "error",
    ]

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        since = timezone.localdate() - timedelta(days=SENDS_PER_DAY_DAYS - 1)
        per_day = (
            Delivery.objects.filter(
                status=DeliveryStatus.SENT,
                sent_at__gte=timezone.make_aware(
                    timezone.datetime.combine(since, timezone.datetime.min.time())
                ),
            )
            .annotate(day=TruncDate("sent_at"))
            .values("day")
            .annotate(sent=Count("id"))
            .order_by("-day")
        )
        extra_context = {
            **(extra_context or {}),
            "sends_per_day": list(per_day),
            "sends_per_day_days": SENDS_PER_DAY_DAYS,
        }
        return super().changelist_view(request, extra_context)
