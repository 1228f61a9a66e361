"""Every page type at the real size and at 100 times it, in process and under gunicorn: one table per database.

    python bench/pages.py [--scale 100] [--runs 15] [--seconds 2]

Builds a throwaway SQLite database (or uses the one DATABASE_URL names), loads the real knowledge base and
measures each page type in process through Django's test client with the page cache off (the fragment cache of
the expensive parts stays on, as in production): the queries of one request, the median and 95th percentile of
the server time, and the page's size. Then it adds synthetic content (bench/generate.py) to `--scale` times the
real size and measures again, and once more with the fragment cache off too (a page's first request after a
change of content). At that size it starts gunicorn with 2
workers on loopback, once with the page cache off and once with it on, and measures with wrk (-t2 -c16, 2 s)
the requests per second of each page and of a static file of the same bytes served by the same server
(whitenoise), in the same run: in turns, three times for the cached page (medians; the machine is shared).
The table and the targets' verdicts go to bench/results/pages-<database>.md (and .json).
Timings on shared machines are noisy: the ratios measured in one run are the figures to compare.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASIC = "/laws/basic-act-on-cybersecurity"
PAGES = [  # (page type, address, what the targets treat it as)
    ("home", "/ja/", "page"),
    ("law contents", f"/ja{BASIC}/", "list"),
    ("article (Art. 26)", f"/ja{BASIC}/articles/26/", "record"),
    ("parallel view", f"/en{BASIC}/articles/26/parallel/", "record"),
    ("document", "/ja/strategy/documents/cs-strategy-2015/", "record"),
    ("part", "/ja/strategy/documents/cs-strategy-2015/m-5-2-3/", "record"),
    ("incident list", "/ja/incidents/", "list"),
    ("incident", "/en/incidents/japan-pension-service-2015/", "record"),
    ("timeline", "/ja/timeline/", "list"),
    ("glossary term", "/ja/glossary/audit/", "record"),
    ("search, 2-character Japanese", "/ja/search/?q=%E7%9B%A3%E6%9F%BB", "search"),
    ("search, English", "/en/search/?q=critical+infrastructure", "search"),
    ("whole graph", "/ja/graph/", "page"),
]
ARTICLE = "article (Art. 26)"
ROUNDS = 3  # turns of cached page and static file per page
COLD_RUNS = 5  # requests per page at 100× with the fragment cache off
MAX_KB = 150


def server_times(client, url, runs):
    """(queries of one request, [ms] of `runs` requests, bytes) of `url`, after one request to warm up."""
    from django.db import connection

    client.get(url)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    return len(queries), samples, response.content


def p95(samples):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(client, runs):
    out = {}
    for name, url, _kind in PAGES:
        queries, samples, body = server_times(client, url, runs)
        out[name] = {"queries": queries, "median": statistics.median(samples), "p95": p95(samples), "body": body}
    return out


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url, seconds):
    """Requests per second of `url` with wrk -t2 -c16; raises when any response was not 2xx or 3xx."""
    done = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "20s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    if "Non-2xx or 3xx responses" in done.stdout:
        raise RuntimeError(f"wrk saw errors for {url}:\n{done.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def serve(env, folder, cached):
    """gunicorn with 2 workers on a free loopback port, the page cache on or off; returns (process, base URL)."""
    port = free_port()
    env = {**env, "POLICY_KB_PAGE_CACHE": "1" if cached else "0"}
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    log = open(folder / f"gunicorn-{'cached' if cached else 'uncached'}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [gunicorn, "policy_kb.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                return process, base
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"gunicorn did not start: see {log.name}") from None
            time.sleep(0.2)


def static_copies(folder, pages):
    """Each page's bytes as a static file, collected like the site's own (whitenoise serves the files of the
    manifest): {page: its static URL}."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finder
    from django.core.management import call_command

    extra = folder / "bench-static"
    (extra / "bench").mkdir(parents=True, exist_ok=True)
    for index, (name, _url, _kind) in enumerate(PAGES):
        (extra / "bench" / f"page-{index}.html").write_bytes(pages[name]["body"])
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, extra]
    get_finder.cache_clear()
    call_command("collectstatic", "--no-input", verbosity=0)
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())["paths"]
    return {name: settings.STATIC_URL + manifest[f"bench/page-{i}.html"] for i, (name, _u, _k) in enumerate(PAGES)}


def settle(base):
    """Wait until the workers have answered the requests wrk left queued (a slow page leaves some)."""
    quick = 0
    while quick < 3:
        start = time.perf_counter()
        urllib.request.urlopen(f"{base}/healthz", timeout=60).read()
        quick = quick + 1 if time.perf_counter() - start < 0.05 else 0


def throughput(env, folder, seconds, static):
    """{page: {uncached, uncached_static, cached, cached_static}} in requests per second; `static`: {page: the
    URL of a static file of its bytes}."""
    out = {name: {} for name, _url, _kind in PAGES}
    for cached in (False, True):
        process, base = serve(env, folder, cached)
        label = "cached" if cached else "uncached"
        try:
            for name, url, _kind in PAGES:
                urllib.request.urlopen(base + url, timeout=60).read()  # fill the cache / warm the worker
                urllib.request.urlopen(base + url, timeout=60).read()
                # Page and static file in turns (ROUNDS times when cached: both are fast and the machine is
                # shared), each figure the median of its turns.
                pairs = []
                for _round in range(ROUNDS if cached else 1):
                    page_rate = wrk(base + url, seconds)
                    settle(base)
                    pairs.append((page_rate, wrk(base + static[name], seconds)))
                    settle(base)
                out[name][label] = statistics.median(page for page, _static in pairs)
                out[name][f"{label}_static"] = statistics.median(static_rate for _page, static_rate in pairs)
                out[name][f"{label}_ratio"] = statistics.median(page / static_rate for page, static_rate in pairs)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return out


