from django.apps import AppConfig


class OsceCmsConfig(AppConfig):
    name = "osce_cms"
    verbose_name = "OSCE CMS"

    def ready(self):
        from .caching import connect_signals

        connect_signals()
