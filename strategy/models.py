"""Policy documents, their structure, critical-infrastructure sectors and organisations."""

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.dates import DatePrecision, PartialDate, partial_date_condition, partial_date_error
from core.editing import Edited, Publishable, PublishableQuerySet, Status
from core.fields import http_url_field
from core.validation import ConstraintMessages, collect
from laws.models import AmendingAct, Source, TypedLink


class Sector(Edited):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("critical infrastructure sector")
        verbose_name_plural = _("critical infrastructure sectors")

    def __str__(self):
        return self.name_ja or self.slug

    def get_absolute_url(self):
        return reverse("strategy:sectors") + f"#{self.slug}"


class OrganisationQuerySet(PublishableQuerySet):
    pass


class Organisation(Publishable, Edited):
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

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_ja"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name_ja or self.slug

    def get_absolute_url(self):
        return reverse("strategy:organisation", kwargs={"slug": self.slug})

    def clean(self):
        """An organisation is not its own parent, nor the parent of one of its parents."""
        super().clean()
        collect([("parent", self.parent_error())])

    def parent_error(self):
        """The editor's message when the parent would make a loop, else None (reads the parents' chain)."""
        seen, parent = {self.pk}, self.parent
        while parent is not None:
            if parent.pk in seen:
                return _("An organisation cannot be placed under itself or under one of its own units.")
            seen.add(parent.pk)
            parent = parent.parent
        return None


class OrganisationRelation(Edited, TypedLink):
    source = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="relations_in")

    class Meta:
        ordering = ["source__slug", "relation_type", "target__slug"]
        verbose_name = _("organisation relation")
        verbose_name_plural = _("organisation relations")

    def __str__(self):
        return f"{self.source} → {self.target} ({self.relation_type})"


class DocumentQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("deciding_body").order_by("decided_on", "slug")

    def for_detail_page(self):
        return self.select_related("deciding_body", "supersedes", "revises", "amending_act").prefetch_related(
            "sources",
            "superseded_by",
            "revisions",
            Prefetch(
                "provision_links",
                queryset=ProvisionLink.objects.select_related("identity__act", "cited_version", "evidence", "node"),
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

    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
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
    note = models.TextField(_("verification note (English)"), blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["decided_on", "slug"]
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
    body = models.TextField(_("body"), blank=True)
    note = models.TextField(_("editorial note (English)"), blank=True)
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


class ProvisionLink(Edited, TypedLink):
    """A typed link from a document (or one of its parts) to a provision of the Act."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="provision_links")
    node = models.ForeignKey(Node, on_delete=models.CASCADE, null=True, blank=True, related_name="provision_links")

    class Meta:
        ordering = ["document__slug", "id"]
        verbose_name = _("link to a provision")
        verbose_name_plural = _("links to provisions")

    def __str__(self):
        return f"{self.node or self.document} → {self.identity} ({self.relation_type})"

    @property
    def record(self):
        return self.node or self.document

    def clean(self):
        """The part making the link belongs to the link's document."""
        super().clean()
        collect([("node", self.part_error())])

    def part_error(self):
        """The editor's message when the part is not one of the document's parts, else None."""
        if self.node_id and self.document_id and self.node.document_id != self.document_id:
            return _("This part belongs to another document: choose a part of the document, or no part.")
        return None

    def save(self, *args, **kwargs):
        """Refuses (ValidationError) a part of another document."""
        collect([("node", self.part_error())])
        super().save(*args, **kwargs)


class PlanEdition(ConstraintMessages, Edited):
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
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("verification note (English)"), blank=True)

    constraint_messages = {
        "plan_edition_date_precision": ("decided_on", _("This date does not fit the precision chosen for it."))
    }

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=partial_date_condition("decided_on", "decided_precision"),
                name="plan_edition_date_precision",
            )
        ]
        verbose_name = _("action plan edition")
        verbose_name_plural = _("action plan editions")

    def __str__(self):
        return self.name_ja or str(self.number)

    @property
    def decided(self):
        return PartialDate(self.decided_on, self.decided_precision) if self.decided_on else None

    def clean(self):
        """The date fits its precision."""
        super().clean()
        collect([("decided_on", partial_date_error(self.decided_on, self.decided_precision))])
