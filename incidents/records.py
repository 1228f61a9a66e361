"""The incidents app's record kind and where its typed links (incident → document, part or provision) are stored."""

from django.db.models import BooleanField, Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from core.records import EdgeSpec, IndexEntry, LinkStore, RecordKind, SearchSpec, slug_ref
from core.relations import RelationType
from core.urls import neutral_path
from strategy.records import TYPED_LINK_RELEVANCE, constant

from .models import Incident, IncidentLink


def incident_ref(incident):
    return slug_ref("incident", incident, "title", "incidents:detail")


def incident_entries(incidents=None):
    """One IndexEntry per incident: title, summary; its deck label, countries and attack types find it too."""
    incidents = incidents if incidents is not None else Incident.objects.all()
    for i in incidents.prefetch_related("countries", "attack_types").order_by("start_date", "slug"):
        countries, attack_types = list(i.countries.all()), list(i.attack_types.all())
        extra = [i.deck_label] + [c.name_ja for c in countries] + [c.name_en for c in countries]
        extra += [a.name_ja for a in attack_types] + [a.name_en for a in attack_types]
        yield IndexEntry(
            kind="incident",
            object_key=i.slug,
            url=neutral_path("incidents:detail", slug=i.slug),
            year=i.start_date.year,
            title_ja=i.title_ja,
            title_en=i.title_en,
            body_ja=i.summary_ja,
            body_en=i.summary_en,
            extra=tuple(extra),
        )


KINDS = (
    RecordKind(
        key="incident",
        model="incidents.Incident",
        plural=_("Incidents"),
        ref=incident_ref,
        order=40,
        public=lambda incidents: incidents.public(),
        sources=lambda incident: incident.sources.all(),
        search=SearchSpec(
            kind="incident",
            model="incidents.Incident",
            entries=incident_entries,
            key=lambda incident: incident.slug,
            affected_by={
                "incidents.Incident": lambda incident: [incident],
                "incidents.Country": lambda country: country.incidents.all(),
                "incidents.AttackType": lambda attack_type: attack_type.incidents.all(),
            },
        ),
    ),
)


def _links_touching(kind, pks):
    return {
        "incident": Q(incident__in=pks),
        "article": Q(identity__in=pks),
        "document": Q(document__in=pks, node__isnull=True),
        "node": Q(node__in=pks),
    }.get(kind)


def _target_kind():
    return Case(
        When(identity__isnull=False, then=Value("article")),
        When(node__isnull=False, then=Value("node")),
        default=Value("document"),
        output_field=CharField(),
    )


def _summarises(then, otherwise):
    """True for a link a part of a document makes to the incident it summarises (stored with the incident)."""
    return Case(
        When(relation_type=RelationType.SUMMARISES, then=Value(then)),
        default=Value(otherwise),
        output_field=BooleanField(),
    )


def _links_grouping(kind):
    if kind == "incident":
        return {"relation": F("relation_type"), "outgoing": _summarises(False, True), "other": _target_kind()}
    if kind in ("article", "document", "node"):
        return {"relation": F("relation_type"), "outgoing": _summarises(True, False), "other": constant("incident")}
    return None


def _links_summary(visible):
    rows = (
        IncidentLink.objects.filter(visible or Q())
        .annotate(target_kind=_target_kind())
        .values("relation_type", "target_kind")
        .annotate(links=Count("pk"))
        .order_by()
    )
    return [
        (row["target_kind"], row["relation_type"], "incident", row["links"])
        if row["relation_type"] == RelationType.SUMMARISES
        else ("incident", row["relation_type"], row["target_kind"], row["links"])
        for row in rows
    ]


def _incident_link_edges(link):
    """The link from the incident to its target; a part of a document that summarises the incident (a slide of a
    briefing) is stored with the incident but reads from the part: the part summarises the incident."""
    target = link.identity or link.node or link.document
    if link.relation_type == RelationType.SUMMARISES:
        return [EdgeSpec(target, link.incident, link.relation_type, link)]
    return [EdgeSpec(link.incident, target, link.relation_type, link)]


LINK_STORES = (
    LinkStore(
        name="incidents.IncidentLink",
        queryset=lambda: IncidentLink.objects.select_related(
            "incident", "document", "node__document", "identity__act", "cited_version__act", "evidence__cited_by"
        ),
        touching=_links_touching,
        edges=_incident_link_edges,
        grouping=_links_grouping,
        relevance=TYPED_LINK_RELEVANCE,
        summary=_links_summary,
        ends=(("incident", "incident"), ("document", "document"), ("node", "node"), ("article", "identity")),
    ),
)
