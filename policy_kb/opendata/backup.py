"""Backup and restore of the whole knowledge base as one JSON file, on Django's serialization framework.

The file holds every row of every model of the content apps (settings.KB_CONTENT_APPS: records, links,
sources, history tables an app adds, all found automatically), and the accounts and groups those rows may
point at, without passwords. Derived tables (the search index) are left out and rebuilt on import. Rows are
written in primary-key order with their primary keys (so links between them survive), many-to-many lists
sorted, datetimes at full precision: the same database always gives the same file, whatever engine holds it,
and importing a file into an empty database then exporting again gives the identical file.
"""

import datetime
import json

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder

from core.bulk import bulk_load

DERIVED = {"policy_kb.searchentry"}
"""Tables rebuilt from the others after an import (app_label.modelname)."""

FORMAT = "policy_kb backup 1"


class FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes and times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def content_models():
    """The models a backup holds, in dependency order: every concrete, managed model of the content apps
    except the derived ones, preceded by the user model and Group (rows of history tables point at users)."""
    found = []
    for label in settings.KB_CONTENT_APPS:
        config = apps.get_app_config(label)
        models = [
            model
            for model in config.get_models(include_auto_created=False)
            if model._meta.managed and not model._meta.proxy and _label(model) not in DERIVED
        ]
        found.append((config, models))
    ordered = serializers.sort_dependencies(found, allow_cycles=True)
    return [apps.get_model("auth", "Group"), get_user_model(), *ordered]


def _rows(model):
    """The model's rows as Django's python serializer gives them, primary-key order, m2m lists sorted."""
    objects = serializers.serialize(
        "python",
        model._default_manager.order_by("pk"),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=model in (apps.get_model("auth", "Group"), get_user_model()),
    )
    m2m = [field.name for field in model._meta.many_to_many]
    for obj in objects:
        for name in m2m:
            if name in obj["fields"]:
                obj["fields"][name] = sorted(obj["fields"][name])
        if model is get_user_model():
            obj["fields"]["password"] = UNUSABLE_PASSWORD_PREFIX  # never a password hash in a backup
    return objects


def export_text():
    """The backup of the whole database as JSON text (a Django fixture: a list of serialized objects)."""
    objects = []
    for model in content_models():
        objects.extend(_rows(model))
    return json.dumps(objects, cls=FullPrecisionEncoder, ensure_ascii=False, indent=1) + "\n"


def non_empty():
    """The content models that already hold rows (labels), empty when the database can take an import."""
    users = get_user_model()
    group = apps.get_model("auth", "Group")
    return [_label(model) for model in content_models() if model not in (users, group) and model.objects.exists()]


def import_file(path, stdout=None):
    """Load a backup file into the current database (one transaction, constraints checked at the end,
    sequences reset), then rebuild the search index. The caller checks the database is empty first."""
    with bulk_load():
        call_command("loaddata", str(path), verbosity=0, stdout=stdout)
    call_command("rebuild_search_index", stdout=stdout)
