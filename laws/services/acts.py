"""Loading an act's records from its fixture, keeping its versions' periods in step, and resolving references."""

from django.db import transaction

from core.dates import DatePrecision, check_partial_date
from core.imported import statute_import
from laws.models import Act, AmendingAct, ArticleIdentity, ArticleNumber, Commencement, ProvisionChange, Version

from .loading import ContentError, SourceBook, bilingual, parse_date


@transaction.atomic
def load_act(*, data, sources=None):
    """Create the act of a fixture (fixtures/laws/<act slug>.json), its amending acts, versions, article identities,
    their numbers in each version and the recorded changes; what exists already is kept. Returns the Act.

    sources: the SourceBook of the load (keys of fixtures/sources.json); a fresh one by default. Runs inside
    core.imported.statute_import(): the act's title, law number and e-Gov ID, the versions' source files and the
    article numbers are imported data. Raises ContentError for a change naming an unknown article, a lineage entry
    naming an unknown version or an unknown source.
    """
    with statute_import():
        return _load_act(data, sources if sources is not None else SourceBook())


def _load_act(data, sources):
    act_data = data["act"]
    act, _created = Act.objects.get_or_create(
        egov_law_id=act_data["egov_law_id"],
        defaults={
            "slug": act_data["slug"],
            "promulgated": parse_date(act_data["promulgated"]),
            "egov_url": act_data.get("egov_url", ""),
            "translation_url": act_data.get("translation_url", ""),
            **bilingual(act_data, "title", "short_title", "law_number"),
        },
    )
    for index, source in enumerate(data.get("sources", [])):
        sources.get(source, f"sources[{index}]")
    identities = {}
    for entry in data["lineage"]:
        identities[entry["key"]], _created = ArticleIdentity.objects.get_or_create(act=act, key=entry["key"])
    amending = {}
    for entry in data["amending_acts"]:
        amending[entry["key"]] = _load_amending_act(act, entry, identities, sources)
    versions = {}
    for entry in data["versions"]:
        versions[entry["key"]], _created = Version.objects.get_or_create(
            act=act,
            key=entry["key"],
            defaults={
                "in_force_from": parse_date(entry["in_force_from"]),
                "amended_through": amending.get(entry.get("amended_through")),
                "source": sources.get(entry.get("source"), f"version {entry['key']}"),
                "source_file": entry.get("source_file", ""),
                **bilingual(entry, "label", "note"),
            },
        )
    sync_version_periods(act=act)
    numbered = set(ArticleNumber.objects.filter(version__act=act).values_list("version_id", "identity_id"))
    rows = []
    for entry in data["lineage"]:
        for version_key, number in entry.get("numbers", {}).items():
            if version_key not in versions:
                raise ContentError(f"lineage of article {entry['key']}: unknown version {version_key!r}")
            version, identity = versions[version_key], identities[entry["key"]]
            if number and (version.pk, identity.pk) not in numbered:
                rows.append(ArticleNumber(identity=identity, version=version, number=str(number)))
    ArticleNumber.objects.bulk_create(rows)
    for entry in data.get("commencements", []):
        _load_commencement(entry, versions, sources)
    return act


def _load_commencement(entry, versions, sources):
    """A Commencement of a fixture (`commencements`: version key, scope, date with precision, basis, source);
    an existing one with the same version and scope is kept. Raises ContentError for an unknown version or a
    date off its precision."""
    if entry["version"] not in versions:
        raise ContentError(f"commencement: unknown version {entry['version']!r}")
    date, precision = parse_date(entry.get("in_force_from")), entry.get("precision", DatePrecision.DAY)
    if date and (problem := check_partial_date(date, precision)):
        raise ContentError(f"commencement of {entry['version']}: {problem}")
    Commencement.objects.get_or_create(
        version=versions[entry["version"]],
        chapters=entry.get("chapters", ""),
        articles=entry.get("articles", ""),
        supplementary_articles=entry.get("supplementary_articles", ""),
        defaults={
            "in_force_from": date,
            "precision": precision,
            "source": sources.get(entry.get("source"), f"commencement of {entry['version']}"),
            "verified": entry.get("verified", False),
            **bilingual(entry, "basis", "note"),
        },
    )


def _load_amending_act(act, entry, identities, sources):
    amending_act, created = AmendingAct.objects.get_or_create(
        act=act,
        key=entry["key"],
        defaults={
            "promulgated": parse_date(entry["promulgated"]),
            "effective": parse_date(entry.get("effective")),
            "source": sources.get(entry.get("source"), f"amending act {entry['key']}"),
            **bilingual(entry, "law_number", "title", "effective_note", "summary"),
        },
    )
    if created:
        for change in entry.get("changes", []):
            if change["article"] not in identities:
                raise ContentError(f"amending act {entry['key']}: unknown article {change['article']!r}")
            ProvisionChange.objects.create(
                amending_act=amending_act,
                identity=identities[change["article"]],
                kind=change["kind"],
                from_number=change.get("from", ""),
                to_number=change.get("to", ""),
                inferred=change.get("inferred", False),
                **bilingual(change, "note"),
            )
    return amending_act


def sync_version_periods(*, act):
    """Set each version's in_force_until to the in_force_from of the act's next version (None for the latest).

    Call after adding a version or changing a version's date; Version.is_in_force() reads the result.
    """
    versions = list(act.versions.order_by("in_force_from", "pk"))
    for version, following in zip(versions, [*versions[1:], None], strict=True):
        until = following.in_force_from if following else None
        if version.in_force_until != until:
            version.in_force_until = until
            version.save(update_fields=["in_force_until"])


def resolve_law_reference(ref):
    """A fixture's law reference → LawReference field values ({} for none).

    ref: {"act": slug, "version": key, "article": "25", "paragraph": 1, "item": 3}, numbered as the citing
    source numbers it in that version. Raises ContentError for an unknown act, version or article.
    """
    if not ref:
        return {}
    act = Act.objects.filter(slug=ref.get("act", "")).first()
    if act is None:
        raise ContentError(f'law reference {ref!r}: name a known act with its slug under "act"')
    number = str(ref["article"])
    version = act.versions.filter(key=ref.get("version", "")).first()
    if version is None:
        raise ContentError(f"law reference {ref!r}: {act.slug} has no version {ref.get('version')!r}")
    numbering = ArticleNumber.objects.filter(version=version, number=number).select_related("identity").first()
    if numbering is None:
        raise ContentError(f"no article {number} in the {version.key} text of {act.slug}")
    return {
        "identity": numbering.identity,
        "cited_version": version,
        "cited_article": number,
        "paragraph": ref.get("paragraph"),
        "item": ref.get("item"),
    }
