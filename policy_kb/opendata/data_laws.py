"""The published collections of the laws app's records: acts and versions, articles, provisions, amendments,
glossary and sources (see catalogue.py for how they are published)."""

import datetime

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.records import public_queryset
from core.urls import neutral_path
from laws.models import Act, ArticleNumber, ProvisionChange, Source, Version

from .columns import Collection, Column, date, pages, record_key, ref_path, text, translated

# --- Laws --------------------------------------------------------------------------------------


def _data(version, name, **kwargs):
    """The path of a data file of a version (provisions, Akoma Ntoso), "" while its text is not loaded."""
    return neutral_path(name, act=version.act.slug, version=version.key, **kwargs) if version.is_loaded else ""


VERSIONS = Collection(
    key="versions",
    label=_("Versions"),
    id_column="key",
    columns=(
        text("key"),
        *translated("label"),
        date("in_force_from"),
        date("in_force_until"),
        Column("in_force", bool, lambda v: v.is_in_force()),
        Column(
            "amended_through",
            str,
            lambda v: record_key(v.amended_through) if v.amended_through_id else None,
            optional=True,
        ),
        *translated("note"),
        Column("text_loaded", bool, lambda v: v.is_loaded),
        Column("provisions_csv", str, lambda v: _data(v, "data-provisions", fmt="csv"), link="data"),
        Column("provisions_json", str, lambda v: _data(v, "data-provisions", fmt="json"), link="data"),
        Column("akoma_ntoso_ja", str, lambda v: _data(v, "data-akn", language="ja"), link="data"),
        Column("akoma_ntoso_en", str, lambda v: _data(v, "data-akn", language="en"), link="data"),
    ),
    rows=lambda: (),
)

ACTS = Collection(
    key="acts",
    label=_("Acts and their versions"),
    id_column="key",
    date_column="promulgated",
    lookup=lambda key: Q(slug=key),
    columns=(
        text("key", "slug"),
        *translated("title"),
        *translated("short_title"),
        *translated("law_number"),
        text("egov_law_id"),
        date("promulgated"),
        text("egov_url"),
        text("translation_url"),
        *pages(lambda act: neutral_path("laws:act", act=act.slug)),
        Column("versions", VERSIONS, lambda act: act.versions.all(), csv=False),
    ),
    rows=lambda: Act.objects.prefetch_related(
        Prefetch("versions", queryset=Version.objects.select_related("act", "amended_through__act")),
    ).order_by("promulgated", "slug"),
)


ARTICLES = Collection(
    key="articles",
    label=_("Articles across versions"),
    kind="article",
    columns=(
        Column("key", str, record_key),
        Column("act", str, lambda i: i.act.slug),
        text("number", "key"),
        *translated("caption"),
        Column("numbers", list[str], lambda i: [f"{n.version.key}:{n.number}" for n in i.numbers.all()]),
        *pages(ref_path),
    ),
    rows=lambda: (
        public_queryset("article")
        .select_related("act")
        .prefetch_related(
            Prefetch(
                "numbers", queryset=ArticleNumber.objects.select_related("version").order_by("version__in_force_from")
            )
        )
        .order_by("act__promulgated", "act__slug", "id")
    ),
)


def _keyed(version, provisions, ancestors=()):
    """Each of `provisions` (in statute order, after their `ancestors` in the same order) with its key
    (`provision:<act>:<version>:<path>`, the path naming every level, e.g. chapter-1/article-12/paragraph-2/item-3),
    its parent's key and its address."""
    chain, act = [], version.act.slug
    for provision, shown in [*((a, False) for a in ancestors), *((p, True) for p in provisions)]:
        provision.version = version
        chain = [*chain[: provision.level], provision]
        provision.chain = list(chain)
        provision.key = f"provision:{act}:{version.key}:" + "/".join(f"{p.kind}-{p.number}" for p in chain)
        provision.parent_key = chain[-2].key if len(chain) > 1 else None
        provision.where = provision.address(chain)
        if shown:
            yield provision


def _version(act, version):
    """The version `version` of the act `act` (slugs), its act loaded. Raises Version.DoesNotExist."""
    return Version.objects.select_related("act").get(act__slug=act, key=version)


def _provision_rows(act, version):
    """The provisions of one version in statute order, each with its key and address (see _keyed). Raises
    Version.DoesNotExist for an unknown act or version."""
    version = _version(act, version)
    return _keyed(version, version.provisions.select_related("identity__act").order_by("tree_id", "lft"))


