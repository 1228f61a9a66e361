"""Every edit recorded (django-simple-history): who, when, the values of both languages, and what follows from it.

Each app registers its edited models with `track()` in its translation.py, after modeltranslation's
registration, so each history table holds both language columns (title_ja, title_en). A historical record is
written on every save and delete, cascaded deletes included (the request's user comes from simple_history's
HistoryRequestMiddleware); bulk loads write none per row and `record_baseline()` then gives each loaded row
its first record in bulk. From each new record this module maintains two denormalised columns of the
record (core.editing.Edited), so public pages read them at no cost: `last_updated` and `stale_translations`.
Many-to-many fields are recorded too (simple_history's m2m_fields: one history table per field, holding the links
as they were at each record); `one_version()` makes a save and its many-to-many changes one record.
"""

from contextlib import contextmanager
from contextvars import ContextVar

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
CASCADE_REASON = "cascade:"  # reason of a record removed by another's deletion, then "<app.model>:<pk>" of that one
RECORDERS = {}  # model class → its KBHistoricalRecords, to write a record on demand (record_version)
_deleting = ContextVar("deleting", default=None)  # (model label, pk) of the record an editor is deleting


class M2MRecorded(models.Model):
    """Abstract base of the history table of a model with many-to-many fields: whether a record holds them.

    Records written before many-to-many fields were recorded hold False: their links are unknown, so the diff
    leaves them out and a revert to them leaves the links as they are."""

    history_m2m_recorded = models.BooleanField(default=True, editable=False)

    class Meta:
        abstract = True


class KBHistoricalRecords(HistoricalRecords):
    """simple_history's recorder, silent inside a bulk load (core.bulk) and keeping the optimistic-concurrency
    version as a plain integer column (the library's version field must not govern the history table)."""

    def post_save(self, instance, created, using=None, **kwargs):
        if not in_bulk_load():
            super().post_save(instance, created, using=using, **kwargs)

    def post_delete(self, instance, using=None, **kwargs):
        if not in_bulk_load():
            super().post_delete(instance, using=using, **kwargs)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        """One record per change of a recorded many-to-many field, on the record that holds the field: for a
        change made from the other side (sector.incidents.add(incident)), on each record added or removed."""
        if in_bulk_load() or action not in ("post_add", "post_remove", "post_clear"):
            return
        if not reverse:
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
            return
        for record in self.cls._default_manager.filter(pk__in=pk_set or ()):
            super().m2m_changed(record, action, attr, pk_set, False, **kwargs)

    def get_m2m_fields_from_model(self, model):
        """The recorded many-to-many fields in the model's order (the library's come from a set: their history
        models would be registered, and so backed up, in an order that changes from one process to the next)."""
        order = [field.name for field in model._meta.many_to_many]
        return sorted(super().get_m2m_fields_from_model(model), key=lambda field: order.index(field.name))

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            RECORDERS[sender] = self

    def get_change_reason_for_object(self, instance, history_type, using):
        """The instance's own reason; for a record removed by the deletion of another, "cascade:<label>:<pk>"."""
        reason = super().get_change_reason_for_object(instance, history_type, using)
        root = _deleting.get()
        if reason or history_type != "-" or root is None or root == (instance._meta.label_lower, str(instance.pk)):
            return reason
        return f"{CASCADE_REASON}{root[0]}:{root[1]}"

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
        many = [field.name for field in model._meta.many_to_many]
        register(
            model,
            records_class=KBHistoricalRecords,
            excluded_fields=excluded,
            m2m_fields=many,
            bases=[M2MRecorded] if many else [models.Model],
        )


def m2m_fields(model):
    """The many-to-many fields recorded in a model's history (class or instance): [ManyToManyField]."""
    return list(getattr(model.history.model, "_history_m2m_fields", []))


def record_version(instance, history_type="~"):
    """Write one historical record of `instance` as it is now (fields and many-to-many links), as a save would."""
    RECORDERS[type(instance)].create_historical_record(instance, history_type)


@contextmanager
def one_version(instance, history_type="~"):
    """Inside the block, saves of `instance` and changes of its many-to-many fields write no record; at its end
    (without an exception) one record holds them all. history_type: "+" for a creation, "~" for a change."""
    instance.skip_history_when_saving = True
    try:
        yield instance
    finally:
        del instance.skip_history_when_saving
    record_version(instance, history_type)


@contextmanager
def deleting(instance):
    """Inside the block, the deletion records of other records (cascades) name `instance` as their cause."""
    token = _deleting.set((instance._meta.label_lower, str(instance.pk)))
    try:
        yield
    finally:
        _deleting.reset(token)


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
            before = history.objects.aggregate(last=models.Max("history_id"))["last"] or 0
            model.history.bulk_history_create(rows, batch_size=500, default_change_reason=reason)
            record_m2m_in_bulk(model, history.objects.filter(history_id__gt=before))
            written += len(rows)
    return written


def record_m2m_in_bulk(model, records):
    """Write the many-to-many links of `model` as they are now into the historical `records` (a queryset of
    its history just written in bulk, which simple_history's bulk_history_create leaves without links)."""
    pk_name = model._meta.pk.attname
    record_of = dict((pk, history_id) for history_id, pk in records.values_list("history_id", pk_name))
    if not record_of:
        return
    for field in m2m_fields(model):
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        m2m_history = RECORDERS[model].m2m_models[field]
        rows = [
            m2m_history(history_id=record_of[owner], **{f"{source}_id": owner, f"{target}_id": other, "id": pk})
            for pk, owner, other in through.objects.values_list("pk", f"{source}_id", f"{target}_id")
            if owner in record_of
        ]
        m2m_history.objects.bulk_create(rows, batch_size=500)
