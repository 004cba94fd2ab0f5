from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class OsceCmsConfig(AppConfig):
    name = "osce_cms"
    verbose_name = "OSCE CMS"


class SiteAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the project's site (osce_cms.admin_site), in INSTALLED_APPS."""

    default = False
    default_site = "osce_cms.admin_site.SiteAdmin"
