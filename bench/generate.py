"""Synthetic content at a scale factor, through the same models and importer as the real content.

    python bench/generate.py --scale 100     # adds 99 copies' worth of synthetic records

Each copy adds an act (40 articles, imported by the statute importer), 5 policy documents with 4 measures each,
10 incidents and about 200 typed links, so that 100× holds 100 acts, about 2,000 measures, 1,000 incidents and
20,000 links. The links follow the real content: their relation types, interpretation flags and sources are
drawn from the real links of the same store, and the articles they cite are drawn with the real articles'
in-degrees as weights (a synthetic act's articles take the same weights, shuffled), so a few articles are hubs.
Links go from synthetic records to synthetic records and to real ones (the Basic Act's articles, real documents
and parts): real records gain links as the knowledge base grows, and their pages must cope.

Japanese text is assembled from the Act's own sentences and phrases (realistic lengths and vocabulary), English
from the provisional translation, so the search index sees text like the real one. Synthetic records use slugs
starting with "bench-" and can be removed with --remove.
"""

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_kb.settings")

DOCUMENTS_PER_COPY = 5
MEASURES_PER_DOCUMENT = 4
INCIDENTS_PER_COPY = 10
LINKS_PER_MEASURE = 5  # measure → article
LINKS_PER_DOCUMENT = 2  # document → article
INCIDENT_LINKS = {"article": 3, "node": 4, "document": 2}  # per incident
# Where an article link points: the copy's own act, the real act(s), another synthetic act.
ACT_SHARE = (("own", 0.60), ("real", 0.15), ("other", 0.25))
REAL_RECORD_SHARE = 0.10  # share of incident → part/document links that reach a real part or document


def setup():
    import django

    django.setup()


def sentences(provisions, field):
    out = []
    for text in provisions.exclude(**{f"{field}__isnull": True}).order_by("pk").values_list(field, flat=True):
        out.extend(
            part + ("。" if field.endswith("_ja") else ".")
            for part in text.split("。" if field.endswith("_ja") else ". ")
            if part
        )
    return out


def synthetic_statute(rng, ja_sentences, chapters=5, articles_per_chapter=8):
    """A statute text in the importer's format, assembled from real sentences."""
    from core.numerals import int_to_kanji

    lines = ["ベンチマーク用合成法", "", "目次", "附則"]
    number = 0
    for chapter in range(1, chapters + 1):
        lines += ["", f"第{int_to_kanji(chapter)}章\u3000合成第{int_to_kanji(chapter)}章"]
        for _ in range(articles_per_chapter):
            number += 1
            lines.append(f"（{rng.choice(['目的', '定義', '責務', '施策', '連携', '監査', '人材'])}）")
            lines.append(f"第{int_to_kanji(number)}条\u3000{rng.choice(ja_sentences)}")
            for paragraph in range(2, rng.randint(1, 4) + 1):
                lines.append(f"{chr(0xFF10 + paragraph)}\u3000{rng.choice(ja_sentences)}")
                for item in range(1, rng.choice([0, 0, 3]) + 1):
                    lines.append(f"\u3000{int_to_kanji(item)}\u3000{rng.choice(ja_sentences)[:60]}")
    return "\n".join(lines) + "\n", number


class LinkStyle:
    """What a store's real links look like: (relation type, interpretation, has a source) triples to draw from."""

    def __init__(self, rows, fallback):
        self.rows = [(r, i, e is not None) for r, i, e in rows] or [fallback]

    def draw(self, rng):
        return rng.choice(self.rows)


class Articles:
    """Article identities to link to, drawn with the real articles' in-degree as weights."""

    def __init__(self, rng, real_identities, real_degree):
        self.rng = rng
        self.real = real_identities
        self.real_weights = [real_degree.get(identity.pk, 0) + 1 for identity in real_identities]
        self.shape = sorted(self.real_weights, reverse=True) or [1]
        self.acts = []  # [(identities, weights)] of the synthetic acts made so far

    def add_act(self, identities):
        weights = [self.shape[i % len(self.shape)] for i in range(len(identities))]
        self.rng.shuffle(weights)
        self.acts.append((identities, weights))

    def draw(self):
        """An identity: of the newest act, of the real act or of another synthetic act (ACT_SHARE)."""
        where = self.rng.choices([w for w, _ in ACT_SHARE], [s for _, s in ACT_SHARE])[0]
        if where == "real" and self.real:
            return self.rng.choices(self.real, self.real_weights)[0]
        if where == "other" and len(self.acts) > 1:
            identities, weights = self.rng.choice(self.acts[:-1])
        else:
            identities, weights = self.acts[-1]
        return self.rng.choices(identities, weights)[0]


