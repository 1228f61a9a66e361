"""Shared fixtures: the real knowledge base loaded once per session, a served site, a browser."""

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A cache of the run's own; pages are rendered every time (query counts are pinned) except in the tests of
    # the page cache, which turn it on (tests/site/test_cache.py).
    settings.CACHES = {
        "default": {
            "BACKEND": "core.filecache.FileCache",
            "LOCATION": tempfile.mkdtemp(prefix="policy-kb-cache-"),
        }
    }
    settings.POLICY_KB_PAGE_CACHE = False
    settings.POLICY_KB_FRAGMENT_CACHE = False  # a rolled-back test leaves the content version where it was


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real knowledge base (fixtures + statute text from the data directory) in the test database."""
    with django_db_blocker.unblock():
        call_command("load_kb", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def kb(db):
    """Access to the loaded knowledge base inside a test transaction."""
    from laws.models import Act

    return Act.objects.get(slug="basic-act-on-cybersecurity")


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (tests run with it off), empty before and after the test."""
    from django.core.cache import cache

    settings.POLICY_KB_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fragment_cache(settings):
    """The fragment cache switched on (tests run with it off), empty before and after the test."""
    from django.core.cache import cache

    settings.POLICY_KB_FRAGMENT_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=["ja", "en"])
def lang(request):
    return request.param


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def served_site_env():
    """The environment of the served site's commands: production settings on a fresh SQLite database in a
    temporary folder (removed at the end of the session)."""
    folder = Path(tempfile.mkdtemp(prefix="policy-kb-site-"))
    env = {
        **os.environ,
        "DJANGO_PRODUCTION": "1",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "served-site-test-key-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "POLICY_KB_VAR_DIR": str(folder),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    yield env
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def served_manage(served_site_env):
    """served_manage(*args, **env): run a manage.py command against the served site's database; returns the
    CompletedProcess (raises CalledProcessError when the command fails)."""

    def run(*args, **extra_env):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**served_site_env, **extra_env},
            check=True,
            capture_output=True,
            text=True,
        )

    return run


@pytest.fixture(scope="session")
def served_site(served_site_env, served_manage):
    """The site in production mode: a fresh SQLite database, collectstatic, gunicorn, DEBUG off."""
    env = served_site_env
    for args in (["migrate", "--no-input", "-v0"], ["load_kb"], ["collectstatic", "--no-input", "-v0"]):
        served_manage(*args)
    with gunicorn_site(env) as base:
        yield base


@contextlib.contextmanager
def gunicorn_site(env, workers=2):
    """Context manager: gunicorn serving policy_kb.wsgi from ROOT with `env` (a dict of environment variables)
    and `workers` sync workers on a free loopback port, until /healthz answers (30 s at most). Yields the base
    URL ("http://127.0.0.1:PORT"); stops the server after the block. Raises RuntimeError with the server's
    output if it does not start."""
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    command = [gunicorn, "policy_kb.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    server = subprocess.Popen(
        [*command, "--log-level", "warning"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                raise RuntimeError(f"gunicorn did not start:\n{output}") from None
            time.sleep(0.2)
    try:
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (apt package), driven by Playwright."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium fonts-noto-cjk` (see .ci/run).")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield instance
        instance.close()
