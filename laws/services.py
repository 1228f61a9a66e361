"""Writes for the laws app: loading the act's records, importing a version's text, applying the
provisional English. Each public function is keyword-only and runs in one transaction."""

import datetime
import hashlib
import json
import sys
from pathlib import Path

from django.db import transaction
from django.db.models import Max, Q

from core.bulk import bulk_load

from .models import Act, AmendingAct, ArticleIdentity, Provision, ProvisionChange, Source, Term, Version
from .signals import version_text_replaced
from .statute import StatuteFormatError, parse_statute, render_statute


class ContentError(ValueError):
    """Malformed fixture content: says which file and which record."""


def parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def get_or_create_source(data):
    """Sources are shared by key; an existing one is never overwritten."""
    if data is None:
        return None
    if isinstance(data, str):
        try:
            return Source.objects.get(key=data)
        except Source.DoesNotExist:
            raise ContentError(f"unknown source key {data!r}") from None
    url = data.get("url", "")
    if url and not url.startswith(("http://", "https://")):
        raise ContentError(f"source {data.get('key')!r}: only http and https addresses are accepted")
    if url and (same := Source.objects.filter(url=url).order_by("pk").first()):
        return same  # one record per address, whichever key a file gives it
    source, _created = Source.objects.get_or_create(
        key=data["key"],
        defaults={
            "url": url,
            "publisher": data.get("publisher", ""),
            "title": data.get("title") or data["key"],
            "date": parse_date(data.get("date")),
            "language": data.get("language", ""),
            "verified": bool(data.get("verified", False)),
            "note": data.get("note", ""),
        },
    )
    return source


def bilingual(data, *names):
    values = {}
    for name in names:
        for language in ("ja", "en"):
            key = f"{name}_{language}"
            if key in data and data[key] is not None:
                values[key] = data[key]
    return values


@transaction.atomic
def load_act(*, data):
    """Create the act, its amending acts, versions, article identities and recorded changes."""
    act_data = data["act"]
    act, _created = Act.objects.get_or_create(
        egov_law_id=act_data["egov_law_id"],
        defaults={
            "slug": act_data["slug"],
            "promulgated": parse_date(act_data["promulgated"]),
            "egov_url": act_data.get("egov_url", ""),
            "translation_url": act_data.get("translation_url", ""),
            **bilingual(act_data, "title", "law_number"),
        },
    )
    for source in data.get("sources", []):
        get_or_create_source(source)
    identities = {}
    for entry in data["lineage"]:
        identities[entry["key"]], _created = ArticleIdentity.objects.get_or_create(
            act=act, key=entry["key"], defaults={"original_number": entry.get("original") or ""}
        )
    amending = {}
    for entry in data["amending_acts"]:
        source = get_or_create_source(entry.get("source"))
        amending[entry["key"]], created = AmendingAct.objects.get_or_create(
            act=act,
            key=entry["key"],
            defaults={
                "promulgated": parse_date(entry["promulgated"]),
                "effective": parse_date(entry.get("effective")),
                "source_url": source.url if source else "",
                "source_title": source.title if source else "",
                "verified": entry.get("verified", False),
                **bilingual(entry, "law_number", "title", "effective_note", "summary"),
            },
        )
        if not created:
            continue
        for change in entry.get("changes", []):
            if change["article"] not in identities:
                raise ContentError(f"amending act {entry['key']}: unknown article {change['article']!r}")
            ProvisionChange.objects.create(
                amending_act=amending[entry["key"]],
                identity=identities[change["article"]],
                kind=change["kind"],
                from_number=change.get("from", ""),
                to_number=change.get("to", ""),
                inferred=change.get("inferred", False),
                **bilingual(change, "note"),
            )
    for entry in data["versions"]:
        Version.objects.get_or_create(
            act=act,
            key=entry["key"],
            defaults={
                "in_force_from": parse_date(entry["in_force_from"]),
                "amended_through": amending.get(entry.get("amended_through")),
                "source_file": entry.get("source_file", ""),
                **bilingual(entry, "label", "note"),
            },
        )
    return act


def resolve_law_reference(ref, *, act=None):
    """{"version": "original", "article": "25", "paragraph": 1, "item": 3} → LawReference field values."""
    if not ref:
        return {}
    act = act or Act.objects.order_by("pk").first()
    version_key = ref.get("version", Version.Key.CURRENT)
    number = str(ref["article"])
    lookup = {"key": number} if version_key == Version.Key.CURRENT else {"original_number": number}
    try:
        identity = ArticleIdentity.objects.get(act=act, **lookup)
        version = Version.objects.get(act=act, key=version_key)
    except (ArticleIdentity.DoesNotExist, Version.DoesNotExist):
        raise ContentError(f"no article {number} in the {version_key} text") from None
    return {
        "identity": identity,
        "cited_version": version,
        "cited_article": number,
        "paragraph": ref.get("paragraph"),
        "item": ref.get("item"),
    }


