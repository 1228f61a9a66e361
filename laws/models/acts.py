"""Acts, their versions, the identity and numbering of their articles across versions, and amending acts."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.editing import Edited
from core.fields import http_url_field
from core.imported import ImportedFieldsModelMixin, ImportedFieldsQuerySetMixin
from laws.address import article_label_ja


class ImportedQuerySet(ImportedFieldsQuerySetMixin, models.QuerySet):
    """A queryset that refuses update() and bulk_update() of the model's imported fields (core.imported)."""


class Act(ImportedFieldsModelMixin, Edited):
    """A statute. Its titles, law number and e-Gov ID come from the statute's own records (e-Gov).

    The Japanese title, the Japanese law number and the e-Gov ID are imported (core.imported): only the loader
    sets them.
    """

    imported_fields = ("title_ja", "law_number_ja", "egov_law_id")

    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    short_title = models.CharField(
        _("short title"),
        max_length=100,
        blank=True,
        help_text=_("The abbreviated title used when citing it (略称), e.g. 基本法; several separated by commas."),
    )
    law_number = models.CharField(_("law number"), max_length=100)
    egov_law_id = models.CharField(_("e-Gov law ID"), max_length=40, unique=True)
    promulgated = models.DateField(_("promulgated"))
    egov_url = http_url_field(_("e-Gov page"), blank=True)
    translation_url = http_url_field(_("official English translation"), blank=True)

    objects = ImportedQuerySet.as_manager()

    class Meta:
        ordering = ["promulgated", "slug"]
        verbose_name = _("act")
        verbose_name_plural = _("acts")

    def __str__(self):
        return self.title_ja or self.slug

    def get_absolute_url(self):
        return reverse("laws:act", kwargs={"act": self.slug})

    def names(self, language):
        """Every name that cites this act in a language, longest first: its title (with and without a
        leading "The") and its short titles. Returns a list of str."""
        title = getattr(self, f"title_{language}", "") or ""
        names = {title, title.removeprefix("The ").removeprefix("the ")}
        names.update(part.strip() for part in (getattr(self, f"short_title_{language}", "") or "").split(","))
        return sorted((name for name in names if name), key=len, reverse=True)


class AmendingAct(Edited):
    """An act that amended this act, with its dates as stated in its supplementary provisions."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="amending_acts")
    key = models.SlugField(_("key"), max_length=20, help_text=_("Era, year and number, e.g. H28-31."))
    law_number = models.CharField(_("law number"), max_length=100)
    title = models.CharField(_("title"), max_length=300, blank=True)
    promulgated = models.DateField(_("promulgated"))
    effective = models.DateField(_("in force from"), null=True, blank=True)
    effective_note = models.CharField(_("entry into force"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    source = models.ForeignKey(
        "laws.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amending_acts",
        help_text=_("Where its law number, title and dates were read."),
    )

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


class VersionQuerySet(ImportedFieldsQuerySetMixin, models.QuerySet):
    def in_force_on(self, date):
        """The versions in force on `date`, latest first: `.first()` is the text in force that day."""
        return self.filter(in_force_from__lte=date).order_by("-in_force_from")


class Version(ImportedFieldsModelMixin, Edited):
    """One text of an act: the act as it stood from `in_force_from` until the next version took over.

    Its source data (file name, checksum, front matter) is imported (core.imported): only the importer sets it.
    """

    imported_fields = ("source_file", "source_sha256", "front_matter")

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="versions")
    key = models.SlugField(_("key"), max_length=20, help_text=_("Short name in addresses: ?version=<key>."))
    label = models.CharField(_("label"), max_length=200)
    in_force_from = models.DateField(_("in force from"))
    in_force_until = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the next version took over; empty for the latest. Derived from the versions' dates."),
    )
    amended_through = models.ForeignKey(
        AmendingAct,
        verbose_name=_("reflects amendments up to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
    )
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(
        "laws.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        help_text=_("The document this text was taken from."),
    )
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

    def is_in_force(self, date=None):
        """True when this is the text in force on `date` (default: today in Tokyo); reads no other row.

        Relies on in_force_until, which laws.services.sync_version_periods keeps in step with the act's versions.
        """
        date = date or timezone.localdate()
        return self.in_force_from <= date < (self.in_force_until or datetime.date.max)


class ArticleIdentity(ImportedFieldsModelMixin, Edited):
    """The same article across versions, whatever number it carries in each (see ArticleNumber).

    Its Japanese caption is imported from the statute text (core.imported); the English one is a translation.
    """

    imported_fields = ("caption_ja",)

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="article_identities")
    key = models.CharField(
        _("key"), max_length=20, help_text=_("The article's number in the latest text of the act that has it.")
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    objects = ImportedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["act", "key"], name="identity_unique_key")]
        verbose_name = _("article identity")
        verbose_name_plural = _("article identities")

    def __str__(self):
        return article_label_ja(self.key)


class ArticleNumber(ImportedFieldsModelMixin, models.Model):
    """The number an article carries in one version (the lineage table: 第二十五条 in 2014 is 第二十六条 now).

    Loaded with the act and never edited (core.imported).
    """

    imported_fields = ("identity_id", "version_id", "number")

    identity = models.ForeignKey(ArticleIdentity, on_delete=models.CASCADE, related_name="numbers")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="article_numbers")
    number = models.CharField(_("number"), max_length=20)

    objects = ImportedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="article_number_unique_in_version"),
            models.UniqueConstraint(fields=["version", "identity"], name="article_number_one_per_version"),
        ]
        verbose_name = _("article number")
        verbose_name_plural = _("article numbers")

    def __str__(self):
        return f"{self.version.key}: {article_label_ja(self.number)}"


class ProvisionChange(models.Model):
    """What one amending act did to one article: added, changed, renumbered or deleted it."""

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
