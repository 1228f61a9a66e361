"""Checking the addresses of sources: one short request each, the outcome recorded on the source."""

import concurrent.futures
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.utils import timezone

from core.bulk import bulk_load
from laws.models import Source

USER_AGENT = "policy_kb-source-link-checker/1"


@dataclass(frozen=True)
class LinkResult:
    """What one request to a source's address found.

    source_id: the Source's primary key; status: a Source.LinkStatus value; http_status: the last HTTP status
    received (None without a response); final_url: the address answered after redirects ("" when it is the same
    or there was no answer); error: a short description of a failure ("" on success).
    """

    source_id: int
    status: str
    http_status: int | None = None
    final_url: str = ""
    error: str = ""


def check_url(url, timeout=5.0):
    """Request `url` (GET, redirects followed) and classify the answer. Never raises for a network failure.

    timeout: seconds allowed for connecting and for each read. Returns (status, http_status, final_url, error):
    ok for a 2xx answer at the same address, redirected for a 2xx answer after a redirect, broken for an HTTP
    error status (4xx, 5xx), unreachable for no answer (refused, timed out, name not found, TLS failure).
    """
    if not url.startswith(("http://", "https://")):
        return Source.LinkStatus.UNREACHABLE, None, "", "not an http or https address"
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http and https only)
            final = response.geturl()
            if final != url:
                return Source.LinkStatus.REDIRECTED, response.status, final, ""
            return Source.LinkStatus.OK, response.status, "", ""
    except urllib.error.HTTPError as error:
        final = error.url if error.url and error.url != url else ""
        return Source.LinkStatus.BROKEN, error.code, final, f"HTTP {error.code} {error.reason}"[:300]
    except urllib.error.URLError as error:
        reason = error.reason
        text = "timed out" if isinstance(reason, (TimeoutError, socket.timeout)) else str(reason)
        return Source.LinkStatus.UNREACHABLE, None, "", text[:300]
    except TimeoutError:
        return Source.LinkStatus.UNREACHABLE, None, "", "timed out"
    except Exception as error:
        return Source.LinkStatus.UNREACHABLE, None, "", f"{type(error).__name__}: {error}"[:300]


def check_sources(sources, *, timeout=5.0, workers=8):
    """Check the address of every source in `sources` (a queryset or list) that has one, several at a time, and
    record each outcome and the time of the check on the source. Returns [LinkResult] in the given order.

    A network failure is recorded on its source (status unreachable) and never stops the run.
    """
    sources = [source for source in sources if source.url]
    if not sources:
        return []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        outcomes = list(pool.map(lambda source: check_url(source.url, timeout), sources))
    now = timezone.now()
    results = []
    for source, (status, http_status, final_url, error) in zip(sources, outcomes, strict=True):
        source.link_status, source.link_http_status = status, http_status
        source.link_final_url, source.link_error, source.link_checked_at = final_url, error, now
        results.append(LinkResult(source.pk, status, http_status, final_url, error))
    with bulk_load():  # one write for all; its end tells the page cache that sources changed
        Source.objects.bulk_update(
            sources, ["link_status", "link_http_status", "link_final_url", "link_error", "link_checked_at"]
        )
    return results
