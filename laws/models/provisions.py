"""The provision tree of one version: chapters, articles, paragraphs and items, and the supplementary provisions."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.editing import Edited
from core.i18n import reader_language
from core.imported import ImportedFieldsModelMixin, ImportedFieldsQuerySetMixin
from core.numerals import roman
from laws.address import ProvisionAddress, article_label_en, article_sort_key

from .acts import ArticleIdentity, Version


class ProvisionQuerySet(ImportedFieldsQuerySetMixin, models.QuerySet):
    def articles(self):
        """Articles of the main provision (not those of the supplementary provisions)."""
        return self.filter(kind=Provision.Kind.ARTICLE, supplementary=False)

    def for_toc(self, version):
        """Chapters and articles of a version in statute order, for the table of contents."""
        return self.filter(
            version=version, kind__in=[Provision.Kind.CHAPTER, Provision.Kind.ARTICLE], supplementary=False
        ).order_by("tree_id", "lft")

    def for_article_page(self, version, number):
        """The article with its paragraphs and items in two queries, whatever its length."""
        return (
            self.articles()
            .filter(version=version, number=number)
            .select_related("version__act", "identity__act", "parent")
            .prefetch_related(
                Prefetch(
                    "children",
                    queryset=Provision.objects.order_by("position").prefetch_related(
                        Prefetch("children", queryset=Provision.objects.order_by("position"))
                    ),
                )
            )
        )


class Provision(ImportedFieldsModelMixin, Edited, MPTTModel):
    """One unit of a version's text. Its Japanese and its place in the text come from the statute import and are
    never edited by hand (core.imported); the English columns are translations."""

    imported_fields = (
        "version_id",
        "parent_id",
        "kind",
        "supplementary",
        "position",
        "number",
        "label",
        "identity_id",
        "title_ja",
        "caption_ja",
        "text_ja",
    )

    class Kind(models.TextChoices):
        CHAPTER = "chapter", _("chapter")
        ARTICLE = "article", _("article")
        PARAGRAPH = "paragraph", _("paragraph")
        ITEM = "item", _("item")
        SUPPLEMENTARY = "supplementary", _("supplementary provisions")

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="provisions")
    parent = TreeForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    supplementary = models.BooleanField(_("in supplementary provisions"), default=False)
    position = models.PositiveIntegerField(_("position"))
    number = models.CharField(_("number"), max_length=20)
    label = models.CharField(_("label"), max_length=200, blank=True, help_text=_("As printed: 第三十条の二, ２, 一."))
    title = models.CharField(_("title"), max_length=300, blank=True)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    identity = models.ForeignKey(
        ArticleIdentity, on_delete=models.PROTECT, null=True, blank=True, related_name="provisions"
    )

    objects = ProvisionQuerySet.as_manager()

    class MPTTMeta:
        order_insertion_by = ["position"]

    class Meta:
        indexes = [models.Index(fields=["version", "kind", "number"])]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")

    def __str__(self):
        return f"{self.version.key} {self.label or self.number}"

    @property
    def sort_key(self):
        return article_sort_key(self.number)

    @property
    def label_en(self):
        """The English label: Chapter IV for a chapter (as the official translation numbers them), Art. 30-2,
        (2) for a paragraph, (iii) for an item, else the English title."""
        if self.kind == self.Kind.CHAPTER and self.number.isdigit():
            return f"Chapter {roman(int(self.number)).upper()}"
        if self.kind == self.Kind.ARTICLE:
            return article_label_en(self.number)
        if self.kind == self.Kind.PARAGRAPH:
            return f"({self.number})"
        if self.kind == self.Kind.ITEM:
            return f"({roman(int(self.number))})"
        return self.title_en or self.label

    @property
    def is_extract(self):
        """True for a block of supplementary provisions printed as an extract (抄) of the amending act's."""
        return self.kind == self.Kind.SUPPLEMENTARY and self.label.rstrip().endswith("抄")

    @property
    def egov_anchor(self):
        """e-Gov's element id for a main-provision article (format inferred from e-Gov's pages)."""
        chapter = self.parent.number if self.parent_id else ""
        return f"Mp-Ch_{chapter}-At_{self.number.replace('-', '_')}"

    def address(self, chain=None):
        """The ProvisionAddress of this provision.

        chain: the provisions from the top of its tree down to this one (as get_ancestors(include_self=True)
        gives them); read with one query when not given. version.act must be loaded to avoid a query.
        """
        chain = list(chain) if chain is not None else list(self.get_ancestors(include_self=True))
        found = {p.kind: p for p in chain}
        article, paragraph, item = (found.get(k) for k in (self.Kind.ARTICLE, self.Kind.PARAGRAPH, self.Kind.ITEM))
        return ProvisionAddress.in_version(
            self.version,
            article=article.number if article else "",
            paragraph=int(paragraph.number) if paragraph else None,
            item=int(item.number) if item else None,
            supplementary=chain[0].number if self.supplementary else "",
        )

    def get_absolute_url(self):
        """The page that shows this provision, at its anchor, in the reader's language."""
        return f"/{reader_language()}{self.address().path()}"
