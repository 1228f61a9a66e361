"""Loading the incidents fixture: create what is missing, never overwrite an editor's record."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from laws.services import ContentError, SourceBook, bilingual, resolve_law_reference
from strategy.models import Document, Node, Sector
from strategy.services import partial_date

from .models import AttackType, Country, ImpactFigure, Incident, IncidentLink


@transaction.atomic
def load_incidents(*, data, sources=None):
    """Create the attack types, countries and incidents (with figures and links) of fixtures/incidents.json that
    do not exist yet. sources: the SourceBook of the load (a fresh one by default). Raises ContentError."""
    sources = sources if sources is not None else SourceBook()
    attack_types = {}
    pending = list(data.get("attack_types", []))
    with AttackType.objects.delay_mptt_updates():
        while pending:
            progressed = False
            for entry in list(pending):
                parent = entry.get("parent")
                if parent and parent not in attack_types:
                    continue
                attack_types[entry["slug"]], _ = AttackType.objects.get_or_create(
                    slug=entry["slug"],
                    defaults={"parent": attack_types.get(parent), **bilingual(entry, "name")},
                )
                pending.remove(entry)
                progressed = True
            if not progressed:
                raise ContentError(f"attack types: unknown parent in {[e['slug'] for e in pending]}")
    countries = {}
    for entry in data.get("countries", []):
        countries[entry["code"]], _ = Country.objects.get_or_create(
            code=entry["code"], defaults=bilingual(entry, "name")
        )
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    documents = {document.slug: document for document in Document.objects.all()}
    for entry in data.get("incidents", []):
        _load_incident(entry, attack_types, countries, sectors, documents, sources)


def _pick(table, key, where):
    try:
        return table[key]
    except KeyError:
        raise ContentError(f"{where}: unknown reference {key!r}") from None


def _load_incident(entry, attack_types, countries, sectors, documents, sources):
    where = f"incident {entry['slug']}"
    if Incident.objects.filter(slug=entry["slug"]).exists():
        return
    if not entry.get("sources"):
        raise ContentError(f"{where}: every incident needs at least one source")
    keyed = {}
    for index, value in enumerate(entry["sources"]):
        source = sources.get(value, f"{where} sources[{index}]")
        keyed[value["key"] if isinstance(value, dict) else value] = source
    start, start_precision = partial_date(entry["start"], f"{where} start")
    end, end_precision = partial_date(entry.get("end"), f"{where} end")
    deck, deck_precision = partial_date(entry.get("deck_date"), f"{where} deck date")
    incident = Incident.objects.create(
        slug=entry["slug"],
        start_date=start,
        start_precision=start_precision,
        end_date=end,
        end_precision=end_precision,
        deck_label=entry.get("deck_label_ja", ""),
        deck_date=deck,
        deck_precision=deck_precision,
        sectors_interpretation=entry.get("sectors_interpretation", True),
        attribution_source=_pick(keyed, entry["attribution_source"], where)
        if entry.get("attribution_source")
        else None,
        **bilingual(entry, "title", "summary", "attribution"),
    )
    incident.sources.set(keyed.values())
    incident.countries.set([_pick(countries, code, where) for code in entry.get("countries", [])])
    incident.sectors.set([_pick(sectors, slug, where) for slug in entry.get("sectors", [])])
    incident.attack_types.set([_pick(attack_types, slug, where) for slug in entry.get("attack_types", [])])
    for figure in entry.get("figures", []):
        try:
            value = Decimal(figure["value"])
        except (InvalidOperation, TypeError):
            raise ContentError(f"{where}: figure value {figure.get('value')!r} is not a number") from None
        ImpactFigure.objects.create(
            incident=incident,
            value=value,
            approximate=figure.get("approximate", False),
            unit_en_singular=figure.get("unit_en_singular", ""),
            source=_pick(keyed, figure["source"], where),
            **bilingual(figure, "unit", "label"),
        )
    for link in entry.get("links", []):
        target = {}
        if link.get("document"):
            document = _pick(documents, link["document"], where)
            target["document"] = document
            if link.get("node"):
                node = Node.objects.filter(document=document, key=link["node"]).first()
                if node is None:
                    raise ContentError(f"{where}: document {document.slug} has no part {link['node']!r}")
                target["node"] = node
        elif link.get("law"):
            target.update(resolve_law_reference(link["law"]))
        else:
            raise ContentError(f"{where}: a link needs a document or a law reference")
        IncidentLink.objects.create(
            incident=incident,
            relation_type=link["type"],
            evidence=_pick(keyed, link["source"], where) if link.get("source") else None,
            interpretation=link.get("interpretation", False),
            **target,
            **bilingual(link, "note"),
        )
