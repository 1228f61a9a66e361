"""The composing app's configuration: it connects the search index signals and the editor roles."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PolicyKbConfig(AppConfig):
    name = "policy_kb"
    verbose_name = _("Knowledge base")

    def ready(self):
        from . import cache, signals  # noqa: F401  (content version and search index kept in step with edits)
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="policy_kb_roles")
