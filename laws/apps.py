"""The laws app: acts, versions, provisions, amendments, sources and the glossary."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawsConfig(AppConfig):
    name = "laws"
    verbose_name = _("Laws")

    def ready(self):
        from core.records import registry

        from . import records

        registry.register(*records.KINDS)
