"""Pages that compose the apps: home, search, citation resolver, glossary, error pages (links: link_views)."""

from collections import Counter
from dataclasses import astuple, replace
from functools import partial

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import Resolver404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from core.editing import can_preview, preview_of
from core.http import error_response
from core.i18n import localized, reader_language
from core.imported import ImportedFieldError
from core.jsonld import Site
from core.records import registry
from laws import structured_data
from laws.models import Act, Term, Version

from .cache import fragment
from .citations import NumeralError
from .citations import parse as parse_citation
from .glossary import TermIndex
from .linking import resolve as resolve_citation
from .middleware import preferred_language
from .search import MAX_QUERY_LENGTH, Hit, clean_query, find_any_hits, find_hits, with_entries

RESULTS_PER_PAGE = 20


def search_kind_labels():
    """{index kind: plural label} of every searched record kind, in display order (from the registry)."""
    return {kind.search.kind: kind.plural for kind in registry.searched()}


def root_redirect(request):
    """/ → /ja/ or /en/ by the language cookie or the browser's Accept-Language (policy_kb.middleware); Japanese
    when the header prefers neither. When it refuses both (ja;q=0, en;q=0), 406 with a link to each."""
    language = preferred_language(request)
    if language is None:
        response = render(request, "choose_language.html", status=406)
    else:
        response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def favicon(request):
    """/favicon.ico, which browsers ask for on pages that name no icon (the admin's): the site's icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


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


# --- Search ----------------------------------------------------------------------------------


def search(request):
    raw = request.GET.get("q", "")
    query, problem = clean_query(raw)
    if problem == "too_long":
        raise BadRequest(
            _("The search text is too long: at most %(max)d characters, please.") % {"max": MAX_QUERY_LENGTH}
        )
    kinds = request.GET.getlist("kind")
    version = request.GET.get("version", "")
    year = request.GET.get("year", "")
    labels = search_kind_labels()
    bad = [k for k in kinds if k not in labels]
    if bad or (year and not (year.isdecimal() and len(year) == 4)) or (version and not _is_version_key(version)):
        raise BadRequest(_("A search filter has a value this site does not know. Remove it and try again."))
    context = {"query": query, "kinds": kinds, "version": version, "year": year, "kind_labels": labels}
    if not query:
        return render(request, "search.html", context)
    hits, terms = find_hits(query)
    facets = {
        "kind": Counter(hit.kind for hit in hits),
        "version": Counter(hit.version for hit in hits if hit.version),
        "year": Counter(hit.year for hit in hits if hit.year),
    }
    version_names = {hit.version: hit for hit in hits if hit.version}  # a hit of each version, for its label
    if kinds:
        hits = [hit for hit in hits if hit.kind in kinds]
    if version:
        hits = [hit for hit in hits if not hit.version or _names_version(hit.version, version)]
    if year:
        hits = [hit for hit in hits if hit.year == int(year)]
    page = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    with_entries(page.object_list)
    citation = resolve_citation(query) if parse_citation_quietly(query) else None
    context.update(
        {
            "terms": terms,
            "page": page,
            "total": len(hits),
            "facets": {
                "kind": [(kind, label, facets["kind"][kind]) for kind, label in labels.items() if facets["kind"][kind]],
                "version": [(key, version_names.get(key), count) for key, count in sorted(facets["version"].items())],
                "year": sorted(facets["year"].items(), reverse=True),
            },
            "citation_target": citation.targets[0] if citation and len(citation.targets) == 1 else None,
            "base_query": query_without(request, "page"),
        }
    )
    return render(request, "search.html", context)


def _is_version_key(value):
    """True when `value` names a version the knowledge base holds: "<act slug>:<version key>" as the
    version facet writes it, or a bare version key (any act's version of that key, as older links say)."""
    act, colon, key = value.rpartition(":")
    versions = Version.objects.filter(key=key)
    return (versions.filter(act__slug=act) if colon else versions).exists()


def _names_version(indexed, value):
    """True when the index's version name `indexed` ("<act slug>:<version key>") is the one the filter
    `value` names, qualified or bare."""
    return indexed == value or (":" not in value and indexed.rpartition(":")[2] == value)


def parse_citation_quietly(query):
    """True when the query reads as a citation (so the search page offers to open it)."""
    try:
        return parse_citation(query) is not None
    except NumeralError:
        return False


def query_without(request, *names):
    """The request's query string without the parameters `names` (for links to other pages of a list)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


# --- Citation resolver -----------------------------------------------------------------------


def resolve(request):
    query, problem = clean_query(request.GET.get("q", ""))
    if problem:
        raise BadRequest(_("The citation is too long."))
    if not query:
        return render(request, "resolve.html", {"query": ""})
    result = resolve_citation(query)
    language = reader_language()
    if len(result.targets) == 1:
        return HttpResponseRedirect(f"/{language}{result.targets[0].url}")
    if result.targets:
        return render(request, "resolve.html", {"query": query, "candidates": result.targets})
    held = ", ".join(f"{localized(act, 'title')} ({act.egov_law_id})" for act in Act.objects.order_by("promulgated"))
    messages = {
        "unparsed": _("This does not look like a citation of an article, a paragraph or an item."),
        "no_law": _("This knowledge base holds no such act. It holds: %(acts)s.") % {"acts": held},
        "no_article": _("The act has no such article in the text you asked for."),
        "no_supplementary": _(
            "The supplementary provisions of the act have no such provision in the text you asked for."
        ),
        "no_paragraph": _("The article exists, but it has no such paragraph."),
        "no_item": _("The paragraph exists, but it has no such item."),
    }
    problem = numeral_problem(result.error) if result.problem == "bad_number" else messages[result.problem]
    return render(
        request,
        "resolve.html",
        {"query": query, "problem": problem, "citation": result.citation},
        status=404,
    )


def numeral_problem(error):
    """The reader's explanation of a NumeralError: which number, and why no statute writes it."""
    reasons = {
        "zero": _("Articles, paragraphs and items are numbered from 1; there is no number 0."),
        "leading_zero": _("Statutes do not write a number with a leading zero."),
        "form": _(
            "Statutes write kanji numbers in one form only: 十二, 二十, 百四, 千二百三十四 "
            "(a unit appears once, and 一 is not written before 十, 百 or 千)."
        ),
    }
    return _("“%(numeral)s” is not a number a statute writes. %(reason)s") % {
        "numeral": error.numeral,
        "reason": reasons[error.reason],
    }


# --- Glossary --------------------------------------------------------------------------------


def glossary(request):
    terms = sorted(Term.objects.public().select_related("defined_in"), key=lambda t: t.reading or t.term_ja)
    data = structured_data.glossary_data(Site.of(request), terms)
    return render(request, "glossary.html", {"terms": terms, "structured_data": data})


USES_PER_PAGE = 30


def glossary_term(request, slug):
    """A term with the records that use it, USES_PER_PAGE at a time (?page=), grouped by kind; the counts per
    kind cover every use."""
    term = Term.objects.select_related("defined_in__act", "source__cited_by").filter(slug=slug).first()
    try:
        preview = term is not None and preview_of(term, partial(can_preview, request.user))
    except LookupError:
        term = None
    if term is None:
        raise Http404(_("The glossary has no term at this address. See the glossary."))
    forms = term.forms("ja") + term.forms("en")
    read = {}  # the entries read when the uses are found in this request (not when read from the cache)
    uses = fragment("term-uses", partial(term_uses, term.slug, forms, read), term.slug, *forms)
    counts = Counter(kind for _pk, kind, *_rest in uses)
    page = Paginator(uses, USES_PER_PAGE).get_page(request.GET.get("page"))
    shown = [Hit(*fields) for fields in page.object_list]
    if all(hit.pk in read for hit in shown):
        for hit in shown:
            hit.entry = read[hit.pk]
    else:  # the entries named exist: a rebuilt index is a new content version
        with_entries(shown)
    groups = {}
    for hit in shown:
        groups.setdefault(hit.entry.kind, []).append(hit)
    labels = search_kind_labels()
    return render(
        request,
        "glossary_term.html",
        {
            "term": term,
            "groups": [(labels[kind], groups[kind], counts[kind]) for kind in labels if kind in groups],
            "counts": [(labels[kind], counts[kind]) for kind in labels if counts[kind]],
            "use_count": len(uses),
            "structured_data": structured_data.term_data(Site.of(request), term),
            "page": page,
            "base_query": query_without(request, "page"),
            "preview": preview,
        },
    )


def term_uses(slug, forms, read=None):
    """Every search hit whose texts use the glossary term `slug`, as policy_kb.glossary.TermIndex finds it
    (`forms`: the term's forms in both languages), ordered by kind, each as the tuple of its fields without its
    entry (Hit(*fields) rebuilds it; tuples are quick to read from the cache); the term's own entry is not a
    use. Reads every candidate of the search index: pages ask for it through policy_kb.cache.fragment, once per
    content version. read: a dict filled with {entry pk: SearchEntry} of the uses, for the caller's page."""
    index = TermIndex()
    uses = [
        hit
        for hit in with_entries(find_any_hits([f'"{form}"' for form in forms]))
        if not (hit.entry.kind == "term" and hit.entry.object_key == slug) and index.uses(_texts(hit.entry), slug)
    ]
    order = {kind: rank for rank, kind in enumerate(search_kind_labels())}
    uses.sort(key=lambda hit: order.get(hit.kind, len(order)))
    if read is not None:
        read.update((hit.pk, hit.entry) for hit in uses)
    return [astuple(replace(hit, entry=None)) for hit in uses]


def _texts(entry):
    """The texts of a search entry a glossary term may be used in, with their languages."""
    return [(entry.title_ja, "ja"), (entry.body_ja, "ja"), (entry.title_en, "en"), (entry.body_en, "en")]


# --- Error handlers --------------------------------------------------------------------------


def bad_request(request, exception=None):
    """handler400: the message of a BadRequest raised by a view (translated there), else a general one."""
    if type(exception) is BadRequest and exception.args and isinstance(exception.args[0], str):
        message = exception.args[0]
    else:
        message = _("The address or its parameters could not be understood.")
    return error_response(request, 400, message)


def page_not_found(request, exception=None):
    """handler404: the message of an Http404 raised by a view (translated there), else a general one."""
    if not isinstance(exception, Resolver404) and exception and exception.args and isinstance(exception.args[0], str):
        message = exception.args[0]
    else:
        message = _("There is no page at this address. Try the search, or start from the home page.")
    return error_response(request, 404, message)


def permission_denied(request, exception=None):
    """handler403: what may not be done and what to do instead; an ImportedFieldError names the statute fields."""
    if isinstance(exception, ImportedFieldError):
        message = exception.args[0]
    else:
        message = _(
            "Your account may not open this page. If your work needs it, ask an administrator for the role that "
            "covers it."
        )
    return error_response(request, 403, message)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid security token (opened too long ago, or cookies blocked)."""
    return error_response(
        request,
        403,
        _(
            "The form could not be accepted: it was opened too long ago, or the browser does not keep this site's "
            "cookies. Go back, reload the page and send the form again."
        ),
        title=_("The form has expired"),
    )


def login_locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page a refused login gets (status 429), in the editor's language."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    message = ngettext(
        "Too many failed logins for this account or from this address: logging in is refused for %(minutes)d "
        "minute. Wait that long without trying (every attempt starts the wait again), then log in again.",
        "Too many failed logins for this account or from this address: logging in is refused for %(minutes)d "
        "minutes. Wait that long without trying (every attempt starts the wait again), then log in again.",
        minutes,
    ) % {"minutes": minutes}
    return error_response(request, 429, message)


def server_error(request):
    """handler500: the site's error page in the reader's language, rendered without the database (it may be what
    failed); a plain page in both languages if even that cannot be rendered."""
    try:
        return error_response(
            request,
            500,
            _(
                "Something went wrong on the server. Try again in a moment; if it happens again, please tell the "
                "site's editors."
            ),
        )
    except Exception:
        return HttpResponse(
            "<!doctype html><html lang=ja><meta charset=utf-8><title>500</title>"
            "<h1>500</h1><p>サーバーで問題が起きました。 / Something went wrong on the server.</p>",
            status=500,
        )
