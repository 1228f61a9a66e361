"""Loading the strategy fixture: create what is missing, never overwrite an editor's record."""

from django.db import transaction

from core.dates import DatePrecision, check_partial_date
from laws.models import AmendingAct
from laws.services import ContentError, bilingual, get_or_create_source, parse_date, resolve_law_reference

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector


def partial_date(value, where):
    """{"date": ..., "precision": ...} → (date, precision), checked against the precision's convention."""
    if not value:
        return None, DatePrecision.DAY
    date = parse_date(value["date"])
    precision = value.get("precision", DatePrecision.DAY)
    if precision not in DatePrecision.values:
        raise ContentError(f"{where}: unknown date precision {precision!r}")
    if error := check_partial_date(date, precision):
        raise ContentError(f"{where}: {error}")
    return date, precision


def _link_sources(record, sources):
    keyed = {}
    for data in sources:
        source = get_or_create_source(data)
        keyed[data["key"]] = source
        record.sources.add(source)
    return keyed


def _evidence(keyed, key, where):
    if not key:
        return None
    if isinstance(key, dict):
        return get_or_create_source(key)
    if key in keyed:
        return keyed[key]
    try:
        return get_or_create_source(key)
    except ContentError:
        raise ContentError(f"{where}: unknown source key {key!r}") from None


@transaction.atomic
def load_strategy(*, data):
    sectors = {}
    for entry in data.get("sectors", []):
        sectors[entry["slug"]], _ = Sector.objects.get_or_create(
            slug=entry["slug"], defaults={"order": entry["order"], **bilingual(entry, "name")}
        )
    organisations = {}
    for entry in data.get("organisations", []):
        organisations[entry["slug"]], _ = Organisation.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "abbreviation": entry.get("abbreviation", ""),
                "kind": entry.get("kind") or Organisation.Kind.OTHER,
                "url": entry.get("url", ""),
                **bilingual(entry, "name", "description"),
            },
        )
    for entry in data.get("organisations", []):
        parent = entry.get("parent")
        organisation = organisations[entry["slug"]]
        if parent and organisation.parent_id is None:
            organisation.parent = _lookup(organisations, parent, f"organisation {entry['slug']}: parent")
            organisation.save(update_fields=["parent"])
    if not OrganisationRelation.objects.exists():
        for index, entry in enumerate(data.get("organisation_relations", [])):
            where = f"organisation relation #{index + 1}"
            OrganisationRelation.objects.create(
                source=_lookup(organisations, entry["source"], where),
                target=_lookup(organisations, entry["target"], where),
                relation_type=entry["type"],
                evidence=_evidence({}, entry.get("citation"), where),
                interpretation=entry.get("interpretation", False),
                **_law(entry.get("legal_basis"), where),
                **bilingual(entry, "note"),
            )
    documents = {}
    for entry in data.get("documents", []):
        documents[entry["slug"]] = _load_document(entry, organisations)
    for entry in data.get("documents", []):
        document = documents[entry["slug"]]
        changed = []
        for field in ("supersedes", "revises"):
            if entry.get(field) and getattr(document, f"{field}_id") is None:
                setattr(document, field, _lookup(documents, entry[field], f"document {entry['slug']}: {field}"))
                changed.append(field)
        if changed:
            document.save(update_fields=changed)
    for entry in data.get("plan_editions", []):
        where = f"plan edition {entry['number']}"
        decided_on, precision = partial_date(entry.get("decided"), where)
        edition, created = PlanEdition.objects.get_or_create(
            number=entry["number"],
            defaults={
                "decided_on": decided_on,
                "decided_precision": precision,
                "decided_by": organisations.get(entry.get("decided_by")),
                "document": documents.get(entry.get("document")) if entry.get("document") else None,
                "verified": entry.get("verified", True),
                "note": entry.get("note", ""),
                **bilingual(entry, "name"),
            },
        )
        if created:
            edition.sectors.set([_lookup(sectors, slug, where) for slug in entry.get("sectors", [])])
    return documents


def _lookup(table, key, where):
    try:
        return table[key]
    except KeyError:
        raise ContentError(f"{where}: unknown reference {key!r}") from None


def _law(ref, where):
    try:
        return resolve_law_reference(ref)
    except ContentError as error:
        raise ContentError(f"{where}: {error}") from None


def _load_document(entry, organisations):
    where = f"document {entry['slug']}"
    decided_on, precision = partial_date(entry.get("decided"), where)
    amending_act = None
    if entry.get("amending_act"):
        ref = entry["amending_act"]
        amending_act = AmendingAct.objects.filter(act__slug=ref.get("act", ""), key=ref.get("key", "")).first()
        if amending_act is None:
            raise ContentError(f"{where}: unknown amending act {entry['amending_act']!r}")
    document, created = Document.objects.get_or_create(
        slug=entry["slug"],
        defaults={
            "kind": entry["kind"],
            "deciding_body": organisations.get(entry.get("deciding_body")) if entry.get("deciding_body") else None,
            "decided_on": decided_on,
            "decided_precision": precision,
            "pdf_ja": entry.get("pdf_ja", ""),
            "pdf_en": entry.get("pdf_en", ""),
            "amending_act": amending_act,
            "verified": entry.get("verified", True),
            "note": entry.get("note", ""),
            **bilingual(entry, "title", "summary"),
        },
    )
    if not created:
        return document
    keyed = _link_sources(document, entry.get("sources", []))
    for link in entry.get("links", []):
        _create_link(document, None, link, keyed, where)
    _load_nodes(document, None, entry.get("nodes", []), keyed, where)
    return document


def _load_nodes(document, parent, nodes, keyed, where):
    for position, data in enumerate(nodes):
        node = Node.objects.create(
            document=document,
            parent=parent,
            key=data["key"],
            kind=data["kind"],
            number=data.get("number", ""),
            note=data.get("note", ""),
            position=position,
            **bilingual(data, "title", "body"),
        )
        for link in data.get("links", []):
            _create_link(document, node, link, keyed, f"{where} node {data['key']}")
        _load_nodes(document, node, data.get("children", []), keyed, where)


def _create_link(document, node, link, keyed, where):
    ProvisionLink.objects.create(
        document=document,
        node=node,
        relation_type=link["type"],
        evidence=_evidence(keyed, link.get("source"), where),
        interpretation=link.get("interpretation", False),
        **_law(link.get("law"), where),
        **bilingual(link, "note"),
    )
