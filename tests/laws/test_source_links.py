"""Checking the addresses of sources against a local HTTP server: an answer, a redirect, a missing page, a server
too slow to answer and a port nobody listens on, each recorded on its source without stopping the run."""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from laws.models import Source
from laws.services.links import check_url
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5  # seconds; the slow page takes longer than this to answer


class Pages(BaseHTTPRequestHandler):
    """/ok answers, /moved redirects to /ok, /missing is not found, /slow answers after the timeout."""

    def do_GET(self):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(TIMEOUT * 4)
        status = 404 if self.path == "/missing" else 200
        body = b"not found" if status == 404 else b"a page"
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting for the slow page, as it should

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    """A local HTTP server on a free port: its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    """An address on this machine where nothing listens (the connection is refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_an_answering_address_is_ok(site):
    assert check_url(f"{site}/ok", TIMEOUT) == (Source.LinkStatus.OK, 200, "", "")


def test_a_redirect_is_recorded_with_the_address_it_leads_to(site):
    status, code, final, error = check_url(f"{site}/moved", TIMEOUT)
    assert (status, code, final, error) == (Source.LinkStatus.REDIRECTED, 200, f"{site}/ok", "")


def test_a_missing_page_is_broken_with_its_status(site):
    status, code, _final, error = check_url(f"{site}/missing", TIMEOUT)
    assert (status, code) == (Source.LinkStatus.BROKEN, 404)
    assert error.startswith("HTTP 404")


def test_a_server_too_slow_to_answer_is_unreachable_within_the_timeout(site):
    started = time.monotonic()
    status, code, _final, error = check_url(f"{site}/slow", TIMEOUT)
    assert time.monotonic() - started < TIMEOUT * 3
    assert (status, code) == (Source.LinkStatus.UNREACHABLE, None)
    assert "timed out" in error


def test_a_refused_connection_is_unreachable(closed_port):
    status, code, _final, error = check_url(closed_port, TIMEOUT)
    assert (status, code) == (Source.LinkStatus.UNREACHABLE, None)
    assert "refused" in error.lower()


def test_the_command_checks_every_address_records_each_outcome_and_completes(site, closed_port):
    sources = {
        name: SourceFactory(url=url)
        for name, url in {
            "ok": f"{site}/ok",
            "moved": f"{site}/moved",
            "missing": f"{site}/missing",
            "slow": f"{site}/slow",
            "refused": closed_port,
        }.items()
    }
    no_address = SourceFactory(url="")
    out = io.StringIO()
    with translation.override("en"):
        call_command(
            "check_source_links", *[s.key for s in sources.values()], no_address.key, timeout=TIMEOUT, stdout=out
        )
    expected = {
        "ok": (Source.LinkStatus.OK, 200),
        "moved": (Source.LinkStatus.REDIRECTED, 200),
        "missing": (Source.LinkStatus.BROKEN, 404),
        "slow": (Source.LinkStatus.UNREACHABLE, None),
        "refused": (Source.LinkStatus.UNREACHABLE, None),
    }
    for name, source in sources.items():
        source.refresh_from_db()
        assert (source.link_status, source.link_http_status) == expected[name], name
        assert source.link_checked_at is not None, name
    assert sources["moved"].link_final_url == f"{site}/ok"
    no_address.refresh_from_db()
    assert no_address.link_checked_at is None and no_address.link_status == Source.LinkStatus.UNCHECKED
    summary = "5 addresses checked; broken or unreachable: 3."
    assert summary in out.getvalue()


def test_only_unchecked_leaves_checked_sources_alone(site):
    checked = SourceFactory(url=f"{site}/missing")
    call_command("check_source_links", checked.key, timeout=TIMEOUT, stdout=io.StringIO())
    checked.refresh_from_db()
    first_check = checked.link_checked_at
    fresh = SourceFactory(url=f"{site}/ok")
    call_command(
        "check_source_links", checked.key, fresh.key, only_unchecked=True, timeout=TIMEOUT, stdout=io.StringIO()
    )
    checked.refresh_from_db()
    fresh.refresh_from_db()
    assert checked.link_checked_at == first_check
    assert fresh.link_status == Source.LinkStatus.OK


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create(username="source-editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_the_admin_lists_broken_and_unchecked_sources(admin_client, site, closed_port):
    broken, fine = SourceFactory(url=f"{site}/missing"), SourceFactory(url=f"{site}/ok")
    unchecked = SourceFactory(url="https://example.org/never-checked")
    call_command("check_source_links", broken.key, fine.key, timeout=TIMEOUT, stdout=io.StringIO())
    page = admin_client.get(reverse("admin:laws_source_changelist"), {"address": "attention", "q": "Test source"})
    assert page.status_code == 200
    listed = set(page.context["cl"].result_list)
    assert broken in listed and unchecked in listed and fine not in listed
    page = admin_client.get(reverse("admin:laws_source_changelist"), {"address": "broken"})
    assert broken in set(page.context["cl"].result_list) and unchecked not in set(page.context["cl"].result_list)


def test_a_broken_address_is_shown_to_readers(client, site):
    from tests.factories import IncidentFactory

    source = SourceFactory(url=f"{site}/missing")
    incident = IncidentFactory(sources=[source])
    assert 'class="link-broken"' not in client.get(f"/en/incidents/{incident.slug}/").content.decode()
    call_command("check_source_links", source.key, timeout=TIMEOUT, stdout=io.StringIO())
    html = client.get(f"/en/incidents/{incident.slug}/").content.decode()  # not the page as cached before
    assert 'class="link-broken"' in html and "address broken" in html
