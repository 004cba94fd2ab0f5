"""User and group admin in which nobody below superuser grants more rights than they hold.

Django's stock UserAdmin lets anyone with "change user" tick "superuser status", join any
group, or reset the password of an account with more rights and sign in as it. Here a
non-superuser may only manage accounts and groups whose rights are a subset of their own,
and may only grant groups and permissions that they hold themselves.
"""

from django.contrib import messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import gettext as _


def held_permissions(user):
    """The permissions ``user`` holds, directly or through groups, as a queryset."""
    if user.is_superuser:
        return Permission.objects.all()
    held = Q(pk__in=[])
    for name in user.get_all_permissions():
        app_label, codename = name.split(".", 1)
        held |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(held)


def grantable_groups(user):
    """Groups none of whose permissions lie beyond what ``user`` holds."""
    if user.is_superuser:
        return Group.objects.all()
    beyond = Permission.objects.exclude(pk__in=held_permissions(user).values("pk"))
    return Group.objects.exclude(permissions__in=beyond)


def rights_of(user):
    """``user``'s permissions as "app_label.codename", whether or not the account is active.

    ``get_all_permissions()`` is empty for a deactivated account, which would make a deactivated
    editor look like someone anybody may manage (and reset the password of, then reactivate).
    """
    granted = Permission.objects.filter(Q(user=user) | Q(group__user=user)).values_list(
        "content_type__app_label", "codename"
    )
    return {f"{app_label}.{codename}" for app_label, codename in granted}


def may_manage_user(actor, target):
    if actor.is_superuser:
        return True
    return not target.is_superuser and rights_of(target) <= actor.get_all_permissions()


def may_manage_group(actor, group):
    return grantable_groups(actor).filter(pk=group.pk).exists()


class RightsLimitedUserAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return (*fields, "is_superuser")

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = grantable_groups(request.user)
        elif db_field.name == "user_permissions":
            kwargs["queryset"] = held_permissions(request.user).select_related("content_type")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_manage_user(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_manage_user(request.user, obj))

    def save_related(self, request, form, formsets, change):
        """A role (a group with rights, such as Press officer or Editor) is only usable in the
        admin, so giving one makes the account staff instead of leaving a box to tick."""
        super().save_related(request, form, formsets, change)
        user = form.instance
        if not user.is_staff and user.groups.filter(permissions__isnull=False).exists():
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            messages.info(
                request,
                _("%(user)s now has staff status, so that they can sign in to the admin.")
                % {"user": user.get_username()},
            )


class RightsLimitedGroupAdmin(GroupAdmin):
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions":
            kwargs["queryset"] = held_permissions(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_manage_group(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_manage_group(request.user, obj))
