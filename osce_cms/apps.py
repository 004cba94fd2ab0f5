from django.apps import AppConfig


class OsceCmsConfig(AppConfig):
    name = "osce_cms"
    verbose_name = "OSCE CMS"
