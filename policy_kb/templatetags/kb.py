"""Template helpers used by every page: translated content with a visible fallback, partial dates,
language alternates, citations and links."""

from functools import partial

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import jsonld
from core.dates import PartialDate, format_partial_date
from core.i18n import localized, mark_japanese_runs, reader_language
from core.jsonld import Site
from core.layout import text as text_layout
from core.relations import relation_wording
from laws.address import cite
from policy_kb import source_display

register = template.Library()
FALLBACK_HTML = '<span lang="ja">{}</span> <span class="fallback-marker">{}</span>'


def _lang():
    return reader_language()


@register.simple_tag
def tr(obj, field, block=False):
    """Content in the reader's language; the Japanese original, marked and with lang="ja", if missing. Japanese
    words quoted in English text are marked lang="ja". English whose Japanese changed after it was last saved
    (core.editing.Edited.stale_fields) is marked as not yet updated, with the current Japanese original after it."""
    if obj is None:
        return ""
    value = localized(obj, field)
    text = escape(value.text)
    if block:
        text = mark_safe(text.replace("\n", "<br>"))
    if value.is_fallback:
        return format_html(
            '<span lang="ja">{}</span> <span class="fallback-marker">{}</span>', text, _("Japanese original")
        )
    if value.lang == "en" and field in _stale_fields(obj):
        original = escape(localized(obj, field, "ja").text)
        if block:
            original = mark_safe(original.replace("\n", "<br>"))
        return format_html(
            '{} <span class="stale-marker">{}</span> <span class="stale-original">{} <span lang="ja">{}</span></span>',
            mark_japanese_runs(text),
            _("English not yet updated"),
            _("Current Japanese original:"),
            original,
        )
    return mark_japanese_runs(text) if value.lang != "ja" else text


@register.filter
def japanese_runs(html):
    """On English pages, mark the Japanese words in a text (an example citation, a search snippet) lang="ja"."""
    return mark_japanese_runs(conditional_escape(html)) if _lang() != "ja" else html


@register.simple_tag
def bracketed(value):
    """`value` in brackets after what precedes it, as the reader's language writes them: "（所掌事務等）" in
    Japanese, " (Affairs under Its Jurisdiction)" (with a space) in English. Returns safe HTML."""
    if reader_language() == "ja":
        return format_html("（{}）", value)
    return format_html(" ({})", value)


@register.simple_tag
def link_suffix(url=""):
    """The visible note after an external link: (PDF) or (external site), in the reader's language."""
    return source_display.link_suffix(url)


def _stale_fields(obj):
    stale = getattr(obj, "stale_fields", None)
    return stale() if callable(stale) else []


@register.inclusion_tag("includes/_record_status.html")
def record_status(record):
    """Under a record's heading: a "draft, not public" banner when readers may not see it (only editors reach
    such a page), and "Last updated" with the local date of its latest saved change (from its history)."""
    moment = getattr(record, "last_updated", None)
    date = timezone.localdate(moment) if moment else None
    is_public = getattr(record, "is_public", None)
    return {"date": PartialDate(date) if date else None, "draft": callable(is_public) and not is_public()}


@register.simple_tag
def tr_text(obj, field):
    """Plain text in the reader's language with fallback, for attributes and titles."""
    return localized(obj, field).text if obj is not None else ""


@register.simple_tag
def pdate(date, precision="day", with_era=True):
    """<time> with the date at its precision, e.g. 2011年秋 / autumn 2011."""
    if date is None:
        return ""
    value = date if isinstance(date, PartialDate) else PartialDate(date, precision or "day")
    return format_html(
        '<time datetime="{}">{}</time>', value.iso, format_partial_date(value.date, value.precision, with_era=with_era)
    )


@register.simple_tag
def commencement_pending(choice, article=None, chapter=None, supplementary_article=None):
    """For a ?as_of= page: (Commencement, state) when the provision was not yet (False) or perhaps not yet (None)
    in force on that date, else None (see laws.selectors.TextChoice.pending)."""
    return choice.pending(article, chapter, supplementary_article) if choice and choice.as_of else None


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """The same page (same record, same query) in another language."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_language_url(context, language):
    """The absolute address of this page's text in `language`, for the canonical and hreflang links: the path,
    plus the query that names which text it is when the view sets one (`canonical_query`, e.g. the version of
    an act: ?version=original), so every alternate names the same text in the same version."""
    request = context["request"]
    url = translate_url(request.path + context.get("canonical_query", ""), language)
    try:
        base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # the 400 page for a request with a host this site does not serve
        base = ""
    return base + url


@register.simple_tag(takes_context=True)
def lang_path(context, url):
    """Prefix a language-neutral path stored in the index (e.g. /laws/...) with the reader's language."""
    return f"/{_lang()}{url}"


