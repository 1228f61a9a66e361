"""Incidents: what happened, when (at the precision known), according to whom, and what policy answered."""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from core.dates import DatePrecision, PartialDate, partial_date_condition, partial_date_error
from core.editing import Edited, Publishable, PublishableQuerySet
from core.validation import ConstraintMessages, collect
from laws.models import Source, TypedLink
from strategy.models import Document, Node, Sector


class AttackType(Edited, MPTTModel):
    """A kind of attack, in a tree (a targeted e-mail attack is a kind of intrusion); siblings are ordered by
    position, then slug."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    parent = TreeForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    position = models.PositiveIntegerField(_("position"), default=0)

    class MPTTMeta:
        order_insertion_by = ["position", "slug"]

    class Meta:
        verbose_name = _("attack type")
        verbose_name_plural = _("attack types")

    def __str__(self):
        return self.name_ja or self.slug


class Country(Edited):
    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name_ja or self.code


class IncidentQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.order_by("start_date", "slug").prefetch_related("countries", "attack_types", "sectors")

    def for_detail_page(self):
        return self.prefetch_related(
            "countries",
            "attack_types",
            "sectors",
            Prefetch("sources", queryset=Source.objects.select_related("cited_by")),
            Prefetch("figures", queryset=ImpactFigure.objects.select_related("source__cited_by")),
            Prefetch(
                "links",
                queryset=IncidentLink.objects.select_related(
                    "document", "node__document", "identity__act", "cited_version", "evidence__cited_by"
                ),
            ),
        ).select_related("attribution_source__cited_by")


class Incident(ConstraintMessages, Publishable, Edited):
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    start_date = models.DateField(_("start"))
    start_precision = models.CharField(
        _("start precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    deck_label = models.CharField(_("label in the briefing deck"), max_length=200, blank=True)
    deck_date = models.DateField(_("date in the briefing deck"), null=True, blank=True)
    deck_precision = models.CharField(
        _("precision in the briefing deck"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )
    countries = models.ManyToManyField(Country, related_name="incidents")
    sectors = models.ManyToManyField(Sector, related_name="incidents", blank=True)
    sectors_interpretation = models.BooleanField(
        _("sectors are an interpretation"),
        default=True,
        help_text=_(
            "The sectors are this knowledge base's mapping of the incident onto Japan's critical infrastructure "
            "sectors, not stated by a source."
        ),
    )
    attack_types = models.ManyToManyField(AttackType, related_name="incidents", blank=True)
    attribution = models.TextField(_("attribution, as stated by the source"), blank=True)
    attribution_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="attributed_incidents"
    )
    sources = models.ManyToManyField(Source, related_name="incidents")

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "slug"]
        # the list and the timeline read a page of published incidents in date order without sorting them all
        indexes = [models.Index(fields=["status", "start_date", "slug"], name="incident_public_by_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(attribution="") | Q(attribution_source__isnull=False),
                name="incident_attribution_has_source",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="incident_end_after_start",
            ),
            models.CheckConstraint(
                condition=partial_date_condition("start_date", "start_precision"), name="incident_start_precision"
            ),
            models.CheckConstraint(
                condition=partial_date_condition("end_date", "end_precision"), name="incident_end_precision"
            ),
            models.CheckConstraint(
                condition=partial_date_condition("deck_date", "deck_precision"), name="incident_deck_precision"
            ),
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    constraint_messages = {
        "incident_end_after_start": ("end_date", _("The end cannot be before the start: check both dates.")),
        "incident_start_precision": ("start_date", _("This date does not fit the precision chosen for it.")),
        "incident_end_precision": ("end_date", _("This date does not fit the precision chosen for it.")),
        "incident_deck_precision": ("deck_date", _("This date does not fit the precision chosen for it.")),
        "incident_attribution_has_source": (
            "attribution_source",
            _("An attribution is shown only with the source that states it: choose that source."),
        ),
    }

    def __str__(self):
        return self.title_ja or self.slug

    def get_absolute_url(self):
        return reverse("incidents:detail", kwargs={"slug": self.slug})

    def clean(self):
        """Each date fits its precision; the end is not before the start. Raises ValidationError by field."""
        super().clean()
        end_first = self.end_date and self.start_date and self.end_date < self.start_date
        collect(
            [
                ("start_date", partial_date_error(self.start_date, self.start_precision)),
                ("end_date", partial_date_error(self.end_date, self.end_precision)),
                ("deck_date", partial_date_error(self.deck_date, self.deck_precision)),
                ("end_date", _("The end cannot be before the start: check both dates.") if end_first else None),
            ]
        )

    @property
    def start(self):
        return PartialDate(self.start_date, self.start_precision)

    @property
    def end(self):
        return PartialDate(self.end_date, self.end_precision) if self.end_date else None

    @property
    def deck(self):
        return PartialDate(self.deck_date, self.deck_precision) if self.deck_date else None


class ImpactFigure(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=100)
    unit_en_singular = models.CharField(
        _("English unit for one"),
        max_length=100,
        blank=True,
        help_text=_("The English unit when the value is exactly 1 (hour for hours); empty when it does not change."),
    )
    label = models.CharField(_("what was counted"), max_length=300)
    approximate = models.BooleanField(_("approximate"), default=False)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="figures")

    class Meta:
        ordering = ["incident", "id"]
        verbose_name = _("impact figure")
        verbose_name_plural = _("impact figures")

    def __str__(self):
        return f"{self.value} {self.unit_ja}"


class IncidentLink(ConstraintMessages, TypedLink):
    """A typed link from an incident to a document, a part of one, or a provision."""

    constraint_messages = {
        "incident_link_one_target": (
            "document",
            _("Link to a document (and, if you wish, one of its parts) or to an article, not to both or neither."),
        )
    }

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="links")
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, null=True, blank=True, related_name="incident_links"
    )
    node = models.ForeignKey(Node, on_delete=models.CASCADE, null=True, blank=True, related_name="incident_links")

    class Meta:
        ordering = ["incident", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(document__isnull=False) & Q(identity__isnull=True))
                | (Q(document__isnull=True) & Q(node__isnull=True) & Q(identity__isnull=False)),
                name="incident_link_one_target",
            )
        ]
        verbose_name = _("incident link")
        verbose_name_plural = _("incident links")

    def __str__(self):
        return f"{self.incident} → {self.node or self.document or self.identity} ({self.relation_type})"

    @property
    def target(self):
        return self.node or self.document or self.identity

    def clean(self):
        """A part linked to must belong to the document linked to (LawReference.clean checks the version)."""
        super().clean()
        collect([("node", self.part_error())])

    def part_error(self):
        """The editor's message when the part is not one of the document's parts, else None."""
        if self.node_id and self.node.document_id != self.document_id:
            return _("This part belongs to another document: choose a part of the document linked to, or no part.")
        return None

    def save(self, *args, **kwargs):
        """Refuses (ValidationError) a link whose part or cited version contradicts its document or article."""
        collect([("node", self.part_error())])
        super().save(*args, **kwargs)
