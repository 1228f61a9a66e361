"""The published collections of the strategy app's records: documents with their parts, organisations, sectors."""

import datetime

from django.db.models import Prefetch
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
    """(edition, sector) pairs: every sector of every action-plan edition, by edition then sector order."""
    for edition in PlanEdition.objects.select_related("document", "decided_by").prefetch_related("sectors"):
        for sector in sorted(edition.sectors.all(), key=lambda s: s.order):
            yield edition, sector


SECTORS = Collection(
    key="sectors",
    label=_("Critical infrastructure sectors per action-plan edition"),
    date_column="decided_on",
    columns=(
        Column("key", str, lambda pair: f"{pair[0].number}:{pair[1].slug}"),
        Column("edition", int, lambda pair: pair[0].number),
        Column("edition_name_ja", str, lambda pair: pair[0].name_ja or ""),
        Column("edition_name_en", str, lambda pair: pair[0].name_en or ""),
        Column("decided_on", datetime.date, lambda pair: pair[0].decided_on, optional=True),
        Column("decided_precision", str, lambda pair: pair[0].decided_precision),
        Column("document", str, lambda pair: record_key(pair[0].document), optional=True),
        Column("sector", str, lambda pair: pair[1].slug),
        Column("sector_name_ja", str, lambda pair: pair[1].name_ja or ""),
        Column("sector_name_en", str, lambda pair: pair[1].name_en or ""),
        Column("sector_name_en_draft", bool, lambda pair: pair[1].name_en_draft),
        Column("order", int, lambda pair: pair[1].order),
    ),
    rows=_edition_sectors,
)
