"""Policy documents and their parts (a tree per document), with where their titles come from."""

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.dates import DatePrecision, PartialDate, partial_date_condition, partial_date_error
from core.editing import Edited, Publishable, PublishableQuerySet, Status
from core.fields import http_url_field
from core.validation import ConstraintMessages, collect
from laws.models import AmendingAct, Source

from .bodies import Organisation


class TitleStatus(models.TextChoices):
    """Where a document's or a part's title comes from."""

    DOCUMENT = "document", _("as in the document")
    CITED = "cited", _("as another source names it")
    SUPPLIED = "supplied", _("supplied by this knowledge base")
    TRANSLATED = "translated", _("Japanese translated from the English version")


class DocumentQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("deciding_body").order_by("decided_on", "slug")

    def for_detail_page(self):
        return self.select_related("deciding_body", "supersedes", "revises", "amending_act").prefetch_related(
            Prefetch("sources", queryset=Source.objects.select_related("cited_by")),
            "superseded_by",
            "revisions",
            Prefetch(
                "provision_links",
                queryset=self.model.provision_links.rel.related_model.objects.select_related(
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


class Document(ConstraintMessages, Publishable, Edited):
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
        # the timeline reads a window of published documents in date order without sorting them all
        indexes = [models.Index(fields=["status", "decided_on", "slug"], name="document_public_by_date")]
        constraints = [
            models.CheckConstraint(
                condition=partial_date_condition("decided_on", "decided_precision"), name="document_date_precision"
            ),
            models.CheckConstraint(condition=~Q(supersedes=F("id")), name="document_not_superseding_itself"),
            models.CheckConstraint(condition=~Q(revises=F("id")), name="document_not_revising_itself"),
        ]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def __str__(self):
        return self.title_ja or self.slug

    constraint_messages = {
        "document_date_precision": ("decided_on", _("This date does not fit the precision chosen for it.")),
        "document_not_superseding_itself": ("supersedes", _("A document cannot supersede itself.")),
        "document_not_revising_itself": ("revises", _("A document cannot revise itself.")),
    }

    def get_absolute_url(self):
        return reverse("strategy:document", kwargs={"slug": self.slug})

    def clean(self):
        """The date fits its precision. Raises ValidationError on the date field."""
        super().clean()
        collect([("decided_on", partial_date_error(self.decided_on, self.decided_precision))])

    @property
    def decided(self):
        return PartialDate(self.decided_on, self.decided_precision) if self.decided_on else None


class NodeQuerySet(PublishableQuerySet):
    def public(self):
        """Published parts of published documents."""
        return self.filter(status=Status.PUBLISHED, document__status=Status.PUBLISHED)

    def for_document_page(self, document):
        """The document's parts in tree order, in one query whatever their number.

        Their provision links come from the document's own prefetch (Document.objects.for_detail_page holds
        every link of the document, its parts' included), so a document without parts costs the same queries.
        """
        return self.filter(document=document).order_by("tree_id", "lft")


class Node(Publishable, Edited, MPTTModel):
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

    def is_public(self):
        """Published, in a published document (reads self.document)."""
        return self.status == Status.PUBLISHED and self.document.status == Status.PUBLISHED

    def clean(self):
        """The parent is another part of the same document."""
        super().clean()
        collect([("parent", self.parent_error())])

    def parent_error(self):
        """The editor's message when the parent is in another document or is the part itself, else None."""
        if not self.parent_id:
            return None
        if self.pk and self.parent_id == self.pk:
            return _("A part cannot be its own parent.")
        if self.document_id and self.parent.document_id != self.document_id:
            return _("The parent must be a part of the same document: choose one of this document’s parts.")
        return None

    def save(self, *args, **kwargs):
        """Refuses (ValidationError) a parent in another document."""
        collect([("parent", self.parent_error())])
        super().save(*args, **kwargs)