def _real_degree():
    """{identity pk: number of real links to it} over the stores that cite articles."""
    from incidents.models import IncidentLink
    from strategy.models import OrganisationRelation, ProvisionLink

    degree = Counter()
    for model in (ProvisionLink, IncidentLink, OrganisationRelation):
        degree.update(model.objects.filter(identity__isnull=False).values_list("identity_id", flat=True))
    return degree


def generate(scale, seed=2014):
    """Bring the knowledge base to `scale` times the real content (adds the synthetic copies still missing; the
    real content counts as one); returns the number of search index entries afterwards."""
    from django.db import connection, transaction
    from django.db.models import Max

    from core.bulk import bulk_load
    from incidents.models import AttackType, Country, Incident, IncidentLink
    from laws.models import Act, ArticleIdentity, Provision, Source, Version
    from laws.services import import_version
    from policy_kb.search import rebuild_index
    from strategy.models import Document, Node, ProvisionLink, Sector

    rng = random.Random(seed)
    provisions = Provision.objects.filter(kind__in=["paragraph", "item"])
    ja, en = sentences(provisions, "text_ja"), sentences(provisions, "text_en")
    real_documents = list(Document.objects.exclude(slug__startswith="bench-").order_by("slug"))
    real_nodes = list(Node.objects.exclude(document__slug__startswith="bench-").select_related("document"))
    source = Source.objects.order_by("pk").first()
    countries = list(Country.objects.order_by("code"))
    attack_types = list(AttackType.objects.order_by("pk"))
    sectors = list(Sector.objects.order_by("pk"))
    articles = Articles(
        rng,
        list(ArticleIdentity.objects.exclude(act__slug__startswith="bench-").order_by("pk")),
        _real_degree(),
    )
    provision_style = LinkStyle(
        ProvisionLink.objects.values_list("relation_type", "interpretation", "evidence"), ("implements", False, True)
    )
    incident_style = LinkStyle(
        IncidentLink.objects.values_list("relation_type", "interpretation", "evidence"),
        ("illustrates_risk", True, True),
    )
    done = Act.objects.filter(slug__startswith="bench-act-").count()
    next_tree = (Node.objects.aggregate(top=Max("tree_id"))["top"] or 0) + 1
    synthetic_nodes, synthetic_documents = [], []
    with transaction.atomic(), bulk_load():
        for act in Act.objects.filter(slug__startswith="bench-act-").order_by("pk"):
            articles.add_act(list(act.article_identities.order_by("pk")))
        for copy in range(done, max(scale - 1, done)):
            act = Act.objects.create(
                slug=f"bench-act-{copy}",
                title_ja=f"合成法{copy}",
                title_en=f"Synthetic Act {copy}",
                law_number_ja="合成",
                law_number_en="Synthetic",
                egov_law_id=f"BENCH{copy:010d}",
                promulgated="2014-11-12",
            )
            version = Version.objects.create(act=act, key="current", label_ja="合成", in_force_from="2025-07-01")
            text, count = synthetic_statute(rng, ja)
            identities = ArticleIdentity.objects.bulk_create(
                [ArticleIdentity(act=act, key=str(n)) for n in range(1, count + 1)]
            )
            import_version(
                version=version,
                text=text,
                filename=f"bench-{copy}",
                numbering={str(n): str(n) for n in range(1, count + 1)},
            )
            articles.add_act(identities)
            documents = Document.objects.bulk_create(
                [
                    Document(
                        slug=f"bench-{copy}-{template.slug}"[:50],
                        kind=template.kind,
                        title_ja=f"{template.title_ja}（合成{copy}）",
                        title_en=f"{template.title_en} (synthetic {copy})",
                        summary_ja=" ".join(rng.sample(ja, 3)),
                        summary_en=" ".join(rng.sample(en, 3)),
                        decided_on=template.decided_on,
                        decided_precision=template.decided_precision,
                    )
                    for template in (
                        real_documents[(copy * DOCUMENTS_PER_COPY + j) % len(real_documents)]
                        for j in range(DOCUMENTS_PER_COPY)
                    )
                ]
            )
            nodes = []
            for document in documents:
                for i in range(MEASURES_PER_DOCUMENT):
                    # Each measure is a tree of its own, its nested-set columns written as the importer does.
                    nodes.append(
                        Node(
                            document=document,
                            key=f"m{i + 1}",
                            kind="measure",
                            number=f"{i + 1}",
                            title_ja=rng.choice(ja)[:40],
                            title_en=rng.choice(en)[:80],
                            body_ja=" ".join(rng.sample(ja, 2)),
                            body_en=" ".join(rng.sample(en, 2)),
                            position=i,
                            tree_id=next_tree,
                            lft=1,
                            rght=2,
                            level=0,
                        )
                    )
                    next_tree += 1
            nodes = Node.objects.bulk_create(nodes)
            synthetic_documents.append(documents)
            synthetic_nodes.append(nodes)
            incidents = Incident.objects.bulk_create(
                [
                    Incident(
                        slug=f"bench-{copy}-incident-{i}",
                        title_ja=rng.choice(ja)[:40],
                        title_en=rng.choice(en)[:80],
                        summary_ja=" ".join(rng.sample(ja, 2)),
                        summary_en=" ".join(rng.sample(en, 2)),
                        start_date=f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-01",
                        start_precision="month",
                    )
                    for i in range(INCIDENTS_PER_COPY)
                ]
            )
            _relate(Incident.sources.through, "incident_id", "source_id", incidents, [source])
            _relate(Incident.countries.through, "incident_id", "country_id", incidents, countries, rng)
            _relate(Incident.attack_types.through, "incident_id", "attacktype_id", incidents, attack_types, rng)
            _relate(Incident.sectors.through, "incident_id", "sector_id", incidents, sectors, rng)
            links = []
            for record, count in [(n, LINKS_PER_MEASURE) for n in nodes] + [(d, LINKS_PER_DOCUMENT) for d in documents]:
                for _ in range(count):
                    relation, interpretation, evidence = provision_style.draw(rng)
                    is_node = isinstance(record, Node)
                    links.append(
                        ProvisionLink(
                            document=record.document if is_node else record,
                            node=record if is_node else None,
                            identity=articles.draw(),
                            relation_type=relation,
                            interpretation=interpretation,
                            evidence=source if evidence else None,
                        )
                    )
            ProvisionLink.objects.bulk_create(links)
            links = []
            for incident in incidents:
                for target, count in INCIDENT_LINKS.items():
                    for _ in range(count):
                        relation, interpretation, evidence = incident_style.draw(rng)
                        link = IncidentLink(
                            incident=incident,
                            relation_type=relation,
                            interpretation=interpretation,
                            evidence=source if evidence else None,
                        )
                        if target == "article":
                            link.identity = articles.draw()
                        elif target == "node":
                            node = _record(rng, real_nodes, synthetic_nodes)
                            link.node, link.document = node, node.document
                        else:
                            link.document = _record(rng, real_documents, synthetic_documents)
                        links.append(link)
            IncidentLink.objects.bulk_create(links)
        count = rebuild_index()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a database this size
    return count


