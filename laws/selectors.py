"""Reads for the law pages: which text to show for a date, and each page's queries."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import format_partial_date
from core.http import shown_value

from .address import is_article_number
from .models import AmendingAct, ArticleNumber, Provision, ProvisionChange, Version


@dataclass
class TextChoice:
    """Which version a page shows, and what the reader must be told about it."""

    version: Version
    as_of: datetime.date | None = None
    requested_version: str = ""
    unreflected: list = field(default_factory=list)  # in force on as_of, not in this text
    uncertain: list = field(default_factory=list)  # promulgated by as_of, in-force date unknown
    after_text_date: bool = False  # as_of is later than the date the text is known for
    commencements: list = field(default_factory=list)  # read for as_of: parts of the text in force later

    def pending(self, article=None, chapter=None, supplementary_article=None):
        """For ?as_of=: (Commencement, state) when the provision (an article number, the number of its chapter,
        or an article of the act's own 附則) was not yet in force on that date (state False) or may not have been
        (None: the date is unknown or falls in the period a partial date stands for); else None."""
        for commencement in self.commencements:
            if commencement.covers(article, chapter, supplementary_article):
                state = commencement.in_force_on(self.as_of)
                if state is not True:
                    return commencement, state
        return None

    @property
    def query(self):
        """The query string that keeps this choice when following links."""
        if self.as_of:
            return f"?as_of={self.as_of.isoformat()}"
        if not self.version.is_in_force():
            return f"?version={self.version.key}"
        return ""

    @property
    def canonical_query(self):
        """The query of this text's own address: ?version=<key> unless it is the text in force (also for ?as_of=,
        whose page shows that version's text)."""
        return "" if self.version.is_in_force() else f"?version={self.version.key}"


def default_version(versions, date):
    """Of an act's versions (ordered by in_force_from), the one in force on `date`, else the earliest; None
    for no versions."""
    in_force = [version for version in versions if version.in_force_from <= date]
    return in_force[-1] if in_force else (versions[0] if versions else None)


def parse_as_of(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadRequest(
            _("“%(value)s” is not a date. Use the form YYYY-MM-DD, for example 2016-04-22.") % {"value": value[:40]}
        ) from None


def choose_text(act, params):
    """The version to show for ?version=… or ?as_of=…; raises BadRequest or Http404."""
    versions = list(act.versions.select_related("amended_through", "source__cited_by").order_by("in_force_from"))
    if not versions:
        raise Http404(_("No version of this act is recorded."))
    as_of_raw = params.get("as_of", "").strip()
    version_key = params.get("version", "").strip()
    if as_of_raw:
        as_of = parse_as_of(as_of_raw)
        if as_of < act.promulgated:
            raise Http404(
                _("The act was promulgated on %(date)s; no text of it existed on %(as_of)s.")
                % {"date": format_partial_date(act.promulgated), "as_of": format_partial_date(as_of)}
            )
        chosen = [v for v in versions if v.in_force_from <= as_of][-1]
        choice = TextChoice(
            chosen, as_of=as_of, commencements=list(chosen.commencements.select_related("source__cited_by"))
        )
        reflected = chosen.amended_through.promulgated if chosen.amended_through_id else None
        for amendment in act.amending_acts.order_by("promulgated", "key"):
            if reflected and amendment.promulgated <= reflected:
                continue
            state = amendment.in_force_on(as_of)
            if state:
                choice.unreflected.append(amendment)
            elif state is None:
                choice.uncertain.append(amendment)
        later = [v for v in versions if v.in_force_from > chosen.in_force_from]
        choice.after_text_date = not later and as_of > chosen.in_force_from
        if chosen.amended_through_id and chosen.amended_through.effective is None and choice.after_text_date:
            choice.uncertain.append(chosen.amended_through)
        return choice
    if version_key:
        for version in versions:
            if version.key == version_key:
                return TextChoice(version, requested_version=version_key)
        raise BadRequest(
            _("There is no version “%(value)s”. Choose one of: %(choices)s.")
            % {"value": version_key[:40], "choices": ", ".join(v.key for v in versions)}
        )
    return TextChoice(default_version(versions, timezone.localdate()))


def toc(version):
    """Chapters with their articles, in one query."""
    chapters = []
    for provision in Provision.objects.for_toc(version):
        if provision.kind == Provision.Kind.CHAPTER:
            chapters.append((provision, []))
        elif chapters:
            chapters[-1][1].append(provision)
    return chapters


@dataclass
class ArticlePage:
    article: Provision
    chapter: Provision | None
    previous: str | None
    next: str | None
    other_versions: list  # [(version, number)]
    changes: list


def article_page(choice, number):
    """Everything the article page shows, in a fixed number of queries whatever the article's length."""
    version = choice.version
    article = Provision.objects.for_article_page(version, number).first()
    if article is None:
        raise Http404(_article_missing(version, number))
    numbers = list(
        Provision.objects.articles().filter(version=version).order_by("tree_id", "lft").values_list("number", flat=True)
    )
    index = numbers.index(article.number)
    other_versions = []
    changes = []
    if article.identity_id:
        other_versions = [
            (p.version, p.number)
            for p in Provision.objects.articles()
            .filter(identity_id=article.identity_id)
            .exclude(version=version)
            .select_related("version")
            .order_by("version__in_force_from")
        ]
        changes = list(
            ProvisionChange.objects.filter(identity_id=article.identity_id)
            .select_related("amending_act__act")
            .order_by("amending_act__promulgated", "kind")
        )
    return ArticlePage(
        article=article,
        chapter=article.parent,
        previous=numbers[index - 1] if index > 0 else None,
        next=numbers[index + 1] if index + 1 < len(numbers) else None,
        other_versions=other_versions,
        changes=changes,
    )


def _article_missing(version, number):
    """Why `version` shows no article `number` (the address's text): its text is not loaded, the number is not
    written as addresses write them (a citation such as 第十二条 or a full-width number), or there is no such
    article."""
    if not version.is_loaded:
        return _("The statute text of the %(version)s is not loaded, so its articles cannot be shown.") % {
            "version": version.label
        }
    if not is_article_number(number):
        return _(
            "“%(number)s” is not an article number as addresses write it (12, 30-2). To open an article by its "
            "citation (第十二条, Art. 12), use “Find a provision by citation”."
        ) % {"number": shown_value(number, 20)}
    return _("There is no Article %(number)s in the %(version)s.") % {"number": number, "version": version.label}


def other_version_numbers_by_identity(act, version):
    """{identity_id: [(Version, number)]}: each article's number in the act's other versions, for the table of
    contents' lineage column (one query)."""
    result = {}
    for numbering in (
        ArticleNumber.objects.filter(version__act=act)
        .exclude(version=version)
        .select_related("version")
        .order_by("version__in_force_from")
    ):
        result.setdefault(numbering.identity_id, []).append((numbering.version, numbering.number))
    return result


def supplementary_blocks(version):
    provisions = list(version.provisions.filter(supplementary=True).order_by("tree_id", "lft"))
    children = {}
    for p in provisions:
        children.setdefault(p.parent_id, []).append(p)
    for p in provisions:
        p.child_list = sorted(children.get(p.pk, []), key=lambda c: c.position)
    blocks = [p for p in provisions if p.parent_id is None]
    keys = {b.number for b in blocks}
    amending = {a.key: a for a in AmendingAct.objects.filter(act=version.act, key__in=keys)}
    return [(block, amending.get(block.number)) for block in sorted(blocks, key=lambda b: b.position)]
