"""Drafts never reach the sitemap, the data files or the API: every public listing reads public_queryset()."""

import pytest
from django.core.exceptions import FieldDoesNotExist

from core.records import public_queryset, registry

DRAFTABLE = ["document", "node", "incident", "organisation", "term"]


def draft_status(model):
    try:
        field = model._meta.get_field("status")
    except FieldDoesNotExist:
        pytest.skip(f"{model.__name__} has no status field yet: drafts are added by the editors' work")
    values = [value for value, _label in field.choices or []]
    if "draft" not in values:
        pytest.fail(f"{model.__name__}.status has no 'draft' value ({values}): update this test")
    return "draft"


@pytest.mark.parametrize("kind", DRAFTABLE)
def test_a_draft_appears_in_no_public_listing(client, kb, kind):
    model = registry.kinds[kind].model_class
    status = draft_status(model)
    record = model.objects.order_by("pk").last()
    key = registry.key(record)
    model.objects.filter(pk=record.pk).update(status=status)
    assert not public_queryset(kind).filter(pk=record.pk).exists()
    path = registry.ref(record).url
    sitemap = "".join(client.get(f"/sitemap-{s}.xml").content.decode() for s in ("documents", "incidents", "records"))
    assert f"/ja{path}<" not in sitemap
    for collection in ("documents", "document-parts", "incidents", "organisations", "glossary", "links"):
        assert f'"{key}"' not in client.get(f"/data/{collection}.json").content.decode(), collection
    assert key not in client.get("/api/v1/records?page_size=200&page=1").content.decode()
    assert client.get(f"/api/v1/records/{key}").status_code == 404


def test_public_queryset_reads_a_kinds_public_filter():
    kind = registry.kinds["incident"]
    calls = []

    class Filtered:
        def __getattr__(self, name):
            return getattr(kind, name)

        def public(self, queryset):
            calls.append(queryset.model)
            return queryset.none()

    assert list(public_queryset(Filtered())) == [] and calls == [kind.model_class]
