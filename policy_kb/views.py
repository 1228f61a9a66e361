"""Pages that compose the apps: home, timeline, search, citation resolver, glossary, links, graph."""

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from laws.common import error_response


def root_redirect(request):
    """/ → /ja/ or /en/ by the browser's Accept-Language; Japanese when unsure."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in ("ja", "en"):
        language = "ja"
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return JsonResponse({"status": "error", "database": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


def home(request):
    from .home import home_context

    return render(request, "home.html", home_context())


def bad_request(request, exception=None):
    from django.utils.translation import gettext as _

    return error_response(request, 400, _("The address or its parameters could not be understood."))


def page_not_found(request, exception=None):
    from django.utils.translation import gettext as _

    return error_response(
        request, 404, _("There is no page at this address. Try the search, or start from the home page.")
    )


def server_error(request):
    return HttpResponse(
        "<!doctype html><html lang=ja><meta charset=utf-8><title>500</title>"
        "<h1>500</h1><p>サーバーで問題が起きました。 / Something went wrong on the server.</p>",
        status=500,
    )


def _todo(request, **kwargs):
    return HttpResponse("")


search = resolve = glossary = glossary_term = about_links = graph = _todo
