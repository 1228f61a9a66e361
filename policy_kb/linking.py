"""Resolving citations to pages, and linking citations and glossary terms inside running text.

Which act a citation names is decided from the acts' own records (titles, short titles, law numbers, e-Gov
IDs), so a citation of another law is never taken for one of this knowledge base. Linking works on the plain
text before any HTML exists: the text is cut into plain segments and matches, each segment escaped on its
own, so a link can never land inside another link or inside an HTML attribute.
"""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.numerals import law_number_key
from core.urls import neutral_path
from laws.address import ProvisionAddress
from laws.models import Provision, Version
from laws.records import act_short_name
from laws.selectors import default_version

from .citations import Citation, NumeralError, find_in_text, parse
from .supplementary import amending_act_numbered, supplementary_targets

_NAME_CHAR_RE = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff々〆ヶ]")


@dataclass
class Target:
    """Where a citation leads: url is a language-neutral path with query and anchor."""

    url: str
    label_ja: str
    label_en: str
    version: str = ""


@dataclass
class Resolution:
    """citation: what was parsed (or None); targets: one → redirect, several → candidates, none → problem;
    problem: "unparsed", "bad_number", "no_law", "no_article", "no_supplementary", "no_paragraph" or
    "no_item"; error: the NumeralError of a "bad_number"."""

    citation: Citation | None
    targets: list
    problem: str = ""
    error: NumeralError | None = None


class Acts:
    """The acts of the knowledge base with their versions, read on first use (one query), and which act a
    written name means.

    names: when the caller already holds every act's names ({language: [name]}, e.g. a glossary TermIndex),
    a name that is none of them is answered without reading the acts.
    """

    def __init__(self, acts=None, names=None):
        self._acts = list(acts) if acts is not None else None
        self._versions = {}
        self._names = names

    @property
    def acts(self):
        if self._acts is None:
            by_act = {}
            for version in Version.objects.select_related("act").order_by("act__promulgated", "in_force_from"):
                by_act.setdefault(version.act_id, (version.act, []))[1].append(version)
            self._acts = []
            for act, versions in by_act.values():
                self._acts.append(act)
                self._versions[act.pk] = versions
        return self._acts

    def named(self, written, language):
        """(act, offset of the name in `written`) for the act whose title or short title ends `written` at a
        word boundary; (None, -1) when `written` names no act of the knowledge base."""
        if self._acts is None and self._names is not None:
            known = [(name, lang) for lang in ("ja", "en") for name in self._names.get(lang, [])]
            if all(_ends_with_name(written, name, lang) < 0 for name, lang in known):
                return None, -1
        best = (None, -1, 0)
        for act in self.acts:
            for lang in ("ja", "en"):
                for name in act.names(lang):
                    offset = _ends_with_name(written, name, lang)
                    if offset >= 0 and len(name) > best[2]:
                        best = (act, offset, len(name))
        return best[0], best[1]

    def with_law_number(self, written):
        key = law_number_key(written)
        for act in self.acts:
            if key and key in {law_number_key(act.law_number_ja), law_number_key(act.law_number_en or "")}:
                return act
        return None

    def versions(self, act, which):
        """The versions a citation means: "enacted" → the act as enacted, "in_force" → the text in force
        today, None → both of those when they differ (a bare number), else the text in force."""
        if act.pk not in self._versions:
            self._versions[act.pk] = list(act.versions.all())
        versions = sorted(self._versions[act.pk], key=lambda v: v.in_force_from)
        if not versions:
            return []
        in_force = default_version(versions, timezone.localdate())
        if which == "enacted":
            return [versions[0]]
        if which == "in_force":
            return [in_force]
        return [in_force] if in_force == versions[0] else [in_force, versions[0]]


_LAW_WORDS = {"act", "law", "code", "order", "amending", "partially", "enforcement", "rules", "regulations"}