def provisions_page(act, version, start, stop):
    """(number of provisions of the version, its provisions from start to stop with keys and addresses): four
    queries whatever the text's length (the version, the count, the page, the ancestors of the page's first
    provision, whose keys the page's keys continue). Raises Version.DoesNotExist for an unknown act or version."""
    version = _version(act, version)
    provisions = version.provisions.select_related("identity__act").order_by("tree_id", "lft")
    page = list(provisions[start:stop])
    ancestors = []
    if page:
        first = page[0]
        ancestors = provisions.filter(tree_id=first.tree_id, lft__lt=first.lft, rght__gt=first.rght)
    return provisions.count(), list(_keyed(version, page, ancestors))


PROVISIONS = Collection(
    key="provisions",
    label=_("Provisions of a version"),
    scoped=True,
    columns=(
        text("key"),
        Column("act", str, lambda p: p.version.act.slug),
        Column("version", str, lambda p: p.version.key),
        Column("parent", str, lambda p: p.parent_key, optional=True),
        text("kind"),
        Column("supplementary", bool, lambda p: p.supplementary),
        text("number"),
        text("label"),
        Column("citation_ja", str, lambda p: "" if p.kind == "chapter" else p.where.label("ja")),
        Column("citation_en", str, lambda p: "" if p.kind == "chapter" else p.where.label("en")),
        Column("article", str, lambda p: record_key(p.identity) if p.identity_id else None, optional=True),
        Column("anchor", str, lambda p: p.where.anchor),
        *translated("title"),
        *translated("caption"),
        *translated("text"),
        *pages(lambda p: p.where.path()),
    ),
    rows=_provision_rows,
)

CHANGES = Collection(
    key="changes",
    label=_("Changes made"),
    id_column="",
    columns=(
        Column("article", str, lambda c: record_key(c.identity)),
        text("kind"),
        text("from_number"),
        text("to_number"),
        *translated("note"),
        Column("inferred", bool, lambda c: c.inferred),
    ),
    rows=lambda: (),
)

AMENDMENTS = Collection(
    key="amendments",
    label=_("Amending acts"),
    kind="amendment",
    date_column="promulgated",
    columns=(
        Column("key", str, record_key),
        Column("act", str, lambda a: a.act.slug),
        text("number", "key"),
        *translated("law_number"),
        *translated("title"),
        date("promulgated"),
        date("effective"),
        *translated("effective_note"),
        *translated("summary"),
        Column("source", str, lambda a: a.source.key if a.source_id else None, optional=True),
        Column("changes", CHANGES, lambda a: a.changes.all(), csv=False),
        *pages(ref_path),
    ),
    rows=lambda: (
        public_queryset("amendment")
        .select_related("act", "source")
        .prefetch_related(Prefetch("changes", queryset=ProvisionChange.objects.select_related("identity__act")))
        .order_by("promulgated", "act__slug", "key")
    ),
)

SOURCES = Collection(
    key="sources",
    label=_("Sources"),
    date_column="date",
    columns=(
        text("key"),
        text("title"),
        text("title_en"),
        Column("title_supplied", bool, lambda s: s.title_supplied),
        text("publisher"),
        text("publisher_en"),
        text("url"),
        date("date"),
        text("language"),
        text("checked"),
        Column("cited_by", str, lambda s: s.cited_by.key if s.cited_by_id else None, optional=True),
        text("note"),
        text("link_status"),
        Column(
            "link_checked_on", datetime.date, lambda s: s.link_checked_at and s.link_checked_at.date(), optional=True
        ),
    ),
    rows=lambda: Source.objects.select_related("cited_by").order_by("key"),
)

GLOSSARY = Collection(
    key="glossary",
    label=_("Glossary"),
    kind="term",
    columns=(
        Column("key", str, record_key),
        text("slug"),
        *translated("term"),
        text("reading"),
        *translated("aliases"),
        *translated("definition"),
        Column("defined_in", str, lambda t: record_key(t.defined_in) if t.defined_in_id else None, optional=True),
        Column("defined_in_paragraph", int, lambda t: t.defined_in_paragraph, optional=True),
        Column("source", str, lambda t: t.source.key if t.source_id else None, optional=True),
        *pages(ref_path),
    ),
    rows=lambda: public_queryset("term").select_related("defined_in__act", "source").order_by("slug"),
)
