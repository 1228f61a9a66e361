"""Resolving citations to pages, and linking citations and glossary terms inside running text.

Linking works on the plain text before any HTML exists: the text is cut into plain segments and
matches, each segment escaped on its own, so a link can never land inside another link or inside an
HTML attribute.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from laws.address import cite
from laws.models import Act, Provision, Term, Version

from .citations import Citation, find_in_text, parse
from .indexing import path


@dataclass
class Target:
    url: str  # language-neutral path with query and anchor
    label_ja: str
    label_en: str
    version: str = ""


@dataclass
class Resolution:
    citation: Citation | None
    targets: list  # one target: redirect; several: candidates; none: not found
    problem: str = ""  # why nothing was found: "unparsed", "no_article", "no_paragraph", "no_item"


def _act():
    return Act.objects.order_by("pk").first()


def article_target(act, version_key, citation):
    """The page and anchor for a citation in one version, or (None, problem)."""
    article = (
        Provision.objects.articles()
        .filter(version__act=act, version__key=version_key, number=citation.article)
        .select_related("version")
        .first()
    )
    if article is None:
        return None, "no_article"
    if citation.paragraph:
        paragraph = article.get_children().filter(number=str(citation.paragraph)).first()
        if paragraph is None:
            return None, "no_paragraph"
        if citation.item and not paragraph.get_children().filter(number=str(citation.item)).exists():
            return None, "no_item"
    url = path("laws:article", act=act.slug, number=citation.article)
    if version_key != Version.Key.CURRENT:
        url += f"?version={version_key}"
    if citation.anchor:
        url += f"#{citation.anchor}"
    labels = [cite(citation.article, citation.paragraph, citation.item, language) for language in ("ja", "en")]
    version_labels = {"original": ("（制定時の条文）", " (original text)"), "current": ("（現行）", " (current text)")}
    suffix = version_labels.get(version_key, ("", ""))
    return Target(url, labels[0] + suffix[0], labels[1] + suffix[1], version_key), ""


def resolve(query):
    citation = parse(query)
    act = _act()
    if citation is None or act is None:
        return Resolution(citation, [], "unparsed")
    if citation.law_only:
        if citation.law_id and citation.law_id != act.egov_law_id:
            return Resolution(citation, [], "no_law")
        return Resolution(citation, [Target(path("laws:act", act=act.slug), act.title_ja, act.title_en)])
    versions = [citation.version] if citation.version else ["current", "original"]
    targets, problems = [], []
    for version_key in versions:
        target, problem = article_target(act, version_key, citation)
        if target:
            targets.append(target)
        else:
            problems.append(problem)
    if not citation.bare and not citation.version and targets:
        targets = targets[:1]  # an unqualified citation means the text in force
    return Resolution(citation, targets, "" if targets else problems[0])


# --- Linking inside text ---------------------------------------------------------------------


class TermIndex:
    """Every written form of every glossary term, longest first, per language."""

    def __init__(self):
        self.forms = {"ja": [], "en": []}
        for term in Term.objects.all():
            for language in ("ja", "en"):
                for form in term.forms(language):
                    if len(form) >= 2:
                        self.forms[language].append((form, term.slug))
        for language in self.forms:
            self.forms[language].sort(key=lambda pair: len(pair[0]), reverse=True)

    def find(self, text, language, skip_slug=None, taken=()):
        """Leftmost-longest, non-overlapping matches outside the `taken` spans; each term once per text."""
        haystack = text if language == "ja" else text.lower()
        found, used, taken = [], set(), list(taken)
        for form, slug in self.forms[language]:
            if slug in used or slug == skip_slug:
                continue
            needle = form if language == "ja" else form.lower()
            start = 0
            while (index := haystack.find(needle, start)) >= 0:
                end = index + len(needle)
                boundary = language == "ja" or (
                    (index == 0 or not haystack[index - 1].isalnum())
                    and (end == len(haystack) or not haystack[end].isalnum())
                )
                if boundary and not any(s < end and index < e for s, e in taken):
                    found.append((index, end, slug))
                    taken.append((index, end))
                    used.add(slug)
                    break
                start = index + 1
        return found


def link_text(
    text, language, *, page_language=None, terms=None, citation_version="current", act_slug=None, skip_term=None
):
    """Escape text and link the Act's citations and glossary terms in it (no nested links, ever).

    `language` is the text's language (how to read it); links lead to pages in `page_language`.
    """
    if not text:
        return ""
    prefix = f"/{page_language or language}"
    spans = []
    for found in find_in_text(text, language):
        url = path("laws:article", act=act_slug, number=found.citation.article) if act_slug else ""
        if url:
            if citation_version != Version.Key.CURRENT:
                url += f"?version={citation_version}"
            if found.citation.anchor:
                url += f"#{found.citation.anchor}"
            spans.append((found.start, found.end, f"{prefix}{url}", "citation"))
    if terms is not None:
        taken = [(start, end) for start, end, _url, _kind in spans]
        for start, end, slug in terms.find(text, language, skip_slug=skip_term, taken=taken):
            spans.append((start, end, f"{prefix}{path('glossary-term', slug=slug)}", "term"))
    spans.sort()
    out, cursor = [], 0
    for start, end, url, kind in spans:
        out.append(escape(text[cursor:start]))
        out.append(format_html('<a class="{}" href="{}">{}</a>', f"auto-{kind}", url, text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))
