"""The factories build valid rows: unique values that cannot meet the real content, and mptt trees as the
importer or a full rebuild would write them."""

import pytest

from incidents.models import AttackType
from laws.models import Provision
from laws.services import rebuild_text
from strategy.models import Node

from .factories import (
    SMALL_STATUTE,
    ActFactory,
    AttackTypeFactory,
    CountryFactory,
    DocumentFactory,
    IncidentFactory,
    IncidentLinkFactory,
    NodeFactory,
    OrganisationRelationFactory,
    ProvisionFactory,
    ProvisionLinkFactory,
    SectorFactory,
    TermFactory,
    VersionFactory,
)

pytestmark = pytest.mark.django_db


def tree_columns(queryset):
    """(pk, tree_id, lft, rght, level, parent_id) of every row, in pk order."""
    return list(queryset.order_by("pk").values_list("pk", "tree_id", "lft", "rght", "level", "parent_id"))


def test_a_version_built_from_a_statute_text_has_the_importers_tree(kb):
    version = VersionFactory(text=SMALL_STATUTE)
    assert rebuild_text(version) == SMALL_STATUTE
    articles = version.provisions.filter(kind=Provision.Kind.ARTICLE, supplementary=False).order_by("position")
    assert [(a.number, a.identity.key) for a in articles] == [("1", "1"), ("2", "2")]
    assert articles[0].caption_ja == "目的"
    second = articles[1]
    assert [p.number for p in second.get_children()] == ["1", "2"]
    assert [i.number for i in second.get_children()[0].get_children()] == ["1", "2"]
    before = tree_columns(version.provisions.all())
    for tree_id in {row[1] for row in before}:
        Provision._tree_manager.partial_rebuild(tree_id)
    assert tree_columns(version.provisions.all()) == before


def test_nodes_and_attack_types_are_saved_as_mptt_trees(kb):
    document = DocumentFactory()
    parent = NodeFactory(document=document)
    children = [NodeFactory(parent=parent) for _ in range(2)]
    assert {child.document for child in children} == {document}
    assert list(parent.get_children()) == children
    assert [c.level for c in children] == [1, 1]
    before = tree_columns(Node.objects.filter(document=document))
    Node._tree_manager.partial_rebuild(parent.tree_id)
    assert tree_columns(Node.objects.filter(document=document)) == before
    root = AttackTypeFactory()
    sub = AttackTypeFactory(parent=root)
    assert list(root.get_descendants(include_self=True)) == [root, sub]
    assert AttackType.objects.get(pk=sub.pk).level == 1


def test_every_factory_makes_a_row_that_does_not_meet_the_real_content(kb):
    country, sector, attack_type = CountryFactory(), SectorFactory(), AttackTypeFactory()
    incident = IncidentFactory(countries=[country], sectors=[sector], attack_types=[attack_type])
    assert incident.slug.startswith("test-incident-") and incident.sources.count() == 1
    assert incident.countries.get().code.startswith("X")
    link = IncidentLinkFactory(incident=incident)
    assert link.document.slug.startswith("test-doc-")
    assert ProvisionLinkFactory().identity.act.slug.startswith("test-act-")
    relation = OrganisationRelationFactory()
    assert relation.source != relation.target
    assert TermFactory().forms("en")
    article = ProvisionFactory()
    assert article.version.act.slug.startswith("test-act-")
    paragraph = ProvisionFactory(parent=article, kind="paragraph")
    assert paragraph.version == article.version and paragraph.level == 1
    assert ActFactory().egov_law_id.startswith("TEST")
