"""The statute as versioned, addressable provisions.

Act → Version → Provision tree (chapter → article → paragraph → item, plus supplementary blocks).
An article keeps its identity (ArticleIdentity) across versions, so links made to it survive
renumbering; AmendingAct and ProvisionChange record what each amending act did.
"""

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.fields import http_url_field
from core.numerals import roman
from core.relations import RelationType
from laws.address import article_label_en, article_label_ja, article_sort_key, cite, provision_anchor


class Act(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    law_number = models.CharField(_("law number"), max_length=100)
    egov_law_id = models.CharField(_("e-Gov law ID"), max_length=40, unique=True)
    promulgated = models.DateField(_("promulgated"))
    egov_url = http_url_field(_("e-Gov page"), blank=True)
    translation_url = http_url_field(_("official English translation"), blank=True)

    class Meta:
        ordering = ["promulgated"]
        verbose_name = _("act")
        verbose_name_plural = _("acts")

    def __str__(self):
        return self.title_ja or self.slug

    def get_absolute_url(self):
        return reverse("laws:act", kwargs={"act": self.slug})

    def current_version(self):
        return self.versions.order_by("-in_force_from").first()

    def egov_article_url(self, number):
        """e-Gov's page anchors: #Mp-At_12 (main provision), 30-2 → At_30_2."""
        return f"{self.egov_url}#Mp-At_{number.replace('-', '_')}"


class AmendingAct(models.Model):
    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="amending_acts")
    key = models.SlugField(_("key"), max_length=20, help_text=_("Era, year and number, e.g. H28-31."))
    law_number = models.CharField(_("law number"), max_length=100)
    title = models.CharField(_("title"), max_length=300, blank=True)
    promulgated = models.DateField(_("promulgated"))
    effective = models.DateField(_("in force from"), null=True, blank=True)
    effective_note = models.CharField(_("entry into force"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    source_url = http_url_field(_("source"), blank=True)
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)

    class Meta:
        ordering = ["promulgated", "key"]
        constraints = [models.UniqueConstraint(fields=["act", "key"], name="amending_act_unique_key")]
        verbose_name = _("amending act")
        verbose_name_plural = _("amending acts")

    def __str__(self):
        return self.law_number_ja or self.key

    def get_absolute_url(self):
        return reverse("laws:amendment", kwargs={"act": self.act.slug, "key": self.key})

    def in_force_on(self, date):
        """True, False, or None when the date it came into force is not known."""
        if self.effective:
            return self.effective <= date
        if self.promulgated > date:
            return False
        return None


class VersionQuerySet(models.QuerySet):
    def in_force_on(self, date):
        return self.filter(in_force_from__lte=date).order_by("-in_force_from")


class Version(models.Model):
    class Key(models.TextChoices):
        ORIGINAL = "original", _("original text (2014)")
        CURRENT = "current", _("text in force on 2025-07-01")

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="versions")
    key = models.CharField(_("key"), max_length=20, choices=Key.choices)
    label = models.CharField(_("label"), max_length=200)
    in_force_from = models.DateField(_("in force from"))
    amended_through = models.ForeignKey(
        AmendingAct,
        verbose_name=_("reflects amendments up to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
    )
    note = models.TextField(_("note"), blank=True)
    source_file = models.CharField(_("source file"), max_length=200, blank=True)
    source_sha256 = models.CharField(_("source checksum"), max_length=64, blank=True)
    front_matter = models.TextField(_("front matter"), blank=True, help_text=_("Lines before the first chapter."))

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["in_force_from"]
        constraints = [models.UniqueConstraint(fields=["act", "key"], name="version_unique_key")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self):
        return f"{self.act} ({self.key})"

    @property
    def is_loaded(self):
        return bool(self.source_sha256)


class ArticleIdentity(models.Model):
    """The same article across versions, whatever number it carries in each."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="article_identities")
    key = models.CharField(_("key"), max_length=20, help_text=_("The article's number in the current text."))
    original_number = models.CharField(
        _("number in the original text"), max_length=20, blank=True, help_text=_("Empty for an added article.")
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["act", "key"], name="identity_unique_key")]
        verbose_name = _("article identity")
        verbose_name_plural = _("article identities")

    def __str__(self):
        return article_label_ja(self.key)

    def number_in(self, version_key):
        return self.key if version_key == Version.Key.CURRENT else self.original_number


class ProvisionQuerySet(models.QuerySet):
    def articles(self):
        return self.filter(kind=Provision.Kind.ARTICLE, supplementary=False)

    def for_toc(self, version):
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


class Provision(MPTTModel):
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
        if self.kind == self.Kind.ARTICLE:
            return article_label_en(self.number)
        if self.kind == self.Kind.PARAGRAPH:
            return f"({self.number})"
        if self.kind == self.Kind.ITEM:
            return f"({roman(int(self.number))})"
        return self.title_en or self.label

    @property
    def egov_anchor(self):
        """e-Gov's element id for a main-provision article (format inferred from e-Gov's pages)."""
        chapter = self.parent.number if self.parent_id else ""
        return f"Mp-Ch_{chapter}-At_{self.number.replace('-', '_')}"

    def get_absolute_url(self):
        return reverse("laws:article", kwargs={"act": self.version.act.slug, "number": self.number}) + (
            "" if self.version.key == Version.Key.CURRENT else f"?version={self.version.key}"
        )


class ProvisionChange(models.Model):
    class Kind(models.TextChoices):
        ADDED = "added", _("added")
        CHANGED = "changed", _("changed")
        RENUMBERED = "renumbered", _("renumbered")
        DELETED = "deleted", _("deleted")

    amending_act = models.ForeignKey(AmendingAct, on_delete=models.CASCADE, related_name="changes")
    identity = models.ForeignKey(ArticleIdentity, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_number = models.CharField(_("number before"), max_length=20, blank=True)
    to_number = models.CharField(_("number after"), max_length=20, blank=True)
    note = models.TextField(_("note"), blank=True)
    inferred = models.BooleanField(
        _("inferred"), default=False, help_text=_("Read off the two texts rather than the amending act itself.")
    )

    class Meta:
        ordering = ["amending_act__promulgated", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["amending_act", "identity", "kind"], name="provision_change_unique")
        ]
        verbose_name = _("provision change")
        verbose_name_plural = _("provision changes")

    def __str__(self):
        return f"{self.amending_act} {self.get_kind_display()} {self.identity}"


class Source(models.Model):
    """A document cited for a fact: shared by every app (facts carry their source)."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    url = http_url_field(_("URL"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=400)
    date = models.DateField(_("date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Off when the address was seen cited but not opened.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    @property
    def is_pdf(self):
        return self.url.lower().split("?")[0].endswith(".pdf")


class LawReference(models.Model):
    """Points at an article identity (survives renumbering) as the citing source numbers it."""

    identity = models.ForeignKey(
        ArticleIdentity,
        verbose_name=_("article"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
    )
    cited_version = models.ForeignKey(
        Version,
        verbose_name=_("numbering as cited in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
    )
    cited_article = models.CharField(_("article as cited"), max_length=20, blank=True)
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    item = models.PositiveSmallIntegerField(_("item"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def anchor(self):
        return provision_anchor(self.paragraph, self.item)

    def citation(self, language):
        """Art. 25(1)(iii) / 第二十五条第一項第三号, numbered as the source cites it."""
        return cite(
            self.cited_article or (self.identity.key if self.identity_id else ""), self.paragraph, self.item, language
        )

    def target_url(self):
        """The article page in the cited version, at the paragraph or item anchor."""
        if not self.identity_id:
            return ""
        act = self.identity.act.slug
        version = self.cited_version.key if self.cited_version_id else Version.Key.CURRENT
        url = reverse("laws:article", kwargs={"act": act, "number": self.cited_article or self.identity.key})
        if version != Version.Key.CURRENT:
            url += f"?version={version}"
        return url + (f"#{self.anchor}" if self.anchor else "")


class TypedLink(LawReference):
    """A link in the network (relations.py): its relation, a note, the source that shows it, and whether it is
    this knowledge base's interpretation rather than the source's own statement."""

    relation_type = models.CharField(_("relation"), max_length=40, choices=RelationType.choices)
    note = models.TextField(_("note"), blank=True)
    evidence = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
    )
    interpretation = models.BooleanField(_("interpretation"), default=False)

    class Meta:
        abstract = True


class Term(models.Model):
    """A glossary entry: a term of the Act or of the policy documents."""

    slug = models.SlugField(unique=True)
    term = models.CharField(_("term"), max_length=100)
    reading = models.CharField(_("reading"), max_length=200, blank=True)
    aliases = models.CharField(
        _("other forms"), max_length=300, blank=True, help_text=_("Separated by commas; each is linked in text.")
    )
    definition = models.TextField(_("definition"))
    defined_in = models.ForeignKey(
        ArticleIdentity, on_delete=models.PROTECT, null=True, blank=True, related_name="terms"
    )
    defined_in_paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="terms")

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term_ja or self.slug

    def get_absolute_url(self):
        return reverse("glossary-term", kwargs={"slug": self.slug})

    def forms(self, language):
        """Every written form of the term in a language, longest first (for auto-linking)."""
        values = [getattr(self, f"term_{language}", ""), *getattr(self, f"aliases_{language}", "").split(",")]
        return sorted({v.strip() for v in values if v and v.strip()}, key=len, reverse=True)
