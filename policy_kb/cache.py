"""Pages for anonymous readers, cached per address and language, and invalidated by one content version.

Every change of content (a save, a delete or a many-to-many change of any model of the content apps, or the
end of a bulk load) advances the content version, a value kept in the cache itself; a cached page is stored
under the version it was rendered at, so the next request after a change misses on every process and machine
that shares the cache. The version is advanced at once and again when the transaction commits, so a page
rendered between the change and its commit is not kept. Requests that carry a session cookie (editors, and
so every draft) are never served from the cache nor stored in it. Anonymous pages carry an ETag and a
Last-Modified date (the version's) and answer conditional GETs with 304.

The cache is Django's "default" cache: a file-based cache shared by the processes of one machine, or Redis
when REDIS_URL is set (see settings and README, "Performance").
"""

import hashlib
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from core.bulk import bulk_load_finished, in_bulk_load
from laws.signals import version_text_replaced

CONTENT_APPS = {"laws", "strategy", "incidents"}
VERSION_KEY = "policy_kb:content-version"
PAGE_TIMEOUT = 60 * 60 * 24  # seconds a page is kept at most (a new content version replaces it sooner)


# --- The content version -----------------------------------------------------------------------


def content_version():
    """(version token, time of the change in seconds since the epoch) of the content now; a missing version
    (a new or flushed cache) is started here."""
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        value = cache.get(VERSION_KEY) or _new_version()
    token, _, changed = value.partition("@")
    return token, float(changed or 0)


def _new_version():
    return f"{uuid.uuid4().hex}@{time.time():.0f}"


def advance_content_version():
    """Start a new content version now and again after the current transaction commits (a unique token each
    time, so two processes advancing it at once cannot leave it where it was)."""
    cache.set(VERSION_KEY, _new_version(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_version(), timeout=None))


def _is_content(sender):
    return getattr(getattr(sender, "_meta", None), "app_label", None) in CONTENT_APPS


@receiver(post_save)
@receiver(post_delete)
def content_saved_or_deleted(sender, raw=False, **kwargs):
    if _is_content(sender) and not raw and not in_bulk_load():
        advance_content_version()


@receiver(m2m_changed)
def content_links_changed(sender, action, **kwargs):
    if _is_content(sender) and action.startswith("post_") and not in_bulk_load():
        advance_content_version()


@receiver(bulk_load_finished)
@receiver(version_text_replaced)
def content_loaded(sender, **kwargs):
    advance_content_version()


# --- The release --------------------------------------------------------------------------------


def _release():
    """A fingerprint of the code, templates, translations and static manifest, so a new release never serves
    pages cached by an older one (the same files give the same fingerprint on every machine)."""
    digest = hashlib.sha1(usedforsecurity=False)
    base = Path(settings.BASE_DIR)
    files = [
        path
        for folder in ("core", "laws", "strategy", "incidents", "policy_kb", "templates", "locale")
        for path in sorted((base / folder).rglob("*"))
        if path.suffix in {".py", ".html", ".mo"}
    ]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


RELEASE = None


def release():
    """The release's fingerprint (12 hex characters, see _release), computed once per process on first use:
    the first request of each worker reads the code, template and catalogue files once."""
    global RELEASE
    if RELEASE is None:
        RELEASE = _release()
    return RELEASE


# --- Fragments ---------------------------------------------------------------------------------


def fragment(name, compute, *parts):
    """The value of compute() for the content now: computed once per content version (and release) and then
    read from the cache, so the expensive parts of pages (a glossary term's uses, the network's counts) follow
    the pages' one invalidation rule. name: what is cached; parts: what the value depends on besides the
    content (strings or numbers, e.g. a slug). compute() must return a picklable value that does not depend on
    who asks (no drafts an editor alone may see). With POLICY_KB_FRAGMENT_CACHE off, compute() runs every time.
    """
    if not getattr(settings, "POLICY_KB_FRAGMENT_CACHE", True):
        return compute()
    token, _changed = content_version()
    address = hashlib.md5("\x1f".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    key = f"policy_kb:fragment:{release()}:{token}:{name}:{address}"
    stored = cache.get(key)
    if stored is None:
        stored = (compute(),)
        cache.set(key, stored, PAGE_TIMEOUT)
    return stored[0]


# --- The middleware -----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Serves and stores anonymous readers' pages (GET, under a language prefix) from the cache, and answers
    their conditional GETs. Placed right after SecurityMiddleware (which still redirects plain HTTP in
    production), so a cached page costs two cache reads and no other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        release()  # fingerprinted once, when the process starts
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        if not self._anonymous_page(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                response.headers.setdefault("Cache-Control", "private")
            return response
        token, changed = content_version()
        key = self._key(request, token)
        use_cache = getattr(settings, "POLICY_KB_PAGE_CACHE", True)
        stored = cache.get(key) if use_cache else None
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            return get_conditional_response(
                request, etag=response.headers["ETag"], last_modified=changed, response=response
            )
        response = self.get_response(request)
        if not self._storable(request, response):
            return response
        response.headers["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response.headers["Last-Modified"] = http_date(changed)
        response.headers["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Cookie"])
        if use_cache:
            cache.set(key, (response.status_code, list(response.headers.items()), response.content), PAGE_TIMEOUT)
        return get_conditional_response(
            request, etag=response.headers["ETag"], last_modified=changed, response=response
        )

    def _anonymous_page(self, request):
        return (
            request.method == "GET"
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def _key(self, request, token):
        address = hashlib.md5(f"{request.get_host()}{request.get_full_path()}".encode(), usedforsecurity=False)
        return f"policy_kb:page:{release()}:{token}:{address.hexdigest()}"

    @staticmethod
    def _storable(request, response):
        control = response.headers.get("Cache-Control", "")
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in control for word in ("private", "no-store", "no-cache"))
            and not (user is not None and user.is_authenticated)
        )