@register.simple_tag
def citation(number, paragraph=None, item=None, language=None):
    return cite(number, paragraph, item, language or _lang())


@register.simple_tag
def relation_label(relation_type, outgoing=True):
    return relation_wording(relation_type, outgoing)


@register.filter
def spaced_lines(lines):
    """The lines of a wrapped SVG label, spaced where they break between words (core.layout.text)."""
    return text_layout.spaced_lines(lines)


@register.filter
def spoken_name(lines, full):
    """The accessible name of an SVG box showing `lines` of the label `full` (core.layout.text)."""
    return text_layout.spoken_name(lines, full)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def source_link(source):
    """A source as pages cite it: its title (linked when it has an address, in the reader's language or marked
    with its own), what this knowledge base has seen of it, and whether its title is supplied or its address
    failed when last checked. See policy_kb.source_display."""
    return source_display.source_html(source, _lang())


@register.simple_tag
def source_publisher(source):
    """The publisher of a source in the reader's language, or marked with the language it is written in."""
    return source_display.publisher_html(source, _lang())


def _preview(context):
    """True when the page is an editor's preview of a draft (its context's `preview`, or its page's)."""
    return bool(context.get("preview") or getattr(context.get("page"), "preview", False))


def _link_groups(context, record):
    """The record's link groups and the records at their other ends (policy_kb.relations.link_groups), read once
    per render: the links panel and the relation graph share them. In an editor's preview of a draft, the
    draft's own links are kept (links to other drafts are left out all the same)."""
    from core.records import registry
    from policy_kb.relations import link_groups

    preview = _preview(context)
    return _per_render(
        context,
        f"kb_links:{registry.key(record)}:{preview}",
        lambda: link_groups(record, language=_lang(), preview=preview),
    )


@register.simple_tag(takes_context=True)
def record_links(context, record, heading=None):
    """The panel of a record's links in both directions, grouped by relation and record kind: the most relevant
    few of each group, its number of links and the address of its full list (policy_kb.fragments)."""
    from policy_kb.fragments import record_links_html

    groups = partial(_link_groups, context, record)
    return record_links_html(record, groups, preview=_preview(context), language=_lang(), heading=heading)


@register.simple_tag
def ref_label(ref):
    """A record's label in the reader's language, marked lang="ja" with the fallback marker when untranslated."""
    label = ref.label(_lang())
    if ref.label_lang(_lang()) != _lang():
        return format_html(
            '<span lang="ja">{}</span> <span class="fallback-marker">{}</span>', label, _("Japanese original")
        )
    return mark_japanese_runs(escape(label)) if _lang() != "ja" else label


@register.simple_tag
def title_marker(record):
    """A visible marker after a document's or a part's title that does not come from the document itself: named as
    another source cites it, supplied by this knowledge base, or (on Japanese pages) translated from English."""
    status = getattr(record, "title_status", "document")
    if status == "translated" and _lang() != "ja":
        return ""
    labels = {
        "cited": _("title as another source names it"),
        "supplied": _("title supplied by this knowledge base"),
        "translated": _("Japanese title translated from the English version"),
    }
    return format_html(' <span class="title-supplied">{}</span>', labels[status]) if status in labels else ""


@register.simple_tag
def figure_unit(figure):
    """An impact figure's unit in the reader's language, singular in English for a value of exactly 1."""
    if _lang() == "en" and figure.value == 1 and figure.unit_en_singular:
        return figure.unit_en_singular
    return tr(figure, "unit")


@register.simple_tag
def draft_marker(record):
    """On English pages, a visible marker after a name whose English is a draft (record.name_en_draft)."""
    if _lang() != "en" or not getattr(record, "name_en_draft", False):
        return ""
    return format_html(' <span class="draft">{}</span>', _("draft English name"))