def _record(rng, real, synthetic):
    """A real record (REAL_RECORD_SHARE of the time), else one of this copy (mostly) or an earlier one."""
    if real and rng.random() < REAL_RECORD_SHARE:
        return rng.choice(real)
    group = synthetic[-1] if rng.random() < 0.7 or len(synthetic) < 2 else rng.choice(synthetic[:-1])
    return rng.choice(group)


def _relate(through, left, right, rows, choices, rng=None):
    """Many-to-many rows in one insert: each row to all `choices`, or (with rng) to one drawn at random."""
    if not choices:
        return
    pairs = [(row, choice) for row in rows for choice in ([rng.choice(choices)] if rng else choices)]
    through.objects.bulk_create([through(**{left: row.pk, right: choice.pk}) for row, choice in pairs])


def remove():
    from django.db import transaction

    from incidents.models import Incident
    from laws.models import Act
    from policy_kb.search import rebuild_index
    from strategy.models import Document

    with transaction.atomic():
        Incident.objects.filter(slug__startswith="bench-").delete()
        Document.objects.filter(slug__startswith="bench-").delete()
        for act in Act.objects.filter(slug__startswith="bench-act-"):
            act.versions.all().delete()
            act.delete()
        rebuild_index()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100, help="total size as a multiple of the real content")
    parser.add_argument("--remove", action="store_true", help="remove the synthetic records")
    args = parser.parse_args()
    setup()
    if args.remove:
        remove()
        print("synthetic records removed")
        return
    print(f"search index: {generate(args.scale)} entries")


if __name__ == "__main__":
    main()
