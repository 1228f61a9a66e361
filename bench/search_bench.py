"""Search latency at the real data size and at 100 times it, as ratios to the article page.

    python bench/search_bench.py [--scale 100] [--runs 15]

Runs in a throwaway SQLite database (or the one DATABASE_URL names), loads the real knowledge base,
times the article page (the baseline) and a set of searches in the same process, then adds synthetic
content (bench/generate.py) and times them again. Timings on shared machines are noisy; the ratios
to the baseline measured in the same run are the figures to compare.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = [
    "監査",
    "人材",
    "重要社会基盤事業者",
    "サイバーセキュリティ戦略本部",
    "GSOC",
    "Japan Pension Service",
    "critical infrastructure",
    "２０１５",
    "戦",  # one character
    "第12条",  # beside digits
    "サイバ−",  # a minus typed for ー
    "髙度情報通信",  # a variant kanji
    '"cybersecurity strategy"',  # a phrase
]
ARTICLE = "/ja/laws/basic-act-on-cybersecurity/articles/26/"


def median_ms(client, url, runs):
    client.get(url)  # warm caches and the template loader
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def measure(client, runs):
    baseline = median_ms(client, ARTICLE, runs)
    searches = {query: median_ms(client, f"/ja/search/?q={query}", runs) for query in QUERIES}
    return baseline, searches


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="policy-kb-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_kb.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.generate import generate
    from policy_kb.models import SearchEntry
    from policy_kb.search import find_hits

    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_kb", stdout=devnull, stderr=devnull)
    client = Client()
    results = {}
    for label, scale in (("real size", 1), (f"{args.scale}x", args.scale)):
        if scale > 1:
            generate(scale)
        baseline, searches = measure(client, args.runs)
        results[label] = {
            "entries": SearchEntry.objects.count(),
            "article_page_ms": round(baseline, 2),
            "search_ratio": {q: round(ms / baseline, 2) for q, ms in searches.items()},
            "hits": {q: len(find_hits(q)[0]) for q in searches},
            "search_ratio_median": round(statistics.median(ms / baseline for ms in searches.values()), 2),
        }
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    for label, result in results.items():
        print(f"\n{label}: {result['entries']} index entries; article page {result['article_page_ms']} ms (baseline)")
        for query, ratio in result["search_ratio"].items():
            print(f"  search {query!r:<32} {ratio:>6.2f} × article page  ({result['hits'][query]} hits)")
        print(f"  median search / article page: {result['search_ratio_median']}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    (out / f"search-{vendor}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
