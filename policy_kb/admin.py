"""The admin site as the project composes it: every registered admin that has a search searches width-insensitively;
the redirects left by renamed records are listed there too.

Django imports each installed app's admin module in INSTALLED_APPS order, and policy_kb comes last: by then the
apps (laws, strategy, incidents) and the libraries (auth, axes) have registered theirs. Each one with search
fields is registered again as a subclass with core.admin.WidthInsensitiveSearch first, so ＩｏＴ finds what IoT
finds in every list and autocomplete, including admins added later, without each app having to remember it.
"""

from django.contrib import admin

from core.admin import WidthInsensitiveSearch

from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """The former addresses of renamed records (policy_kb.renames), to review or remove."""

    list_display = ["old_path", "new_path", "created"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["created"]


def width_insensitive_searches(site=admin.site):
    """Re-register each of the site's admins that has search_fields with WidthInsensitiveSearch mixed in.

    Returns the names of the admin classes changed (already width-insensitive ones are left as they are).
    """
    changed = []
    for model, model_admin in list(site._registry.items()):
        if not model_admin.search_fields or isinstance(model_admin, WidthInsensitiveSearch):
            continue
        cls = type(model_admin)
        site.unregister(model)
        site.register(model, type(cls.__name__, (WidthInsensitiveSearch, cls), {"__module__": cls.__module__}))
        changed.append(cls.__name__)
    return changed


width_insensitive_searches()
