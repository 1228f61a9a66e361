"""A record whose address changes (a new slug, or a document's new slug for its parts) keeps its old address.

Before a save, the addresses and search keys of the rows the save affects are read from the database; after
it, they are compared with the new ones. Each old address becomes a permanent redirect to the new one in both
languages (policy_kb.models.Redirect, answered with a 301 by policy_kb.middleware); earlier redirects to it
are pointed at the new one (no chains), and a redirect from an address that is live again is removed. The
search entries under old keys are dropped. Which rows a save affects, and how they are keyed and addressed,
comes from the record-kind registry.
"""

import threading

from django.conf import settings

from core.records import registry

from .models import Redirect

LANGUAGES = [code for code, _name in settings.LANGUAGES]
_pending = threading.local()


def _own_kind(spec):
    """The RecordKind whose rows the spec indexes (None for entries of another model, like provisions)."""
    kind = next((kind for kind in registry.searched() if kind.search is spec), None)
    return kind if kind is not None and kind.model.lower() == spec.model.lower() else None


def addresses(instance):
    """{(spec kind, row pk): (search key, neutral url)} of the record-kind rows a change of `instance` affects,
    as they stand in `instance` (read the stored row to get the addresses before a save)."""
    out = {}
    for spec, rows in registry.affected(instance):
        kind = _own_kind(spec)
        if kind is None:
            continue
        for row in rows:
            out[(spec.kind, row.pk)] = (spec.key(row), kind.ref(row).url)
    return out


def remember(sender, instance):
    """Before saving an existing row: read its stored version's addresses (one query, plus one per affected
    kind). Returns nothing; after() uses them."""
    if instance.pk is None or not any(_own_kind(spec) for spec, _rows in _specs(sender)):
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    if stored is not None:
        pending = getattr(_pending, "before", {})
        pending[(sender, instance.pk)] = addresses(stored)
        _pending.before = pending


def _specs(model):
    label = f"{model._meta.app_label}.{model._meta.object_name}".lower()
    return [
        (kind.search, None)
        for kind in registry.searched()
        if any(name.lower() == label for name in kind.search.affected_by)
    ]


def after(sender, instance):
    """After the save: {spec kind: [old search keys]} whose row got a new key; the old addresses redirect."""
    before = getattr(_pending, "before", {}).pop((sender, instance.pk), None)
    if not before:
        return {}
    now = addresses(instance)
    gone = {}
    for where, (old_key, old_url) in before.items():
        new_key, new_url = now.get(where, (old_key, old_url))
        if new_key != old_key:
            gone.setdefault(where[0], []).append(old_key)
        if new_url != old_url:
            redirect(old_url, new_url)
    return gone


def redirect(old_url, new_url):
    """Make the neutral address `old_url` redirect permanently to `new_url` under every language prefix."""
    for language in LANGUAGES:
        old, new = f"/{language}{old_url}", f"/{language}{new_url}"
        Redirect.objects.filter(old_path=new).delete()  # live again
        Redirect.objects.filter(new_path=old).update(new_path=new)
        Redirect.objects.update_or_create(old_path=old, defaults={"new_path": new})
