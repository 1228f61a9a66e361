"""Loading the strategy fixture: create what is missing, never overwrite an editor's record."""

from django.db import transaction

from core.dates import DatePrecision, check_partial_date
from laws.models import AmendingAct
from laws.services import ContentError, SourceBook, bilingual, parse_date, resolve_law_reference

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector, TitleStatus


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


def _add_sources(record, keys, sources, where):
    """Attach the sources named by `keys` (keys or inline definitions) to record.sources; {key: Source}."""
    keyed = {}
    for index, value in enumerate(keys):
        source = sources.get(value, f"{where} sources[{index}]")
        keyed[source.key] = source
        if isinstance(value, dict):
            keyed[value["key"]] = source
        record.sources.add(source)
    return keyed


def _evidence(keyed, key, sources, where):
    """The Source a link cites: one of the record's own sources by key, or any defined source."""
    if not key:
        return None
    if isinstance(key, str) and key in keyed:
        return keyed[key]
    return sources.get(key, where)


@transaction.atomic
def load_strategy(*, data, sources=None):
    """Create the sectors, organisations and their relations, documents with their parts and links, and plan
    editions of fixtures/strategy.json that do not exist yet; returns {slug: Document}.

    sources: the SourceBook of the load (a fresh one by default). Raises ContentError for an unknown reference.
    """
    sources = sources if sources is not None else SourceBook()
    sectors = {}
    for entry in data.get("sectors", []):
        sectors[entry["slug"]], _ = Sector.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "order": entry["order"],
                "name_en_draft": entry.get("name_en_draft", False),
                **bilingual(entry, "name"),
            },
        )
    organisations = {}
    for entry in data.get("organisations", []):
        organisations[entry["slug"]], created = Organisation.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "abbreviation": entry.get("abbreviation", ""),
                "kind": entry.get("kind") or Organisation.Kind.OTHER,
                "url": entry.get("url", ""),
                **bilingual(entry, "name", "description"),
            },
        )
        if created:
            _add_sources(
                organisations[entry["slug"]], entry.get("sources", []), sources, f"organisation {entry['slug']}"
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
                evidence=_evidence({}, entry.get("citation"), sources, where),
                interpretation=entry.get("interpretation", False),
                **_law(entry.get("legal_basis"), where),
                **bilingual(entry, "note"),
            )
    documents, pending = {}, []
    for entry in data.get("documents", []):
        documents[entry["slug"]] = _load_document(entry, organisations, sources, pending)
    targets = {"organisations": organisations, "sectors": sectors, "documents": documents}
    for document, node, link, keyed, where in pending:
        _create_link(document, node, link, keyed, sources, targets, where)
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
                **bilingual(entry, "name", "note"),
            },
        )
        if created:
            edition.sectors.set([_lookup(sectors, slug, where) for slug in entry.get("sectors", [])])
            _add_sources(edition, entry.get("sources", []), sources, where)
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


def _load_document(entry, organisations, sources, pending):
    """Create a document and its parts (when missing); its links and its parts' links go to `pending`."""
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
            "title_status": entry.get("title_status", TitleStatus.DOCUMENT),
            "deciding_body": organisations.get(entry.get("deciding_body")) if entry.get("deciding_body") else None,
            "decided_on": decided_on,
            "decided_precision": precision,
            "pdf_ja": entry.get("pdf_ja", ""),
            "pdf_en": entry.get("pdf_en", ""),
            "amending_act": amending_act,
            "verified": entry.get("verified", True),
            **bilingual(entry, "title", "summary", "note"),
        },
    )
    if not created:
        return document
    keyed = _add_sources(document, entry.get("sources", []), sources, where)
    for link in entry.get("links", []):
        pending.append((document, None, link, keyed, where))
    _load_nodes(document, None, entry.get("nodes", []), keyed, pending, where)
    return document


def _load_nodes(document, parent, nodes, keyed, pending, where):
    for position, data in enumerate(nodes):
        node = Node.objects.create(
            document=document,
            parent=parent,
            key=data["key"],
            kind=data["kind"],
            number=data.get("number", ""),
            title_status=data.get("title_status", TitleStatus.DOCUMENT),
            position=position,
            **bilingual(data, "title", "body", "note"),
        )
        for link in data.get("links", []):
            pending.append((document, node, link, keyed, f"{where} node {data['key']}"))
        _load_nodes(document, node, data.get("children", []), keyed, pending, where)


def _link_target(link, targets, where):
    """The target fields of a document link: a law reference, or an organisation, a sector, a document (and one
    of its parts). Raises ContentError unless exactly one kind of target is named."""
    named = [name for name in ("law", "organisation", "sector", "document") if link.get(name)]
    if len(named) != 1:
        raise ContentError(f"{where}: a link names one target (law, organisation, sector or document), not {named}")
    if link.get("law"):
        return _law(link["law"], where)
    if link.get("organisation"):
        return {"organisation": _lookup(targets["organisations"], link["organisation"], where)}
    if link.get("sector"):
        return {"sector": _lookup(targets["sectors"], link["sector"], where)}
    document = _lookup(targets["documents"], link["document"], where)
    fields = {"target_document": document}
    if link.get("node"):
        fields["target_node"] = Node.objects.filter(document=document, key=link["node"]).first()
        if fields["target_node"] is None:
            raise ContentError(f"{where}: document {document.slug} has no part {link['node']!r}")
    return fields


def _create_link(document, node, link, keyed, sources, targets, where):
    ProvisionLink.objects.create(
        document=document,
        node=node,
        relation_type=link["type"],
        evidence=_evidence(keyed, link.get("source"), sources, where),
        interpretation=link.get("interpretation", False),
        **_link_target(link, targets, where),
        **bilingual(link, "note"),
    )
