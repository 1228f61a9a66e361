"""Importing a version's Japanese text into its provision tree, and rebuilding the text from the tree."""

import hashlib
import sys
from pathlib import Path

from django.db import transaction
from django.db.models import Max

from core.bulk import bulk_load
from core.imported import statute_import
from laws.models import Provision, Version
from laws.signals import version_text_replaced
from laws.statute import StatuteFormatError, parse_statute, render_statute


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


def import_version(*, version, text, filename, numbering=None, force=False, progress=None):
    """Replace a version's provisions by the parsed text. Returns False when it was already imported.

    numbering: {article number in this text: ArticleIdentity key}; by default the version's ArticleNumber rows.

    Raises StatuteFormatError (file and line) before anything is written when the text is malformed. The import
    runs inside core.imported.statute_import(), the one place the imported Japanese text may be written.
    """
    if numbering is None:
        numbering = dict(version.article_numbers.values_list("number", "identity__key"))
    with transaction.atomic(), bulk_load(), statute_import():
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


def import_from_data_dir(*, act, data_dir, stream=sys.stderr, force=False):
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
            force=force,
            progress=stream,
        )
        statuses[version.key] = "imported" if done else "unchanged"
    return statuses
