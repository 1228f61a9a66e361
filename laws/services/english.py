"""Applying the provisional English of an act (captions, paragraphs, items, chapter titles) from its fixture."""

from django.db import transaction
from django.db.models import Q

from laws.models import Provision


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
    """Fill the English of captions, paragraphs, items and chapter titles from the provisional translation
    (fixtures/laws/*.en.json).

    Existing English (an editor's correction) is kept unless overwrite is set. Returns the count set.
    """
    count = 0
    for version in act.versions.all():
        entry = data.get("versions", {}).get(version.key)
        if entry:
            count += _EnglishApplier(version, overwrite).apply(entry)
            _apply_chapter_titles(version, entry.get("chapters", {}))
    return count


def _apply_chapter_titles(version, titles):
    """English chapter titles by chapter number, set where the English is still empty."""
    untitled = Q(title_en="") | Q(title_en__isnull=True)
    for chapter in version.provisions.filter(untitled, kind=Provision.Kind.CHAPTER, number__in=list(titles)):
        chapter.title_en = titles[chapter.number]
        chapter.save(update_fields=["title_en"])