def lineage_map(data, version_key):
    """{number in that version: identity key} from the fixture's lineage table."""
    if version_key == Version.Key.CURRENT:
        return {entry["key"]: entry["key"] for entry in data["lineage"]}
    return {entry[version_key]: entry["key"] for entry in data["lineage"] if entry.get(version_key)}


class _Progress:
    def __init__(self, total, stream, label):
        self.total, self.stream, self.label, self.done = max(total, 1), stream, label, 0

    def step(self, count=1):
        if self.stream is None:
            return
        self.done += count
        filled = int(30 * self.done / self.total)
        self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def import_version(*, version, text, filename, numbering, force=False, progress=None):
    """Replace a version's provisions by the parsed text. Returns False when it was already imported.

    Raises StatuteFormatError (file and line) before anything is written when the text is malformed.
    """
    with transaction.atomic(), bulk_load():
        done = _import_version(version, text, filename, numbering, force, progress)
    if done:
        version_text_replaced.send(sender=Version, version=version)
    return done


def _import_version(version, text, filename, numbering, force, progress):
    statute = parse_statute(text, filename)
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if version.source_sha256 == checksum and version.provisions.exists() and not force:
        return False
    identities = {identity.key: identity for identity in version.act.article_identities.all()}
    saved_english = {
        (
            p.kind,
            p.supplementary,
            p.number,
            p.parent.number if p.parent_id else "",
            p.parent.parent.number if p.parent_id and p.parent.parent_id else "",
        ): (p.title_en, p.caption_en, p.text_en)
        for p in version.provisions.select_related("parent__parent")
    }
    version.provisions.all().delete()

    nodes = list(statute.walk())
    bar = _Progress(len(nodes), progress, f"{version.key}: provisions")
    levels = []  # (parsed, parent parsed) per depth, so each level is one bulk insert
    frontier = [(block, None, index) for index, block in enumerate(statute.body)]
    while frontier:
        levels.append(frontier)
        frontier = [(child, node, index) for node, _parent, _i in frontier for index, child in enumerate(node.children)]
    tree = nested_set(statute.body, first_tree_id=(Provision.objects.aggregate(top=Max("tree_id"))["top"] or 0) + 1)
    created = {}
    for level in levels:
        rows = []
        for parsed, parent, index in level:
            supplementary = parsed.kind == "supplementary" or (parent is not None and created[id(parent)].supplementary)
            identity = None
            if parsed.kind == "article" and not supplementary:
                key = numbering.get(parsed.number)
                if key is None or key not in identities:
                    raise StatuteFormatError(
                        f"article {parsed.number} has no entry in the lineage table", parsed.line_number, filename
                    )
                identity = identities[key]
            rows.append(
                Provision(
                    version=version,
                    parent=created[id(parent)] if parent is not None else None,
                    kind=parsed.kind,
                    supplementary=supplementary,
                    position=index,
                    number=parsed.number,
                    label=parsed.label,
                    title_ja=parsed.title,
                    caption_ja=parsed.caption,
                    text_ja=parsed.text,
                    identity=identity,
                    **tree[id(parsed)],
                )
            )
        for (parsed, _parent, _index), row in zip(level, Provision.objects.bulk_create(rows), strict=True):
            created[id(parsed)] = row
        bar.step(len(rows))
    version.front_matter = statute.front_matter
    version.source_sha256 = checksum
    version.save(update_fields=["front_matter", "source_sha256"])
    _restore_english(version, saved_english)
    for identity in identities.values():
        if not identity.caption_ja:
            article = version.provisions.filter(identity=identity).first()
            if article and article.caption_ja:
                identity.caption_ja = article.caption_ja
                identity.save(update_fields=["caption_ja"])
    return True


def nested_set(roots, first_tree_id):
    """mptt's columns for a parsed tree, keyed by id(node): one tree per top-level block, numbered from
    first_tree_id in document order. Computing them here spares a rebuild of every tree in the table."""
    columns = {}
    for tree_id, root in enumerate(roots, start=first_tree_id):
        counter = 0
        stack = [(root, 0, False)]
        while stack:
            node, level, leaving = stack.pop()
            counter += 1
            if leaving:
                columns[id(node)]["rght"] = counter
                continue
            columns[id(node)] = {"tree_id": tree_id, "lft": counter, "level": level}
            stack.append((node, level, True))
            stack.extend((child, level + 1, False) for child in reversed(node.children))
    return columns


def _restore_english(version, saved):
    changed = []
    for p in version.provisions.select_related("parent__parent"):
        key = (
            p.kind,
            p.supplementary,
            p.number,
            p.parent.number if p.parent_id else "",
            p.parent.parent.number if p.parent_id and p.parent.parent_id else "",
        )
        if key in saved:
            p.title_en, p.caption_en, p.text_en = saved[key]
            changed.append(p)
    Provision.objects.bulk_update(changed, ["title_en", "caption_en", "text_en"])


