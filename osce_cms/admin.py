from django.contrib import admin
from django.contrib.auth.models import Group, User

from .admin_users import RightsLimitedGroupAdmin, RightsLimitedUserAdmin

admin.site.unregister(User)
admin.site.register(User, RightsLimitedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, RightsLimitedGroupAdmin)
