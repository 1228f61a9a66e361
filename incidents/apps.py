"""The incidents app: incidents with partial dates, figures, sources and typed links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = _("Incidents")

    def ready(self):
        from core.records import registry

        from . import records

        registry.register(*records.KINDS)
        registry.register_links(*records.LINK_STORES)