def _ends_with_name(written, name, language):
    """Offset of `name` at the end of `written` (ignoring case and a leading "the" in English), or -1.

    Japanese: the name must not continue a longer name (デジタル社会形成基本法 does not end with the name 基本法).
    English: only capitalised words that are no part of an act's name may come before it ("See Basic Act"),
    so "Order for Enforcement of the Basic Act on Cybersecurity" and "Act Partially Amending the Basic Act on
    Cybersecurity" do not name the Basic Act.
    """
    if language == "en":
        text = re.sub(r"^(?:the|The)\s+", "", written.strip().rstrip(" ,"))
        wanted = name.removeprefix("The ").removeprefix("the ")
        if text.casefold() == wanted.casefold():
            return 0
        if not text.casefold().endswith(" " + wanted.casefold()):
            return -1
        prefix = text[: len(text) - len(wanted)].split()
        if all(word[:1].isupper() and word.casefold().strip(",") not in _LAW_WORDS for word in prefix):
            return len(text) - len(wanted)
        return -1
    if not written.endswith(name):
        return -1
    offset = len(written) - len(name)
    if offset > 0 and _NAME_CHAR_RE.match(written[offset - 1]):
        return -1
    return offset


def _article_targets(citation, pairs):
    """Targets for (act, version) pairs, checking the article, paragraph and item exist (one query each)."""
    versions = [version for _act, version in pairs]
    articles = Provision.objects.articles().filter(version__in=versions, number=citation.article)
    articles = list(articles.prefetch_related("children__children") if citation.paragraph else articles)
    by_version = {article.version_id: article for article in articles}
    targets, problem = [], "no_article"
    for _act, version in pairs:
        article = by_version.get(version.pk)
        if article is None:
            continue
        if citation.paragraph:
            paragraph = next((p for p in article.children.all() if p.number == str(citation.paragraph)), None)
            if paragraph is None:
                problem = "no_paragraph"
                continue
            if citation.item and not any(i.number == str(citation.item) for i in paragraph.children.all()):
                problem = "no_item"
                continue
        act = version.act
        address = ProvisionAddress.in_version(version, citation.article, citation.paragraph, citation.item)
        label_ja, label_en = address.label("ja"), address.label("en")
        name_ja, name_en = act_short_name(act, "ja"), act_short_name(act, "en")
        label_en = f"{name_en} {label_en} ({version.label_en or version.label_ja})"
        targets.append(Target(address.path(), f"{name_ja}{label_ja}（{version.label_ja}）", label_en, version.key))
    return targets, problem


def resolve(query, acts=None):
    """Resolve a search-box citation to the page(s) it names. Returns a Resolution."""
    try:
        citation = parse(query)
    except NumeralError as error:
        return Resolution(None, [], "bad_number", error)
    if citation is None:
        return Resolution(None, [], "unparsed")
    acts = acts or Acts()
    if citation.law_only:
        act = (
            next((a for a in acts.acts if a.egov_law_id == citation.law_id), None)
            if citation.law_id
            else acts.with_law_number(citation.law)
        )
        if act is None:
            return Resolution(citation, [], "no_law")
        return Resolution(citation, [Target(neutral_path("laws:act", act=act.slug), act.title_ja, act.title_en)])
    blocks = None
    if citation.amending:
        amending = amending_act_numbered(citation.amending)
        if amending is None:
            return Resolution(citation, [], "no_law")
        named, blocks = [amending.act], [amending.key]
    elif citation.law:
        language = "en" if citation.law.isascii() else "ja"
        act, _offset = acts.named(citation.law, language)
        if act is None:
            return Resolution(citation, [], "no_law")
        named = [act]
    else:
        named = acts.acts
    which = citation.version if citation.version or citation.bare else "in_force"
    pairs = [(act, version) for act in named for version in acts.versions(act, which)]
    if citation.supplementary:
        found, problem = supplementary_targets(citation, pairs, blocks)
        targets = [Target(*target) for target in found]
    else:
        targets, problem = _article_targets(citation, pairs)
    return Resolution(citation, targets, "" if targets else problem)


