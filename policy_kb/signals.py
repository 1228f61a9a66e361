"""Keep the search index in step with every change: saves, deletes (cascades included), many-to-many links and
renamed records (whose old addresses become redirects: policy_kb.renames).

Which index rows a change affects is declared by each record kind (core.records.SearchSpec.affected_by), so
this module names no model: it asks the registry what an instance's change touches and reindexes that.
"""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from core.bulk import in_bulk_load
from core.records import registry
from laws.signals import version_text_replaced

from . import renames
from .models import SearchEntry
from .search import reindex

_pending = threading.local()  # what a delete or an m2m removal affects, read before the rows go


def _reindex(affected, removed=None, renamed=None):
    """affected: [(SearchSpec, rows)]; removed: the row being deleted (its entry goes, it is not reindexed);
    renamed: {spec kind: [former keys of rows whose key changed]} (those entries go too)."""
    for spec, rows in affected:
        gone = [spec.key(removed)] if removed is not None and spec.model_class is type(removed) else []
        gone += (renamed or {}).get(spec.kind, [])
        kept = [row for row in rows if removed is None or not (type(row) is type(removed) and row.pk == removed.pk)]
        if kept or gone:
            reindex(spec, kept, removed_keys=gone)


@receiver(pre_save)
def remember_addresses(sender, instance, raw=False, **kwargs):
    """A record about to be saved: its stored addresses and keys, to redirect and reindex after (renames)."""
    if raw or in_bulk_load():
        return
    renames.remember(sender, instance)


@receiver(post_save)
def update_index_on_save(sender, instance, raw=False, **kwargs):
    if raw or in_bulk_load():
        return
    renamed = renames.after(sender, instance)
    _reindex(registry.affected(instance), renamed=renamed)


@receiver(pre_delete)
def remember_before_delete(sender, instance, **kwargs):
    if in_bulk_load():
        return
    affected = registry.affected(instance)
    if affected:
        pending = getattr(_pending, "deletes", {})
        pending[(sender, instance.pk)] = affected
        _pending.deletes = pending


@receiver(post_delete)
def update_index_on_delete(sender, instance, **kwargs):
    if in_bulk_load():
        return
    affected = getattr(_pending, "deletes", {}).pop((sender, instance.pk), None)
    if affected:
        _reindex(affected, removed=instance)


@receiver(m2m_changed)
def update_index_on_m2m(sender, instance, action, model, pk_set, **kwargs):
    """Both ends of a many-to-many change: the instance, and the rows added or removed on the other side
    (read before a removal or clear, when they are still linked, and again after it)."""
    if in_bulk_load():
        return
    if action in ("pre_remove", "pre_clear"):
        others = list(model.objects.filter(pk__in=pk_set)) if pk_set else []
        if action == "pre_clear":
            others = list(getattr(instance, _accessor(sender, instance, model)).all())
        _pending.m2m = [(other, registry.affected(other)) for other in others]
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    _reindex(registry.affected(instance))
    others = list(model.objects.filter(pk__in=pk_set)) if pk_set else []
    for other in others:
        _reindex(registry.affected(other))
    for _other, affected in getattr(_pending, "m2m", []):
        _reindex(affected)
    _pending.m2m = []


def _accessor(through, instance, model):
    """The name of the many-to-many manager on `instance` that uses `through` and leads to `model`."""
    for field in instance._meta.get_fields():
        remote = getattr(field, "remote_field", None)
        if getattr(remote, "through", None) is through and field.related_model is model:
            return field.get_accessor_name() if field.auto_created else field.name
    raise LookupError(f"no many-to-many from {type(instance).__name__} through {through.__name__}")


@receiver(version_text_replaced)
def update_index_on_import(sender, version, **kwargs):
    """An import replaced every provision of a version: its entries are written anew."""
    if in_bulk_load():
        return
    spec = registry.search_spec("laws.Provision")
    SearchEntry.objects.filter(kind=spec.kind, object_key__startswith=f"{version.pk}:").delete()
    reindex(spec, version.provisions.all())
