from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        from editorial.signals import public_output_changed  # apps are loaded

        from .receivers import item_changed

        public_output_changed.connect(item_changed, dispatch_uid="alerts-item-changed")