# --- Linking inside text ---------------------------------------------------------------------


# Another act named in running text: a Japanese name with its law number in parentheses, 同法 ("the said act"),
# or an English name of capitalised words ending in Act, Law or Code ("this Act" and "Cabinet Order" are not).
_JA_MENTION_RE = re.compile(
    r"(?P<law>[^\s0-9０-９第、。，．「」『』（）()・：:]*?(?:法律|法))[（(][^（）()]*法律第[^（）()]*号[）)]|同法"
)
_EN_MENTION_RE = re.compile(
    r"(?P<law>(?:[A-Z][\w'-]*\s+)+(?:Act|Law|Code)\b(?:\s+(?:on|for|of|concerning|regarding)\s+[^,;.()\n]+)?)"
    r"|\bsaid\s+Act\b"
)


def other_act_in_reach(text, language, found, context):
    """True when `text` names an act other than the context's act (or refers back to one: 同法, the said Act), so
    a citation that names no act cannot be taken for one of the context's act. `found`: its citations. Only the
    context act's own names are read (the act is loaded with its version): no query."""
    names = [item.citation.law for item in found if item.citation.law and not item.citation.supplementary]
    pattern = _JA_MENTION_RE if language == "ja" else _EN_MENTION_RE
    for match in pattern.finditer(text):
        if match.group("law") is None:
            return True
        names.append(match.group("law"))
    own = context.act.names(language)
    return any(all(_ends_with_name(name, title, language) < 0 for title in own) for name in names)


def citation_spans(text, language, acts, context=None):
    """[(start, end, path)] for the citations in `text` that name an act of the knowledge base.

    A citation is linked to the act it names, and to nothing when that act is not in the knowledge base. One
    that names no act (第十二条, Article 12) belongs to `context` (a Version: the text being read, a provision of
    an act) when no other act is in reach: the text names no other act and does not refer back to one. Without
    a context it is not linked. Citations of supplementary provisions are not linked (which 附則 block they mean
    depends on where they stand), and never taken for main articles.
    """
    spans = []
    found = find_in_text(text, language)
    bare = any(not item.citation.law and not item.citation.supplementary for item in found)
    bare_allowed = bare and context is not None and not other_act_in_reach(text, language, found, context)
    for item in found:
        citation, start = item.citation, item.start
        if citation.supplementary:
            continue
        if citation.law:
            act, offset = acts.named(citation.law, language)
            if act is None:
                continue
            start += offset if language == "ja" else 0
            version = context if context is not None and context.act_id == act.pk else None
        elif bare_allowed:
            act, version = context.act, context
        else:
            continue
        if version is None:
            versions = acts.versions(act, "in_force")
            if not versions:
                continue
            version = versions[0]
        address = ProvisionAddress.in_version(version, citation.article, citation.paragraph, citation.item)
        spans.append((start, item.end, address.path()))
    return spans


def link_text(text, language, *, page_language=None, terms=None, acts=None, context=None, skip_term=None):
    """Escape text and link its citations of the knowledge base's acts and its glossary terms (never nested).

    language: the text's language (how to read it); page_language: the language of the pages linked to;
    acts: an Acts (read once per page); context: the Version the text belongs to, for its own citations.
    """
    if not text:
        return ""
    prefix = f"/{page_language or language}"
    spans = [
        (start, end, f"{prefix}{path}", "citation")
        for start, end, path in citation_spans(text, language, acts or Acts(), context)
    ]
    if terms is not None:
        taken = [(start, end) for start, end, _url, _kind in spans]
        for start, end, slug in terms.find(text, language, skip_slug=skip_term, taken=taken):
            spans.append((start, end, f"{prefix}{neutral_path('glossary-term', slug=slug)}", "term"))
    spans.sort()
    out, cursor = [], 0
    for start, end, url, kind in spans:
        out.append(escape(text[cursor:start]))
        out.append(format_html('<a class="{}" href="{}">{}</a>', f"auto-{kind}", url, text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))
