"""Policy documents, their structure, critical-infrastructure sectors and organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.dates import DatePrecision, PartialDate
from core.fields import http_url_field
from laws.models import AmendingAct, Source, TypedLink


class TitleStatus(models.TextChoices):
    """Where a document's or a part's title comes from."""

    DOCUMENT = "document", _("as in the document")
    CITED = "cited", _("as another source names it")
    SUPPLIED = "supplied", _("supplied by this knowledge base")
    TRANSLATED = "translated", _("Japanese translated from the English version")


class Sector(models.Model):
    """A critical infrastructure sector, as the action plans name it; which plans include it is in PlanEdition."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en_draft = models.BooleanField(
        _("English name is a draft"),
        default=False,
        help_text=_("The English name has not been checked against an official translation."),
    )
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("critical infrastructure sector")
        verbose_name_plural = _("critical infrastructure sectors")

    def __str__(self):
        return self.name_ja or self.slug

    def get_absolute_url(self):
        return reverse("strategy:sector", kwargs={"slug": self.slug})


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CABINET = "cabinet", _("Cabinet")
        MINISTER = "minister", _("minister")
        OFFICE = "office", _("office")
        HEADQUARTERS = "headquarters", _("headquarters")
        COUNCIL = "council", _("council")
        SECRETARIAT = "secretariat", _("secretariat")
        TEAM = "team", _("team")
        AGENCY = "agency", _("agency")
        MINISTRIES = "ministries", _("ministries")
        LOCAL = "local", _("local governments")
        CATEGORY = "category", _("group of bodies")
        CORPORATION = "corporation", _("public corporation")
        OTHER = "other", _("other")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    url = http_url_field(_("web site"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="units")
    sources = models.ManyToManyField(Source, blank=True, related_name="organisations")

    class Meta:
        ordering = ["name_ja"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name_ja or self.slug

    def get_absolute_url(self):
        return reverse("strategy:organisation", kwargs={"slug": self.slug})


class OrganisationRelation(TypedLink):
    source = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relations_in")

    class Meta:
        ordering = ["source__slug", "relation_type", "target__slug"]
        verbose_name = _("organisation relation")
        verbose_name_plural = _("organisation relations")

    def __str__(self):
        return f"{self.source} → {self.target} ({self.relation_type})"


class DocumentQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("deciding_body").order_by("decided_on", "slug")

    def for_detail_page(self):
        return self.select_related("deciding_body", "supersedes", "revises", "amending_act").prefetch_related(
            Prefetch("sources", queryset=Source.objects.select_related("cited_by")),
            "superseded_by",
            "revisions",
            Prefetch(
                "provision_links",
                queryset=ProvisionLink.objects.select_related(
                    "identity__act",
                    "cited_version",
                    "evidence__cited_by",
                    "node",
                    "organisation",
                    "sector",
                    "target_document",
                    "target_node__document",
                ),
            ),
        )


class Document(models.Model):
    class Kind(models.TextChoices):
        STRATEGY = "strategy", _("strategy")
        HQ_DECISION = "hq_decision", _("headquarters decision")
        ACTION_PLAN = "action_plan", _("action plan")
        ROADMAP = "roadmap", _("roadmap")
        ANNUAL_REPORT = "annual_report", _("annual report")
        BUDGET_POLICY = "budget_policy", _("budget policy")
        INVESTIGATION_REPORT = "investigation_report", _("investigation report")
        POLICY = "policy", _("policy")
        AMENDMENT_OVERVIEW = "amendment_overview", _("amendment overview")
        CONCEPT = "concept", _("concept")
        BRIEFING = "briefing", _("briefing")
        STANDARDS = "standards", _("standards")
        PROGRAMME = "programme", _("programme")

    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    title_status = models.CharField(
        _("title from"), max_length=12, choices=TitleStatus.choices, default=TitleStatus.DOCUMENT
    )
    deciding_body = models.ForeignKey(
        Organisation,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    decided_on = models.DateField(_("date"), null=True, blank=True)
    decided_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    summary = models.TextField(_("summary"), blank=True)
    pdf_ja = http_url_field(_("source PDF (Japanese)"), blank=True)
    pdf_en = http_url_field(_("source PDF (English)"), blank=True)
    supersedes = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="superseded_by"
    )
    revises = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions")
    amending_act = models.ForeignKey(
        AmendingAct,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overviews",
        help_text=_("For an amendment overview: the amending act it describes (its dates live there)."),
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="documents")
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("verification note"), blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["decided_on", "slug"]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def __str__(self):
        return self.title_ja or self.slug

    def get_absolute_url(self):
        return reverse("strategy:document", kwargs={"slug": self.slug})

    @property
    def decided(self):
        return PartialDate(self.decided_on, self.decided_precision) if self.decided_on else None


class NodeQuerySet(models.QuerySet):
    def for_document_page(self, document):
        """The document's parts in tree order, in one query whatever their number.

        Their provision links come from the document's own prefetch (Document.objects.for_detail_page holds
        every link of the document, its parts' included), so a document without parts costs the same queries.
        """
        return self.filter(document=document).order_by("tree_id", "lft")


class Node(MPTTModel):
    class Kind(models.TextChoices):
        SECTION = "section", _("section")
        OBJECTIVE = "objective", _("objective")
        GOAL = "goal", _("goal")
        PRINCIPLE = "principle", _("basic principle")
        APPROACH = "approach", _("policy approach")
        PILLAR = "pillar", _("pillar")
        MEASURE = "measure", _("measure")
        ITEM = "item", _("item")
        EXAMPLE = "example", _("example")
        SLIDE = "slide", _("slide")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="nodes")
    parent = TreeForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    key = models.SlugField(_("anchor"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number as printed"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=300)
    title_status = models.CharField(
        _("title from"), max_length=12, choices=TitleStatus.choices, default=TitleStatus.DOCUMENT
    )
    body = models.TextField(_("body"), blank=True)
    note = models.TextField(_("editorial note"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = NodeQuerySet.as_manager()

    class MPTTMeta:
        order_insertion_by = ["position"]

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="node_unique_key")]
        verbose_name = _("document part")
        verbose_name_plural = _("document parts")

    def __str__(self):
        return f"{self.number} {self.title_ja}".strip()

    def get_absolute_url(self):
        return reverse("strategy:node", kwargs={"slug": self.document.slug, "key": self.key})


class ProvisionLink(TypedLink):
    """A typed link from a document (or one of its parts) to a provision of an act, or to another record: an
    organisation, a sector, another document or a part of one (exactly one target; the law reference fields
    name the provision)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="provision_links")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, null=True, blank=True, related_name="provision_links")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_links",
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.CASCADE, null=True, blank=True, related_name="document_links"
    )
    target_document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_links_in",
    )
    target_node = models.ForeignKey(
        Node,
        verbose_name=_("part of a document"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_links_in",
    )

    class Meta:
        ordering = ["document__slug", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(identity__isnull=False, organisation__isnull=True, sector__isnull=True)
                    & Q(target_document__isnull=True, target_node__isnull=True)
                )
                | Q(identity__isnull=True, organisation__isnull=False, sector__isnull=True)
                & Q(target_document__isnull=True, target_node__isnull=True)
                | Q(identity__isnull=True, organisation__isnull=True, sector__isnull=False)
                & Q(target_document__isnull=True, target_node__isnull=True)
                | Q(
                    identity__isnull=True, organisation__isnull=True, sector__isnull=True, target_document__isnull=False
                ),
                name="document_link_one_target",
            )
        ]
        verbose_name = _("link from a document")
        verbose_name_plural = _("links from documents")

    def __str__(self):
        return f"{self.node or self.document} → {self.target} ({self.relation_type})"

    def clean(self):
        """Exactly one target: a provision, an organisation, a sector or a document (with, optionally, its part)."""
        super().clean()
        targets = [self.identity_id, self.organisation_id, self.sector_id, self.target_document_id]
        if sum(1 for target in targets if target) != 1:
            raise ValidationError(
                _("Link to exactly one record: a provision, an organisation, a sector, or a document or its part.")
            )
        if self.target_node_id and self.target_node.document_id != self.target_document_id:
            raise ValidationError({"target_node": _("The part must belong to the document linked to.")})

    @property
    def record(self):
        """The linking record: the part of the document, else the document."""
        return self.node or self.document

    @property
    def target(self):
        """The linked record: a part of a document, a document, an organisation, a sector or an article identity."""
        return self.target_node or self.target_document or self.organisation or self.sector or self.identity


class PlanEdition(models.Model):
    number = models.PositiveSmallIntegerField(_("edition"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    decided_on = models.DateField(_("date"), null=True, blank=True)
    decided_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    decided_by = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_editions"
    )
    document = models.OneToOneField(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_edition"
    )
    sectors = models.ManyToManyField(Sector, related_name="plan_editions", blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="plan_editions")
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("verification note"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("action plan edition")
        verbose_name_plural = _("action plan editions")

    def __str__(self):
        return self.name_ja or str(self.number)

    @property
    def decided(self):
        return PartialDate(self.decided_on, self.decided_precision) if self.decided_on else None
