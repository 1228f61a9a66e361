"""The bilingual skeleton: language redirect, alternates, language switch, fallback, health, errors."""

import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.test import override_settings
from django.utils import translation

from tests.conftest import ROOT
from tests.factories import SMALL_STATUTE, VersionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("ja,en;q=0.5", "/ja/"), ("fr-FR,fr;q=0.9", "/ja/"), ("", "/ja/")],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/laws/", "/{lang}/laws/basic-act-on-cybersecurity/articles/12/"])
def test_every_page_has_lang_canonical_and_alternates(client, lang, path):
    response = client.get(path.format(lang=lang))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    url = path.format(lang=lang)
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    for other in ("ja", "en"):
        assert f'<link rel="alternate" hreflang="{other}" href="http://testserver{path.format(lang=other)}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path.format(lang="ja")}">' in html


def test_language_switch_leads_to_the_same_record_with_its_query(client):
    html = client.get("/ja/laws/basic-act-on-cybersecurity/articles/25/?version=original").content.decode()
    switch = re.search(r'<a lang="en" hreflang="en" rel="alternate" href="([^"]+)"', html)
    assert switch is not None
    assert switch.group(1) == "/en/laws/basic-act-on-cybersecurity/articles/25/?version=original"
    current = re.search(r'<span lang="ja" aria-current="true">日本語</span>', html)
    assert current is not None


def test_missing_english_falls_back_to_japanese_visibly(client):
    from laws.models import Provision

    version = VersionFactory(text=SMALL_STATUTE)  # imported text: Japanese only
    paragraph = Provision.objects.get(version=version, kind="paragraph", parent__number="1", parent__kind="article")
    url = f"/laws/{version.act.slug}/articles/1/"
    html = client.get(f"/en{url}").content.decode()
    body = html[html.index('id="p1"') :]
    fallback = re.search(r'<span lang="ja">(.*?)</span> <span class="fallback-marker">Japanese original</span>', body)
    assert fallback is not None
    assert re.sub(r"<[^>]+>", "", fallback.group(1)) == paragraph.text_ja  # glossary terms may be linked inside
    Provision.objects.filter(pk=paragraph.pk).update(text_en="This Act aims at testing.")
    html = client.get(f"/en{url}").content.decode()
    assert "This Act aims at testing." in html[html.index('id="p1"') :]
    ja = client.get(f"/ja{url}").content.decode()
    assert "fallback-marker" not in ja


def test_interface_is_translated_in_both_languages(client):
    ja = client.get("/ja/").content.decode()
    en = client.get("/en/").content.decode()
    assert "本文へ移動" in ja and "Skip to main content" in en
    assert "法令" in ja and ">Laws<" in en


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize(("lang_code", "words"), [("ja", "ページが見つかりません"), ("en", "Page not found")])
def test_404_page_in_the_readers_language(client, lang_code, words):
    with override_settings(DEBUG=False):
        response = client.get(f"/{lang_code}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang_code}">' in html
    assert words in html


def test_admin_is_outside_the_language_prefix(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert client.get("/ja/admin/").status_code == 404


def test_check_deploy_is_clean_in_production_settings():
    env = {
        "DJANGO_PRODUCTION": "1",
        "DJANGO_SECRET_KEY": "x" * 60 + "-deploy-check-key",
        "DJANGO_ALLOWED_HOSTS": "kb.example",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"DJANGO_PRODUCTION": "1", "DJANGO_ALLOWED_HOSTS": "kb.example", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    from django.conf import settings

    assert settings.DEBUG is False
    with translation.override("en"):
        assert translation.get_language() == "en"


@pytest.mark.server
class TestProductionMode:
    """gunicorn + whitenoise + DEBUG off, on a fresh database built by the same commands as `make serve`."""

    def fetch(self, url):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")

    def test_pages_static_files_and_headers(self, served_site):
        status, headers, html = self.fetch(f"{served_site}/ja/")
        assert status == 200
        assert '<html lang="ja">' in html
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "<script>" not in html and " style=" not in html
        css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
        assert css, "stylesheet must be served under its hashed name"
        request = urllib.request.Request(served_site + css.group(1), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Encoding"] == "gzip"
            assert "immutable" in response.headers["Cache-Control"]

    def test_errors_are_pages_not_tracebacks(self, served_site):
        status, _headers, html = self.fetch(f"{served_site}/en/no-such-page/")
        assert status == 404
        assert "Page not found" in html and "Traceback" not in html
        status, _headers, _html = self.fetch(f"{served_site}/healthz")
        assert status == 200


@pytest.mark.parametrize("language", ["ja", "en"])
def test_interface_catalogues_are_complete(language):
    catalogue = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
