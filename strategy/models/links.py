"""Typed links from documents and their parts to provisions and other records, and action plan editions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, PartialDate, partial_date_condition, partial_date_error
from core.editing import Edited
from core.validation import ConstraintMessages, collect
from laws.models import Source, TypedLink

from .bodies import Organisation, Sector
from .documents import Document, Node


class ProvisionLink(Edited, TypedLink):
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
        """Exactly one target: a provision, an organisation, a sector or a document (with, optionally, its part);
        the part making the link belongs to the link's document."""
        super().clean()
        collect([("node", self.part_error())])
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
    sources = models.ManyToManyField(Source, blank=True, related_name="plan_editions")
    verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("verification note"), blank=True)

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