def rebuild_text(version):
    """The version's text rebuilt from the database, in the source file's format."""
    provisions = list(version.provisions.order_by("tree_id", "lft"))
    by_parent = {}
    for p in provisions:
        by_parent.setdefault(p.parent_id, []).append(p)

    class Node:
        def __init__(self, p):
            self.kind, self.label, self.title = p.kind, p.label, p.title_ja
            self.caption, self.text = p.caption_ja, p.text_ja
            self.children = [Node(c) for c in sorted(by_parent.get(p.pk, []), key=lambda c: c.position)]

    roots = sorted(by_parent.get(None, []), key=lambda p: p.position)
    return render_statute(version.front_matter, [Node(p) for p in roots])


class _EnglishApplier:
    """Walks one version's provisions and sets the English from its entry in the translation file."""

    def __init__(self, version, overwrite):
        self.overwrite = overwrite
        self.children = {}
        for p in version.provisions.order_by("tree_id", "lft"):
            self.children.setdefault(p.parent_id, []).append(p)
        self.changed = set()

    def set(self, provision, field, value):
        if value and (self.overwrite or not getattr(provision, f"{field}_en")):
            setattr(provision, f"{field}_en", value)
            self.changed.add(provision)

    def article(self, article, tr):
        self.set(article, "caption", tr.get("caption", ""))
        self.paragraphs(self.children.get(article.pk, []), tr.get("paragraphs", {}))

    def paragraphs(self, paragraphs, tr):
        for paragraph in paragraphs:
            entry = tr.get(paragraph.number)
            if not entry:
                continue
            self.set(paragraph, "caption", entry.get("caption", ""))
            self.set(paragraph, "text", entry.get("text", ""))
            for item in self.children.get(paragraph.pk, []):
                self.set(item, "text", entry.get("items", {}).get(item.number, ""))

    def apply(self, entry):
        articles, supplementary = entry.get("articles", {}), entry.get("supplementary", {})
        for root in self.children.get(None, []):
            children = self.children.get(root.pk, [])
            if root.kind == Provision.Kind.CHAPTER:
                for article in children:
                    if article.number in articles:
                        self.article(article, articles[article.number])
            elif root.number in supplementary:
                block = supplementary[root.number]
                for child in children:
                    if child.kind == Provision.Kind.ARTICLE and child.number in block.get("articles", {}):
                        self.article(child, block["articles"][child.number])
                self.paragraphs(
                    [c for c in children if c.kind == Provision.Kind.PARAGRAPH], block.get("paragraphs", {})
                )
        Provision.objects.bulk_update(self.changed, ["caption_en", "text_en"])
        return len(self.changed)


@transaction.atomic
def apply_english(*, act, data, overwrite=False):
    """Fill the English of captions, paragraphs and items from the provisional translation.

    Existing English (an editor's correction) is kept unless overwrite is set. Returns the count set.
    """
    count = 0
    for version in act.versions.all():
        entry = data.get("versions", {}).get(version.key)
        if entry:
            count += _EnglishApplier(version, overwrite).apply(entry)
    return count


CHAPTER_TITLES_EN = {
    "1": "General Provisions",
    "2": "Cybersecurity Strategy",
    "3": "Basic Policies",
    "4": "Cybersecurity Strategic Headquarters",
    "5": "Penal Provisions",
}


def apply_chapter_titles(*, act, titles):
    for version in act.versions.all():
        untitled = Q(title_en="") | Q(title_en__isnull=True)
        for chapter in version.provisions.filter(untitled, kind=Provision.Kind.CHAPTER):
            if chapter.number in titles:
                chapter.title_en = titles[chapter.number]
                chapter.save(update_fields=["title_en"])


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(f"{path}, line {error.lineno}: {error.msg}") from None


def import_from_data_dir(*, act, data, data_dir, stream=sys.stderr, force=False):
    """Import every version whose source file is in the data directory. Returns {key: status}."""
    statuses = {}
    for version in act.versions.all():
        path = Path(data_dir) / version.source_file
        if not version.source_file or not path.is_file():
            statuses[version.key] = "missing"
            continue
        text = path.read_text(encoding="utf-8")
        done = import_version(
            version=version,
            text=text,
            filename=str(path),
            numbering=lineage_map(data, version.key),
            force=force,
            progress=stream,
        )
        statuses[version.key] = "imported" if done else "unchanged"
    return statuses


@transaction.atomic
def load_glossary(*, data):
    for entry in data.get("terms", []):
        if Term.objects.filter(slug=entry["slug"]).exists():
            continue
        defined = resolve_law_reference(entry.get("defined_in")) if entry.get("defined_in") else {}
        Term.objects.create(
            slug=entry["slug"],
            reading=entry.get("reading", ""),
            defined_in=defined.get("identity"),
            defined_in_paragraph=defined.get("paragraph"),
            source=get_or_create_source(entry.get("source")),
            aliases_ja=", ".join(entry.get("aliases_ja", [])),
            aliases_en=", ".join(entry.get("aliases_en", [])),
            **bilingual(entry, "term", "definition"),
        )
