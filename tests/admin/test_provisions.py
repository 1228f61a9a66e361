"""The provision list reads in statute order with the labels laws.address gives, and "View on site" opens the
provision's own page and anchor for every kind of provision, in every version."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from laws.models import Provision

pytestmark = pytest.mark.django_db

LIST = "/admin/laws/provision/"


def test_the_list_is_in_statute_order_with_address_labels(admin_client, kb, django_assert_max_num_queries):
    version = kb.versions.get(key="current")
    with django_assert_max_num_queries(12):  # whatever the number of rows: no query per row for its label
        response = admin_client.get(LIST, {"version__id__exact": version.pk})
    rows = list(response.context["cl"].result_list)
    assert len(rows) == min(100, version.provisions.count())
    expected = list(version.provisions.order_by("tree_id", "lft")[: len(rows)])
    assert [row.pk for row in rows] == [p.pk for p in expected]
    html = response.content.decode()
    labels = re.findall(r'<th class="field-statute_label"><a href="[^"]+">([^<]*)</a>', html)
    with translation.override("en"):
        for provision, label in zip(expected, labels, strict=True):
            wanted = provision.address().label("en") or " ".join(filter(None, [provision.label, provision.title_ja]))
            assert label == wanted
    assert "Art. 1(1)" in labels and "Art. 2" in labels
    assert not any(label.startswith(("current", "original")) for label in labels)


def test_the_labels_follow_the_editors_language(editor_client, kb):
    client = editor_client("Law editors", "ja")
    html = client.get(LIST, {"version__id__exact": kb.versions.get(key="original").pk, "q": "サイバーセキュリティ"})
    labels = re.findall(r'<th class="field-statute_label"><a href="[^"]+">([^<]*)</a>', html.content.decode())
    assert labels and all(label.startswith(("第", "附則")) for label in labels if label)


def kinds_to_open(kb):
    """One provision of each kind, in each of the act's versions, in the main and the supplementary provisions."""
    picked = []
    for version in kb.versions.all():
        for kind in Provision.Kind.values:
            for supplementary in (False, True):
                found = (
                    version.provisions.filter(kind=kind, supplementary=supplementary)
                    .order_by("-tree_id", "-lft")
                    .first()
                )
                if found is not None:
                    picked.append(found)
    return picked


def test_view_on_site_opens_the_provision_for_every_kind(admin_client, kb):
    content_type = ContentType.objects.get_for_model(Provision)
    opened = set()
    for provision in kinds_to_open(kb):
        response = admin_client.get(f"/admin/r/{content_type.pk}/{provision.pk}/")
        assert response.status_code == 302, provision
        target = response.url.removeprefix("http://testserver")
        path, _hash, anchor = target.partition("#")
        with translation.override("en"):
            assert target == "/en" + provision.address().path()
        page = admin_client.get(path)
        assert page.status_code == 200, (provision.kind, response.url)
        if anchor:
            assert f'id="{anchor}"' in page.content.decode(), (provision.kind, response.url)
        opened.add((provision.version.key, provision.kind, provision.supplementary))
    kinds = {(kind, supplementary) for _key, kind, supplementary in opened}
    assert {("article", False), ("paragraph", False), ("item", False), ("chapter", False)} <= kinds
    assert {("supplementary", True), ("paragraph", True)} <= kinds
    assert {key for key, _kind, _s in opened} == set(kb.versions.values_list("key", flat=True))
