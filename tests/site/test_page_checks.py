"""One page of every public page type, in both languages, through the Nu Html Checker and axe-core (WCAG 2.2 AA).

The pages come from the site served by gunicorn in production mode; the checkers are the npm packages of
package.json (`make test` runs `npm ci` when node_modules is missing): vnu-jar runs on Java from Debian
(default-jre-headless), axe-core is injected into the system Chromium (the context bypasses the site's CSP,
which would otherwise block the injected script).
"""

import json
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ACT = "/laws/basic-act-on-cybersecurity"

# (path under /ja or /en, expected status): one page of each type, and the states that change a page's markup
PAGES = [
    ("/", 200),
    ("/laws/", 200),
    (f"{ACT}/", 200),
    (f"{ACT}/?as_of=2014-12-01", 200),  # the as-of form and a chapter not yet in force
    (f"{ACT}/articles/25/", 200),  # article with its record graph
    (f"{ACT}/articles/24/?as_of=2014-12-01", 200),  # an article not yet in force on that date
    (f"{ACT}/articles/3/parallel/", 200),
    (f"{ACT}/supplementary/", 200),
    (f"{ACT}/amendments/", 200),
    (f"{ACT}/amendments/H28-31/", 200),
    ("/strategy/", 200),
    ("/strategy/documents/cs-strategy-2015/", 200),
    ("/strategy/documents/cs-strategy-2015/m-5-2-2/", 200),
    ("/strategy/sectors/", 200),
    ("/strategy/organisations/", 200),
    ("/strategy/organisations/nisc/", 200),
    ("/incidents/", 200),
    ("/incidents/japan-pension-service-2015/", 200),
    ("/incidents/chart/", 200),
    ("/timeline/", 200),
    ("/search/", 200),
    ("/search/?q=監査", 200),
    ("/resolve/", 200),
    ("/resolve/?q=附則第一条", 200),  # candidates
    ("/resolve/?q=第百百条", 404),  # a refused citation
    ("/glossary/", 200),
    ("/glossary/audit/", 200),
    ("/links/", 200),
    ("/graph/", 200),
    ("/no-such-page/", 404),
    ("/search/?q=監査&kind=secret", 400),
]


def urls(base):
    """[(url, expected status)] of every page in both languages, and the language choice at / (406)."""
    out = [
        (f"{base}/{lang}" + urllib.parse.quote(path, safe="/?=&"), status)
        for lang in ("ja", "en")
        for path, status in PAGES
    ]
    return out


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def tools():
    """The paths of vnu.jar and axe.min.js; fails with what to install when they are missing."""
    if not VNU_JAR.exists() or not AXE.exists():
        pytest.fail("node_modules is missing: run `npm ci --ignore-scripts` (make test does).")
    if shutil.which("java") is None:
        pytest.fail("Java is not installed: `apt-get install default-jre-headless` (see .ci/run).")
    return VNU_JAR, AXE


def test_every_page_type_validates_with_the_nu_html_checker(served_site, tools, tmp_path):
    files = {}
    pages = [*urls(served_site), (f"{served_site}/", 406)]
    for index, (url, status) in enumerate(pages):
        headers = {"Accept-Language": "ja;q=0, en;q=0"} if status == 406 else {}
        got, body = fetch(url, headers)
        assert got == status, url
        path = tmp_path / f"page-{index:03}.html"
        path.write_bytes(body)
        files[path.resolve().as_uri()] = url
    result = subprocess.run(
        ["java", "-jar", str(tools[0]), "--errors-only", "--format", "json", *[str(p) for p in tmp_path.iterdir()]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{files.get(m.get('url'), m.get('url'))}: {m.get('message')} [{m.get('extract', '')}]" for m in messages
    ]
    assert problems == [], "\n".join(problems)
    assert len(files) == 2 * len(PAGES) + 1


def test_every_page_type_has_no_axe_violation_in_either_language(served_site, tools, browser):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    violations, checked = [], 0
    try:
        for url, status in urls(served_site):
            response = page.goto(url)
            assert response.status == status, url
            page.add_script_tag(path=str(tools[1]))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            checked += 1
            for violation in result["violations"]:
                node = violation["nodes"][0]
                violations.append(
                    f"{url}: {violation['id']} ({violation['impact']}) ×{len(violation['nodes'])} {node['html'][:160]}"
                )
    finally:
        context.close()
    assert violations == [], "\n".join(violations)
    assert checked == 2 * len(PAGES)
