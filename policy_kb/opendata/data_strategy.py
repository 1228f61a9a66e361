"""The published collections of the strategy app's records: documents with their parts, organisations, sectors."""

import datetime

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.records import public_queryset
from laws.models import Source
from strategy.models import PlanEdition

from .columns import Collection, Column, date, pages, record_key, ref_path, reference, text, translated

# --- Strategy ----------------------------------------------------------------------------------

PARTS = Collection(
    key="document-parts",
    label=_("Parts of documents"),
    kind="node",
    columns=(
        Column("key", str, record_key),
        Column("document", str, lambda n: record_key(n.document)),
        Column("parent", str, lambda n: record_key(n.parent) if n.parent_id else None, optional=True),
        text("anchor", "key"),
        text("kind"),
        text("number"),
        *translated("title"),
        text("title_status"),
        *translated("body"),
        *translated("note"),
        Column("level", int, lambda n: n.level),
        *pages(ref_path),
    ),
    rows=lambda: (
        public_queryset("node")
        .select_related("document", "parent__document")
        .order_by("document__slug", "tree_id", "lft")
    ),
)

DOCUMENTS = Collection(
    key="documents",
    label=_("Policy documents"),
    kind="document",
    date_column="decided_on",
    columns=(
        Column("key", str, record_key),
        text("slug"),
        text("kind"),
        *translated("title"),
        text("title_status"),
        reference("deciding_body"),
        date("decided_on"),
        text("decided_precision"),
        *translated("summary"),
        text("pdf_ja"),
        text("pdf_en"),
        reference("supersedes"),
        reference("revises"),
        reference("amending_act"),
        Column("sources", list[str], lambda d: [s.key for s in d.sources.all()]),
        Column("verified", bool, lambda d: d.verified),
        *translated("note"),
        *pages(ref_path),
        Column("parts", PARTS, lambda d: d.public_parts, csv=False),
    ),
    rows=lambda: _documents(),
)


def _documents():
    """Public documents by slug, each with its public parts in tree order (`public_parts`)."""
    parts = public_queryset("node").select_related("document", "parent__document").order_by("tree_id", "lft")
    documents = (
        public_queryset("document")
        .select_related("deciding_body", "supersedes", "revises", "amending_act__act")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("key")))
        .prefetch_related(Prefetch("nodes", queryset=parts, to_attr="public_parts"))
        .order_by("slug")
    )
    return documents


ORGANISATIONS = Collection(
    key="organisations",
    label=_("Organisations"),
    kind="organisation",
    columns=(
        Column("key", str, record_key),
        text("slug"),
        *translated("name"),
        text("abbreviation"),
        text("kind"),
        *translated("description"),
        text("url"),
        reference("parent"),
        Column("sources", list[str], lambda o: [s.key for s in o.sources.all()]),
        *pages(ref_path),
    ),
    rows=lambda: (
        public_queryset("organisation")
        .select_related("parent")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("key")))
        .order_by("slug")
    ),
)


def _edition_sectors():
    """Every sector of every action-plan edition (rows of the editions' sectors table: `planedition`, `sector`),
    by edition then sector order."""
    return PlanEdition.sectors.through.objects.select_related(
        "planedition__document", "planedition__decided_by", "sector"
    ).order_by("planedition__number", "sector__order", "sector__slug")


def _edition_sector(key):
    """The Q of the row keyed "<edition number>:<sector slug>", None for a key of another shape."""
    number, _sep, slug = key.partition(":")
    return Q(planedition__number=int(number), sector__slug=slug) if number.isdigit() and slug else None


SECTORS = Collection(
    key="sectors",
    label=_("Critical infrastructure sectors per action-plan edition"),
    date_column="decided_on",
    date_field="planedition__decided_on",
    lookup=_edition_sector,
    columns=(
        Column("key", str, lambda row: f"{row.planedition.number}:{row.sector.slug}"),
        Column("edition", int, lambda row: row.planedition.number),
        Column("edition_name_ja", str, lambda row: row.planedition.name_ja or ""),
        Column("edition_name_en", str, lambda row: row.planedition.name_en or ""),
        Column("decided_on", datetime.date, lambda row: row.planedition.decided_on, optional=True),
        Column("decided_precision", str, lambda row: row.planedition.decided_precision),
        Column("document", str, lambda row: record_key(row.planedition.document), optional=True),
        Column("sector", str, lambda row: row.sector.slug),
        Column("sector_name_ja", str, lambda row: row.sector.name_ja or ""),
        Column("sector_name_en", str, lambda row: row.sector.name_en or ""),
        Column("sector_name_en_draft", bool, lambda row: row.sector.name_en_draft),
        Column("order", int, lambda row: row.sector.order),
    ),
    rows=_edition_sectors,
)