@register.simple_tag
def provision_label(provision):
    """A chapter's, article's, paragraph's or item's label in the reader's language: 第一章 / Chapter I."""
    return provision.label if _lang() == "ja" else provision.label_en


@register.simple_tag
def edge_citation(edge):
    return edge.citation(_lang())


def _per_render(context, key, build):
    """One value per template render (e.g. the glossary's forms, read once however many texts are linked)."""
    cache = context.render_context
    if key not in cache:
        cache[key] = build()
    return cache[key]


@register.simple_tag(takes_context=True)
def tr_linked(context, obj, field, version=None):
    """Like tr, with citations of the knowledge base's acts and glossary terms in the text turned into links.

    version: the Version the text belongs to (for a provision), so its own citations lead to the same text.
    """
    from policy_kb.glossary import TermIndex
    from policy_kb.linking import Acts, link_text

    if obj is None:
        return ""
    value = localized(obj, field)
    html = link_text(
        value.text,
        value.lang,
        page_language=_lang(),
        terms=(terms := _per_render(context, "kb_term_index", TermIndex)),
        acts=_per_render(context, "kb_acts", lambda: Acts(names=terms.act_names)),
        context=version,
    )
    if value.is_fallback:
        return format_html(
            '<span lang="ja">{}</span> <span class="fallback-marker">{}</span>', html, _("Japanese original")
        )
    return mark_japanese_runs(html) if value.lang != "ja" else html


@register.simple_tag(takes_context=True)
def record_graph(context, record):
    """The record and its most relevant neighbours to depth 2 as an SVG of links, with a text list underneath
    and the number of links left out (policy_kb.fragments)."""
    from policy_kb.fragments import record_graph_html

    groups = partial(_link_groups, context, record)
    return record_graph_html(record, groups, preview=_preview(context), language=_lang())


# --- Breadcrumbs -----------------------------------------------------------------------------

_TRAIL = "_breadcrumb_trail"


def _breadcrumb_json_ld(context, trail):
    """The trail as a schema.org BreadcrumbList (JSON-LD), Home first, every step an absolute URL."""
    request = context.get("request")
    if request is None:
        return ""
    site = Site.of(request)
    steps = [(site.base + reverse("home"), _("Home"))]
    steps += [(site.base + (url if url is not None else request.path), label) for url, label in trail]
    return jsonld.script(jsonld.breadcrumb_list(steps))


class BreadcrumbsNode(template.Node):
    """Renders includes/breadcrumbs.html with the (url, label) pairs its {% crumb %} tags collected."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        trail = []
        with context.push({_TRAIL: trail}):
            self.nodelist.render(context)
        partial = context.template.engine.get_template("includes/breadcrumbs.html")
        return partial.render(context.new({"crumbs": trail})) + _breadcrumb_json_ld(context, trail)


class CrumbNode(template.Node):
    """Adds one (url, label) pair to the enclosing trail; url is None for the current page."""

    def __init__(self, parts, nodelist):
        self.parts, self.nodelist = parts, nodelist

    def render(self, context):
        if _TRAIL not in context:
            raise template.TemplateSyntaxError("{% crumb %} is used only inside {% breadcrumbs %}")
        url = "".join(str(part.resolve(context)) for part in self.parts) if self.parts else None
        context[_TRAIL].append((url, mark_safe(self.nodelist.render(context).strip())))
        return ""


@register.tag
def breadcrumbs(parser, token):
    """{% breadcrumbs %}{% crumb url %}label{% endcrumb %}…{% crumb %}current page{% endcrumb %}{% endbreadcrumbs %}

    The trail after Home, rendered by the one partial includes/breadcrumbs.html. Each {% crumb %} names a
    link: its arguments are joined into the URL (e.g. `act.get_absolute_url choice.query "#art-" number`) and
    its content, rendered as any template (so {% tr %} keeps its Japanese fallback), is the label. A crumb
    without arguments is the current page (aria-current="page"); it comes last.
    """
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist)


@register.tag
def crumb(parser, token):
    """{% crumb part… %}label{% endcrumb %}: one step of the enclosing {% breadcrumbs %} (see there)."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endcrumb",))
    parser.delete_first_token()
    return CrumbNode(parts, nodelist)


@register.simple_tag
def json_ld(data):
    """The page's schema.org description as a JSON-LD script block ("" when the view gave none)."""
    return jsonld.script(data) if data else ""
