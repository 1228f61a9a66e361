"""The strategy app: policy documents and their parts, sectors, plan editions and organisations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")

    def ready(self):
        from core.records import registry

        from . import records

        registry.register(*records.KINDS)
        registry.register_links(*records.LINK_STORES)
