"""The page cache: anonymous pages served from it until content changes, on every process; editors never;
conditional GETs answered with 304; the Redis backend against a real redis-server."""

import html.parser
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from incidents.models import Incident
from laws.models import Term
from tests.conftest import ROOT, free_port, gunicorn_site

pytestmark = pytest.mark.django_db

INCIDENT = "/{lang}/incidents/japan-pension-service-2015/"


def test_a_cached_page_costs_no_query_until_content_changes(client, kb, lang, page_cache, django_assert_num_queries):
    url = INCIDENT.format(lang=lang)
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content and second["ETag"] == first["ETag"]
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    incident.title_en = incident.title_ja = "Changed title for the cache test"
    incident.save()
    third = client.get(url)
    assert "Changed title for the cache test" in third.content.decode()
    assert third["ETag"] != first["ETag"]


def test_a_change_anywhere_in_the_content_invalidates_every_page(client, kb, page_cache):
    client.get("/en/glossary/")
    before = cache.get("policy_kb:content-version")
    Incident.objects.get(slug="opm-2015").countries.clear()  # a many-to-many change of another app's record
    assert cache.get("policy_kb:content-version") != before


def test_editors_are_never_served_from_the_cache_nor_stored_in_it(client, kb, page_cache, django_user_model):
    url = INCIDENT.format(lang="en")
    client.get(url)  # an anonymous reader's request puts the page in the cache
    editor = django_user_model.objects.create(username="editor", is_staff=True)
    client.force_login(editor)
    with CaptureQueriesContext(connection) as editor_queries:
        response = client.get(url)
    assert len(editor_queries) > 0, "an editor's page is rendered, never read from the cache"
    assert response["Cache-Control"] == "private" and "ETag" not in response
    client.logout()
    cache.clear()
    client.force_login(editor)
    client.get(url)  # rendered for the editor: must not be stored for anonymous readers
    client.logout()
    with CaptureQueriesContext(connection) as anonymous_queries:
        anonymous = client.get(url)
    assert len(anonymous_queries) > 0, "the editor's page was stored in the cache"
    assert anonymous["Cache-Control"] == "no-cache" and "Cookie" in anonymous["Vary"]


@pytest.mark.parametrize("cached", [True, False])
@pytest.mark.parametrize(
    "url", [INCIDENT, "/{lang}/incidents/?year=2015", "/{lang}/laws/basic-act-on-cybersecurity/articles/26/"]
)
def test_record_and_list_pages_answer_conditional_gets_with_304(client, kb, lang, settings, cached, url):
    settings.POLICY_KB_PAGE_CACHE = cached
    cache.clear()
    url = url.format(lang=lang)
    response = client.get(url)
    assert response.status_code == 200
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Thu, 01 Jan 2015 00:00:00 GMT").status_code == 200
    Term.objects.get(slug="audit").save()  # a change elsewhere: the page is the same, its ETag still answers 304
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


# --- Several processes: gunicorn with two workers sharing the file cache -------------------------


class FormValues(html.parser.HTMLParser):
    """The values a browser would submit from the admin change form (inputs, textareas, selected options)."""

    def __init__(self):
        super().__init__()
        self.values, self._textarea, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.values.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None


@pytest.fixture(scope="module")
def two_workers():
    """The site under gunicorn, 2 workers, its own SQLite database and file cache, an administrator."""
    folder = Path(tempfile.mkdtemp(prefix="policy-kb-cache-site-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "cache-test-key-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "POLICY_KB_VAR_DIR": str(folder),
        "POLICY_KB_CACHE_DIR": str(folder / "cache"),
        "POLICY_KB_PAGE_CACHE": "1",
    }
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_PRODUCTION", "REDIS_URL"):
        env.pop(name, None)
    python = sys.executable
    create_admin = (
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('admin', 'admin@example.org', 'a-long-test-password-42')"
    )
    for args in (["migrate", "--no-input", "-v0"], ["load_kb"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([python, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([python, "manage.py", "shell", "-c", create_admin], cwd=ROOT, env=env, check=True)
    with gunicorn_site(env) as base:
        yield base
    shutil.rmtree(folder, ignore_errors=True)


def _anonymous(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers


@pytest.mark.server
def test_an_admin_edit_is_seen_by_the_next_request_on_every_worker(two_workers):
    page = f"{two_workers}/en/glossary/audit/"
    for _ in range(8):  # both workers render or read the page: it is in the shared cache
        before, _headers = _anonymous(page)
    assert "Definition edited in the admin" not in before
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{two_workers}/admin/login/?next=/admin/"
    form = FormValues()
    form.feed(browser.open(login, timeout=10).read().decode())
    fields = dict(form.values) | {"username": "admin", "password": "a-long-test-password-42"}
    browser.open(login, urllib.parse.urlencode(fields).encode(), timeout=10)
    assert any(cookie.name == "sessionid" for cookie in jar)
    change = f"{two_workers}/admin/laws/term/"
    listing = browser.open(f"{change}?q=audit", timeout=10).read().decode()
    term_id = re.search(r'href="/admin/laws/term/(\d+)/change/', listing).group(1)
    form = FormValues()
    form.feed(browser.open(f"{change}{term_id}/change/", timeout=10).read().decode())
    values = [(name, value) for name, value in form.values if name != "definition_en"]
    values.append(("definition_en", "Definition edited in the admin."))
    saved = browser.open(f"{change}{term_id}/change/", urllib.parse.urlencode(values).encode(), timeout=10)
    assert saved.geturl().rstrip("/").endswith("/admin/laws/term"), "the admin did not accept the change"
    editor_view = browser.open(page, timeout=10)
    assert editor_view.headers["Cache-Control"] == "private"
    for _ in range(8):  # gunicorn hands the requests to both workers
        after, headers = _anonymous(page)
        assert "Definition edited in the admin." in after
        assert headers["ETag"]


# --- Redis --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def redis_url():
    """A redis-server of the test's own on a free loopback port (apt package redis-server, see .ci/run)."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.fail("redis-server is not installed: `apt-get install redis-server` (see .ci/run).")
    port = free_port()
    server = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    import redis

    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis(port=port).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def test_redis_url_selects_djangos_redis_backend(redis_url):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "REDIS_URL": redis_url, "DJANGO_SETTINGS_MODULE": "policy_kb.settings"}
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_pages_cached_in_redis_are_invalidated_by_a_change(client, kb, redis_url, django_assert_num_queries):
    backend = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    with override_settings(CACHES=backend, POLICY_KB_PAGE_CACHE=True):
        cache.clear()
        url = INCIDENT.format(lang="en")
        client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200
        import redis

        assert any(b"policy_kb:page:" in key for key in redis.Redis.from_url(redis_url).keys("*"))
        incident = Incident.objects.get(slug="japan-pension-service-2015")
        incident.title_en = "Changed in Redis test"
        incident.save()
        assert "Changed in Redis test" in client.get(url).content.decode()
        cache.clear()
