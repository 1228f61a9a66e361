"""The published collection of incidents, with their impact figures."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.records import public_queryset
from incidents.models import AttackType, Country, ImpactFigure
from laws.models import Source
from strategy.models import Sector

from .columns import Collection, Column, date, pages, record_key, ref_path, text, translated

# --- Incidents ---------------------------------------------------------------------------------

FIGURES = Collection(
    key="figures",
    label=_("Impact figures"),
    id_column="",
    columns=(
        Column("value", str, lambda f: str(f.value)),
        *translated("unit"),
        *translated("label"),
        Column("approximate", bool, lambda f: f.approximate),
        Column("source", str, lambda f: f.source.key),
    ),
    rows=lambda: (),
)

INCIDENTS = Collection(
    key="incidents",
    label=_("Incidents"),
    kind="incident",
    date_column="start_date",
    columns=(
        Column("key", str, record_key),
        text("slug"),
        *translated("title"),
        *translated("summary"),
        date("start_date"),
        text("start_precision"),
        date("end_date"),
        text("end_precision"),
        Column("countries", list[str], lambda i: [c.code for c in i.countries.all()]),
        Column("attack_types", list[str], lambda i: [a.slug for a in i.attack_types.all()]),
        Column("sectors", list[str], lambda i: [s.slug for s in i.sectors.all()]),
        Column("sectors_interpretation", bool, lambda i: i.sectors_interpretation),
        *translated("attribution"),
        Column(
            "attribution_source",
            str,
            lambda i: i.attribution_source.key if i.attribution_source_id else None,
            optional=True,
        ),
        Column("sources", list[str], lambda i: [s.key for s in i.sources.all()]),
        Column("figures", FIGURES, lambda i: i.figures.all(), csv=False),
        *pages(ref_path),
    ),
    rows=lambda: (
        public_queryset("incident")
        .select_related("attribution_source")
        .prefetch_related(
            Prefetch("countries", queryset=Country.objects.order_by("code")),
            Prefetch("attack_types", queryset=AttackType.objects.order_by("slug")),
            Prefetch("sectors", queryset=Sector.objects.order_by("order")),
            Prefetch("sources", queryset=Source.objects.order_by("key")),
            Prefetch("figures", queryset=ImpactFigure.objects.select_related("source").order_by("id")),
        )
        .order_by("start_date", "slug")
    ),
)
