"""Keep the search index in step with editors' saves and deletes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.bulk import in_bulk_load
from incidents.models import Incident
from laws.models import Provision, Term
from laws.signals import version_text_replaced
from strategy.models import Document, Node, Organisation

from . import indexing
from .models import SearchEntry
from .search import reindex


def _records(sender, instance):
    """(kind, object keys, entries) to replace for a saved or deleted record."""
    if sender is Document:
        return [
            ("document", [instance.slug], lambda: indexing.document_entries(Document.objects.filter(pk=instance.pk)))
        ]
    if sender is Node:
        key = f"{instance.document.slug}:{instance.key}"
        return [("measure", [key], lambda: indexing.node_entries(Node.objects.filter(pk=instance.pk)))]
    if sender is Incident:
        return [
            ("incident", [instance.slug], lambda: indexing.incident_entries(Incident.objects.filter(pk=instance.pk)))
        ]
    if sender is Organisation:
        return [
            (
                "organisation",
                [instance.slug],
                lambda: indexing.organisation_entries(Organisation.objects.filter(pk=instance.pk)),
            )
        ]
    if sender is Term:
        return [("term", [instance.slug], lambda: indexing.term_entries(Term.objects.filter(pk=instance.pk)))]
    if sender is Provision:
        affected = Provision.objects.filter(
            version_id=instance.version_id,
            tree_id=instance.tree_id,
            lft__gte=instance.lft,
            rght__lte=instance.rght,
            kind__in=[Provision.Kind.PARAGRAPH, Provision.Kind.ITEM],
        )
        keys = [f"{instance.version.key}:{pk}" for pk in affected.values_list("pk", flat=True)]
        keys.append(f"{instance.version.key}:{instance.pk}")
        return [("provision", keys, lambda: indexing.provision_entries(affected))]
    return []


@receiver(post_save)
def update_index_on_save(sender, instance, raw=False, **kwargs):
    if raw or in_bulk_load():
        return
    for kind, keys, entries in _records(sender, instance):
        reindex(list(entries()), kind, keys)


@receiver(post_delete)
def update_index_on_delete(sender, instance, **kwargs):
    if in_bulk_load():
        return
    for kind, keys, _entries in _records(sender, instance):
        reindex([], kind, keys)


@receiver(version_text_replaced)
def update_index_on_import(sender, version, **kwargs):
    if in_bulk_load():
        return
    SearchEntry.objects.filter(kind="provision", version=version.key).delete()
    reindex(list(indexing.provision_entries(Provision.objects.filter(version=version))), "provision", [])
