from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .admin_users import RightsLimitedGroupAdmin, RightsLimitedUserAdmin

admin.site.unregister(User)
admin.site.register(User, RightsLimitedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, RightsLimitedGroupAdmin)

admin.site.site_header = format_lazy(_("{name} newsroom"), name=settings.SITE_SHORT_NAME)
admin.site.site_title = format_lazy(_("{name} newsroom admin"), name=settings.SITE_SHORT_NAME)
admin.site.index_title = _("Press releases, taxonomies and menus")
