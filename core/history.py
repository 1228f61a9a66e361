"""Every edit recorded (django-simple-history): who, when, the values of both languages, and what follows from it.

Each app registers its edited models with `track()` in its translation.py, after modeltranslation's
registration, so each history table holds both language columns (title_ja, title_en). A historical record is
written on every save and delete, cascaded deletes included (the request's user comes from simple_history's
HistoryRequestMiddleware); bulk loads write none per row and `record_baseline()` then gives each loaded row
its first record in bulk. From each new record this module maintains two denormalised columns of the
record (core.editing.Edited), so public pages read them at no cost: `last_updated` and `stale_translations`.
"""

from django.apps import apps
from django.db import models
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator
from simple_history import register
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record

from .bulk import in_bulk_load
from .editing import VERSION_FIELD

MPTT_COLUMNS = ("lft", "rght", "tree_id", "level")  # recomputed by django-mptt, never reverted
DERIVED_COLUMNS = ("last_updated", "stale_translations")  # maintained from the history itself
BASELINE_REASON = "loaded"  # history_change_reason of the first record of a row loaded in bulk


class KBHistoricalRecords(HistoricalRecords):
    """simple_history's recorder, silent inside a bulk load (core.bulk) and keeping the optimistic-concurrency
    version as a plain integer column (the library's version field must not govern the history table)."""

    def post_save(self, instance, created, using=None, **kwargs):
        if not in_bulk_load():
            super().post_save(instance, created, using=using, **kwargs)

    def post_delete(self, instance, using=None, **kwargs):
        if not in_bulk_load():
            super().post_delete(instance, using=using, **kwargs)

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        if VERSION_FIELD in fields:
            original = fields[VERSION_FIELD]
            fields[VERSION_FIELD] = models.BigIntegerField(original.verbose_name, default=0)
            fields[VERSION_FIELD].name = VERSION_FIELD
        return fields


def track(*model_classes):
    """Register each model class for history (call after modeltranslation has registered it).

    Tree columns and the derived columns are left out of the history table: a reverted row keeps its current
    ones (simple_history reads excluded fields from the current row)."""
    for model in model_classes:
        names = {field.name for field in model._meta.concrete_fields}
        excluded = [name for name in (*MPTT_COLUMNS, *DERIVED_COLUMNS) if name in names]
        register(model, records_class=KBHistoricalRecords, excluded_fields=excluded)


def translated_fields(model):
    """The names of a model's translated fields (["title", "summary"]), [] when modeltranslation has none."""
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def is_tracked(model):
    """True when the model (class or instance) has a history."""
    return hasattr(model._meta, "simple_history_manager_attribute")


def stale_after(previous, current, fields, stale):
    """The translated fields whose English is stale after the change from historical record `previous` (None
    for a creation) to `current`: the Japanese changed while the English, present, did not; English saved
    since (or emptied: then it is missing, not stale) clears the mark. stale: the set before. Returns a set."""
    stale = set(stale)
    for name in fields:
        english = getattr(current, f"{name}_en", "") or ""
        if previous is None or not english or (getattr(previous, f"{name}_en", "") or "") != english:
            stale.discard(name)
        elif (getattr(previous, f"{name}_ja", "") or "") != (getattr(current, f"{name}_ja", "") or ""):
            stale.add(name)
    return stale


def keep_derived_columns(sender, instance, history_instance, **kwargs):
    """After each historical record: set the record's last_updated (the record's date) and its stale
    translations (from the previous record), with one UPDATE that leaves the concurrency version alone."""
    if history_instance.history_type == "-" or not hasattr(instance, "stale_translations"):
        return
    previous = (
        sender.objects.filter(history_id__lt=history_instance.history_id, **{instance._meta.pk.attname: instance.pk})
        .order_by("-history_id")
        .first()
    )
    fields = translated_fields(type(instance))
    current = set(filter(None, (instance.stale_translations or "").split(",")))
    stale = ",".join(sorted(stale_after(previous, history_instance, fields, current)))
    updated = history_instance.history_date or timezone.now()
    type(instance).objects.filter(pk=instance.pk).update(last_updated=updated, stale_translations=stale)
    instance.last_updated, instance.stale_translations = updated, stale


post_create_historical_record.connect(keep_derived_columns, dispatch_uid="core_history_derived_columns")


def tracked_models():
    """Every model class that has a history, in the app registry's order."""
    return [model for model in apps.get_models() if is_tracked(model)]


def record_baseline(model_classes=None, reason=BASELINE_REASON):
    """Give every row of these models that has no historical record yet its first one ("+", no user), in bulk.

    Called at the end of a bulk load, so an editor can revert to the loaded version. Returns the number of
    records written. model_classes: default every tracked model."""
    written = 0
    for model in tracked_models() if model_classes is None else model_classes:
        if not is_tracked(model):
            continue
        history = model.history.model
        recorded = history.objects.values(model._meta.pk.attname)
        rows = list(model.objects.exclude(pk__in=recorded))
        if rows:
            model.history.bulk_history_create(rows, batch_size=500, default_change_reason=reason)
            written += len(rows)
    return written
