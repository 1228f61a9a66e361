"""Language negotiation for addresses without a language prefix (a language the reader refuses is never chosen),
the read-only public site (a POST outside the admin gets 405), and the former addresses of renamed records (a page
not found there is answered with a 301 to the current one)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from core.http import error_response
from core.i18n import negotiate_language

from .models import Redirect


def preferred_language(request):
    """The language for a request without /ja/ or /en/ in its path: the language cookie if it names one of the
    site's languages that the Accept-Language header does not refuse, else the header's choice
    (core.i18n.negotiate_language); None when the header refuses every language of the site."""
    supported = [code for code, _name in settings.LANGUAGES]
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in supported and negotiate_language(header, [cookie], cookie) is not None:
        return cookie
    return negotiate_language(header, supported, settings.LANGUAGE_CODE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, with the language of an address without prefix chosen by preferred_language (so
    Accept-Language: en;q=0 never leads to English), and no redirect when every language is refused."""

    def process_request(self, request):
        if translation.get_language_from_path(request.path_info):
            return super().process_request(request)
        translation.activate(preferred_language(request) or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        if not translation.get_language_from_path(request.path_info) and preferred_language(request) is None:
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class RedirectFallbackMiddleware:
    """On a 404, look the request's path up among the stored redirects (policy_kb.models.Redirect) and answer
    with a permanent redirect, keeping the query string. Costs a query only on a 404 (pages' counts stay)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        new_path = Redirect.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)


READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlySiteMiddleware:
    """Outside the admin (and the API, which answers for itself) the site only reads: any other method gets
    the 405 page in the reader's language with an Allow header (OPTIONS: that header alone), before the CSRF
    check (which would call it an expired form). Placed after the LocaleMiddleware and before the
    CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(("/admin/", "/api/")):
            return self.get_response(request)
        if request.method == "OPTIONS":  # what the page allows, without the page
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(READ_METHODS)
            response["Content-Length"] = "0"
            return response
        if request.method in READ_METHODS:
            return self.get_response(request)
        response = error_response(
            request,
            405,
            _("This page can only be read: it accepts no form or data sent to it. Open it with an ordinary link."),
        )
        response["Allow"] = ", ".join(READ_METHODS)
        return response