def targets(small, large, rates):
    """[(target, met, detail)] for the issue's targets, from the figures of this run."""
    verdicts = []
    same = [n for n, _u, _k in PAGES if small[n]["queries"] == large[n]["queries"]]
    verdicts.append(
        (
            "queries per request identical at 1× and 100×",
            len(same) == len(PAGES),
            ", ".join(f"{n}: {small[n]['queries']}→{large[n]['queries']}" for n, _u, _k in PAGES if n not in same)
            or "every page",
        )
    )
    for name, _url, kind in PAGES:
        ratio = large[name]["median"] / small[name]["median"]
        if kind == "search":
            ratio = large[name]["median"] / small[ARTICLE]["median"]
            verdicts.append((f"{name}: 100× ≤ 3 × the 1× article page", ratio <= 3, f"{ratio:.2f}×"))
        else:
            verdicts.append((f"{name}: server time 100× ≤ 1.5 × 1×", ratio <= 1.5, f"{ratio:.2f}×"))
    for name, _url, _kind in PAGES:
        rate = rates[name]
        ratio = rate["cached_ratio"]
        verdicts.append((f"{name}: cached ≥ 0.8 × static file", ratio >= 0.8, f"{ratio:.2f}×"))
    rate = rates[ARTICLE]
    ratio = rate["uncached_ratio"]
    verdicts.append(("article page uncached ≥ 0.2 × static file", ratio >= 0.2, f"{ratio:.3f}×"))
    biggest = max(PAGES, key=lambda page: len(large[page[0]]["body"]))[0]
    size = len(large[biggest]["body"]) / 1024
    verdicts.append((f"no page over {MAX_KB} KB at 100×", size <= MAX_KB, f"largest: {biggest}, {size:.0f} KB"))
    return verdicts


def table(vendor, scale, small, large, rates, verdicts, counts, cold):
    lines = [
        f"### {vendor}: 1× and {scale}× ({counts})",
        "",
        "| page | queries 1× | queries 100× | median ms 1× | p95 ms 1× | median ms 100× | p95 ms 100× "
        "| median ms 100×, fragments cold | KB 100× "
        "| req/s uncached | req/s static | req/s cached | req/s static | cached / static |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, _url, _kind in PAGES:
        a, b, c, r = small[name], large[name], cold[name], rates[name]
        lines.append(
            f"| {name} | {a['queries']} | {b['queries']} | {a['median']:.1f} | {a['p95']:.1f} | {b['median']:.1f} "
            f"| {b['p95']:.1f} | {c['median']:.1f} ({c['queries']} q) | {len(b['body']) / 1024:.0f} "
            f"| {r['uncached']:.0f} | {r['uncached_static']:.0f} "
            f"| {r['cached']:.0f} | {r['cached_static']:.0f} | {r['cached_ratio']:.2f} |"
        )
    lines += ["", "| target | met | measured |", "|---|---|---|"]
    lines += [f"| {target} | {'yes' if met else '**no**'} | {detail} |" for target, met, detail in verdicts]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seconds", type=int, default=2, help="seconds of wrk per measurement")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        if os.geteuid() != 0:
            sys.exit("wrk is missing: apt-get install wrk")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="policy-kb-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}"),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "POLICY_KB_VAR_DIR": str(folder),
        "POLICY_KB_CACHE_DIR": str(folder / "cache"),
        "DJANGO_SETTINGS_MODULE": "policy_kb.settings",
    }
    env.pop("DJANGO_PRODUCTION", None)
    os.environ.update({**env, "POLICY_KB_PAGE_CACHE": "0"})
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench.generate import generate
    from core.records import registry
    from incidents.models import Incident
    from laws.models import Act
    from strategy.models import Node, ProvisionLink

    with open(os.devnull, "w") as devnull:
        call_command("migrate", verbosity=0)
        call_command("load_kb", stdout=devnull, stderr=devnull)
        call_command("collectstatic", "--no-input", verbosity=0)
    client = Client()
    small = measure(client, args.runs)
    print(f"1×: measured in {time.monotonic() - started:.0f} s", flush=True)
    generate(args.scale)
    print(f"{args.scale}×: generated in {time.monotonic() - started:.0f} s", flush=True)
    large = measure(client, args.runs)
    settings.POLICY_KB_FRAGMENT_CACHE = False  # the cost of a page's first request after a change of content
    cold = measure(client, COLD_RUNS)
    settings.POLICY_KB_FRAGMENT_CACHE = True
    rates = throughput(env, folder, args.seconds, static_copies(folder, large))
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    links = sum(count for store in registry.link_stores for *_kinds, count in store.summary(None))
    counts = (
        f"{Act.objects.count()} acts, {Node.objects.count():,} parts of documents, {Incident.objects.count():,} "
        f"incidents, {links:,} typed links ({ProvisionLink.objects.count():,} from documents and their parts) "
        f"at {args.scale}×"
    )
    verdicts = targets(small, large, rates)
    text = table(vendor, args.scale, small, large, rates, verdicts, counts, cold)
    text += f"\nMeasured in {time.monotonic() - started:.0f} s.\n"
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"pages-{vendor}.md").write_text(text)
    figures = {
        name: {
            "1x": {k: v for k, v in small[name].items() if k != "body"},
            f"{args.scale}x": {k: v for k, v in large[name].items() if k != "body"}
            | {"bytes": len(large[name]["body"])},
            "fragments_cold": {k: v for k, v in cold[name].items() if k != "body"},
            "requests_per_second": rates[name],
        }
        for name, _url, _kind in PAGES
    }
    (out / f"pages-{vendor}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
