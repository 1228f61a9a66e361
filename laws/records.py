"""The laws app's record kinds: articles, amending acts and glossary terms, with what search holds for them."""

from django.utils.translation import gettext_lazy as _

from core.records import IndexEntry, RecordKind, Ref, SearchSpec
from core.urls import neutral_path

from .address import ProvisionAddress, cite
from .models import AmendingAct, ArticleIdentity, Provision, Source, Term


def act_short_name(act, language):
    """The act's first short title in a language (基本法 / Basic Act), else its title."""
    short = (getattr(act, f"short_title_{language}", "") or "").split(",")[0].strip()
    return short or getattr(act, f"title_{language}", "") or act.title_ja


def article_ref(identity):
    """Ref of an article identity: 基本法第二十六条（所掌事務等） / Basic Act Art. 26 Affairs…; its page in the
    text in force. Needs identity.act loaded."""
    act = identity.act
    caption_ja, caption_en = identity.caption_ja or "", identity.caption_en or ""
    label_ja = (
        act_short_name(act, "ja") + cite(identity.key, language="ja") + (f"（{caption_ja}）" if caption_ja else "")
    )
    label_en = f"{act_short_name(act, 'en')} {cite(identity.key, language='en')}" + (
        f" {caption_en}" if caption_en else ""
    )
    return Ref(
        f"article:{act.slug}:{identity.key}",
        "article",
        label_ja,
        label_en,
        ProvisionAddress(act.slug, identity.key).path(),
    )


def amendment_ref(amending_act):
    """Ref of an amending act: its law number; needs amending_act.act loaded."""
    return Ref(
        f"amendment:{amending_act.act.slug}:{amending_act.key}",
        "amendment",
        amending_act.law_number_ja,
        amending_act.law_number_en or "",
        neutral_path("laws:amendment", act=amending_act.act.slug, key=amending_act.key),
    )


def term_ref(term):
    return Ref(
        f"term:{term.slug}", "term", term.term_ja, term.term_en or "", neutral_path("glossary-term", slug=term.slug)
    )


# --- Sources of each kind ----------------------------------------------------------------------


def article_sources(identity):
    """The sources of the texts that number the article (each version names the document it was taken from)."""
    return Source.objects.filter(versions__article_numbers__identity=identity).distinct()


def _one(source):
    return [source] if source is not None else []


# --- Search entries ----------------------------------------------------------------------------


def version_facet_key(version):
    """The search index's name of a version: "<act slug>:<version key>" (str), unique across acts, since
    each act names its own versions (two acts may both have a version "current")."""
    return f"{version.act.slug}:{version.key}"


def provision_entries(provisions=None):
    """One IndexEntry per paragraph and item (of articles and of supplementary provisions), newest version
    first; its title names the article, its anchor the paragraph or item."""
    provisions = provisions if provisions is not None else Provision.objects.all()
    provisions = (
        provisions.filter(kind__in=[Provision.Kind.PARAGRAPH, Provision.Kind.ITEM])
        .select_related("version__act", "parent__parent__parent")
        .order_by("-version__in_force_from", "tree_id", "lft")
    )
    for p in provisions:
        act, version = p.version.act, p.version
        chain = _chain(p)
        address = p.address(chain)
        article = next((node for node in chain if node.kind == Provision.Kind.ARTICLE), None)
        if address.paragraph is None or (article is None and not p.supplementary):
            continue
        if p.supplementary:
            title_ja = chain[0].label + (f" {article.label}" if article else "")
            title_en = "Supplementary Provisions" + (f", Art. {article.number}" if article else "")
        else:
            caption_ja, caption_en = article.caption_ja or "", article.caption_en or ""
            title_ja = cite(article.number, language="ja") + (f"（{caption_ja}）" if caption_ja else "")
            title_en = cite(article.number, language="en") + (f" {caption_en}" if caption_en else "")
        yield IndexEntry(
            kind="provision",
            object_key=f"{p.version_id}:{p.pk}",
            url=address.page(),
            anchor=address.anchor,
            version=version_facet_key(p.version),
            superseded=p.version.in_force_until is not None,
            version_label_ja=f"{act.title_ja} · {version.label_ja}",
            version_label_en=f"{act.title_en or act.title_ja} · {version.label_en or version.label_ja}",
            title_ja=title_ja,
            title_en=title_en,
            body_ja=p.text_ja,
            body_en=p.text_en,
        )


def _chain(p):
    """The provisions from the top of p's tree down to p, from the select_related parents."""
    chain = [p]
    while chain[-1].parent_id:
        chain.append(chain[-1].parent)
    return chain[::-1]


def _provisions_below(provision):
    """The provision with its paragraphs and items (an article's, a paragraph's items)."""
    return Provision.objects.filter(
        version_id=provision.version_id,
        tree_id=provision.tree_id,
        lft__gte=provision.lft,
        rght__lte=provision.rght,
    )


def term_entries(terms=None):
    """One IndexEntry per glossary term: the term, its definition, and its other forms and reading."""
    terms = terms if terms is not None else Term.objects.all()
    for t in terms.order_by("slug"):
        yield IndexEntry(
            kind="term",
            object_key=t.slug,
            url=neutral_path("glossary-term", slug=t.slug),
            title_ja=t.term_ja,
            title_en=t.term_en,
            body_ja=t.definition_ja,
            body_en=t.definition_en,
            extra=(t.aliases_ja, t.aliases_en, t.reading),
        )


def _in_act(model, rest):
    """The row of `model` (an article identity or an amending act) keyed "<act slug>:<key>", or None."""
    act, _, key = rest.partition(":")
    return model.objects.select_related("act").filter(act__slug=act, key=key).first() if act and key else None


KINDS = (
    RecordKind(
        key="article",
        model="laws.ArticleIdentity",
        plural=_("Provisions"),
        ref=article_ref,
        order=10,
        ref_related=("act",),
        find=lambda rest: _in_act(ArticleIdentity, rest),
        sources=article_sources,
        search=SearchSpec(
            kind="provision",
            model="laws.Provision",
            entries=provision_entries,
            key=lambda provision: f"{provision.version_id}:{provision.pk}",
            affected_by={
                "laws.Provision": _provisions_below,
                "laws.Version": lambda version: version.provisions.all(),
                "laws.Act": lambda act: Provision.objects.filter(version__act=act),
            },
        ),
    ),
    RecordKind(
        key="amendment",
        model="laws.AmendingAct",
        plural=_("Amending acts"),
        ref=amendment_ref,
        order=60,
        ref_related=("act",),
        find=lambda rest: _in_act(AmendingAct, rest),
        sources=lambda amending_act: _one(amending_act.source),
    ),
    RecordKind(
        key="term",
        model="laws.Term",
        plural=_("Glossary terms"),
        ref=term_ref,
        order=70,
        public=lambda terms: terms.public(),
        sources=lambda term: _one(term.source),
        search=SearchSpec(
            kind="term",
            model="laws.Term",
            entries=term_entries,
            key=lambda term: term.slug,
            affected_by={"laws.Term": lambda term: [term]},
        ),
    ),
)
