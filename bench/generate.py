"""Synthetic content at a scale factor, through the same models and importer as the real content.

    python bench/generate.py --scale 100     # adds 99 copies' worth of synthetic records

Japanese text is assembled from the Act's own sentences and phrases (realistic lengths and
vocabulary), English from the provisional translation, so the search index sees text like the
real one. Synthetic records use slugs starting with "bench-" and can be removed with --remove.
"""

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_kb.settings")


def setup():
    import django

    django.setup()


def sentences(provisions, field):
    out = []
    for text in provisions.order_by("pk").values_list(field, flat=True):
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


def generate(scale, seed=2014):
    from django.db import connection, transaction

    from core.bulk import bulk_load
    from incidents.models import Country, Incident
    from laws.models import Act, ArticleIdentity, Provision, Source, Version
    from laws.services import import_version
    from policy_kb.search import rebuild_index
    from strategy.models import Document, Node

    rng = random.Random(seed)
    provisions = Provision.objects.filter(kind__in=["paragraph", "item"])
    ja, en = sentences(provisions, "text_ja"), sentences(provisions, "text_en")
    copies = max(scale - 1, 0)
    real_documents = list(Document.objects.order_by("slug"))
    source = Source.objects.order_by("pk").first()
    country = Country.objects.order_by("code").first()
    with transaction.atomic(), bulk_load():
        for copy in range(copies):
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
            text, articles = synthetic_statute(rng, ja)
            ArticleIdentity.objects.bulk_create([ArticleIdentity(act=act, key=str(n)) for n in range(1, articles + 1)])
            import_version(
                version=version,
                text=text,
                filename=f"bench-{copy}",
                numbering={str(n): str(n) for n in range(1, articles + 1)},
            )
            for template in real_documents:
                document = Document.objects.create(
                    slug=f"bench-{copy}-{template.slug}"[:50],
                    kind=template.kind,
                    title_ja=f"{template.title_ja}（合成{copy}）",
                    title_en=f"{template.title_en} (synthetic {copy})",
                    summary_ja=" ".join(rng.sample(ja, 3)),
                    summary_en=" ".join(rng.sample(en, 3)),
                    decided_on=template.decided_on,
                    decided_precision=template.decided_precision,
                )
                Node.objects.bulk_create(
                    [
                        Node(
                            document=document,
                            key=f"n{i}",
                            kind="measure",
                            number=f"{i}",
                            title_ja=rng.choice(ja)[:40],
                            title_en=rng.choice(en)[:80],
                            body_ja=" ".join(rng.sample(ja, 2)),
                            body_en=" ".join(rng.sample(en, 2)),
                            position=i,
                            tree_id=0,
                            lft=0,
                            rght=0,
                            level=0,
                        )
                        for i in range(8)
                    ]
                )
            for i in range(10):
                incident = Incident.objects.create(
                    slug=f"bench-{copy}-incident-{i}",
                    title_ja=rng.choice(ja)[:40],
                    title_en=rng.choice(en)[:80],
                    summary_ja=" ".join(rng.sample(ja, 2)),
                    summary_en=" ".join(rng.sample(en, 2)),
                    start_date=f"{rng.randint(2005, 2025)}-01-01",
                    start_precision="year",
                )
                incident.sources.add(source)
                incident.countries.add(country)
        Node._tree_manager.rebuild()
        count = rebuild_index()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a database this size
    return count


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
