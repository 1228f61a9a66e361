"""Critical infrastructure sectors, organisations and the relations between organisations."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.editing import Edited, Publishable, PublishableQuerySet
from core.fields import http_url_field
from core.validation import collect
from laws.models import Source, TypedLink


class Sector(Edited):
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
    sources = models.ManyToManyField(Source, blank=True, related_name="organisations")

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
