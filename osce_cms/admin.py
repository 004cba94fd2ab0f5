from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .admin_users import RightsLimitedGroupAdmin, RightsLimitedUserAdmin
from .models import OutgoingMail

admin.site.unregister(User)
admin.site.register(User, RightsLimitedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, RightsLimitedGroupAdmin)

admin.site.site_header = format_lazy(_("{name} newsroom"), name=settings.SITE_SHORT_NAME)
admin.site.site_title = format_lazy(_("{name} newsroom admin"), name=settings.SITE_SHORT_NAME)
admin.site.index_title = _("Press releases, taxonomies and menus")


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """What the site sent or still owes: read only (``send_outgoing_mail`` retries)."""

    list_display = ["created_at", "to", "subject", "sent_at", "attempts", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
