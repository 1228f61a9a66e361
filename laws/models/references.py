"""Sources that facts cite, and references to provisions as a citing source numbers them (typed links build on them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.editing import Edited
from core.fields import http_url_field
from core.relations import RelationType
from core.validation import collect
from laws.address import ProvisionAddress

from .acts import ArticleIdentity, Version


class Source(Edited):
    """A document cited for a fact: shared by every app (facts carry their source).

    `checked` says what this knowledge base has seen of it: the document itself (the original or a stored copy;
    the note says which), only another source that cites it (`cited_by`), or nothing. The link fields record
    the last check of its address by `manage.py check_source_links`; they say nothing about its content.
    """

    class Checked(models.TextChoices):
        SEEN = "seen", _("seen in the document")
        CITED = "cited", _("cited by a source seen")
        UNCHECKED = "unchecked", _("not checked")

    class LinkStatus(models.TextChoices):
        UNCHECKED = "unchecked", _("address not checked yet")
        OK = "ok", _("address answers")
        REDIRECTED = "redirected", _("address redirects")
        BROKEN = "broken", _("address broken")
        UNREACHABLE = "unreachable", _("address unreachable")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    url = http_url_field(_("URL"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True, help_text=_("As the source names it."))
    publisher_en = models.CharField(
        _("publisher in English"), max_length=200, blank=True, help_text=_("For a publisher not named in English.")
    )
    title = models.CharField(_("title"), max_length=400, help_text=_("As the document gives it, in its language."))
    title_en = models.CharField(
        _("title in English"),
        max_length=400,
        blank=True,
        help_text=_("A provisional translation, for a document not in English."),
    )
    title_supplied = models.BooleanField(
        _("title supplied"),
        default=False,
        help_text=_("The title describes the document in this knowledge base's words: its own title is not known."),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    checked = models.CharField(
        _("checked"),
        max_length=10,
        choices=Checked.choices,
        default=Checked.UNCHECKED,
        help_text=_("Seen in the document (the original or a stored copy), cited by a source seen, or not checked."),
    )
    cited_by = models.ForeignKey(
        "self",
        verbose_name=_("cited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cites",
        help_text=_("For a source known only because another source cites it: that source."),
    )
    note = models.TextField(_("note"), blank=True)
    link_status = models.CharField(
        _("address status"), max_length=12, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED, editable=False
    )
    link_http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True, editable=False)
    link_final_url = models.CharField(_("address after redirects"), max_length=500, blank=True, editable=False)
    link_error = models.CharField(_("error"), max_length=300, blank=True, editable=False)
    link_checked_at = models.DateTimeField(_("address last checked"), null=True, blank=True, editable=False)

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

    def clean(self):
        super().clean()
        collect([("cited_version", self.version_error())])

    def version_error(self):
        """The editor's message when the cited version is not a version of the article's act, else None."""
        if self.identity_id and self.cited_version_id and self.cited_version.act_id != self.identity.act_id:
            return _("The version cited must be a version of the act the article belongs to.")
        return None

    def address(self):
        """The ProvisionAddress of the cited provision, numbered as the source cites it (load identity.act and
        cited_version to avoid queries), or None when no article is referred to."""
        if not self.identity_id:
            return None
        number = self.cited_article or self.identity.key
        if self.cited_version_id:
            act = self.identity.act.slug
            return ProvisionAddress.in_version(self.cited_version, number, self.paragraph, self.item, act=act)
        return ProvisionAddress(self.identity.act.slug, number, self.paragraph, self.item)

    @property
    def anchor(self):
        return self.address().anchor if self.identity_id else ""

    def citation(self, language):
        """Art. 25(1)(iii) / 第二十五条第一項第三号, numbered as the source cites it; "" without an article."""
        address = self.address()
        return address.label(language) if address else ""

    def target_url(self):
        """The language-neutral path of the article page in the cited version, at the paragraph or item anchor."""
        address = self.address()
        return address.path() if address else ""


class TypedLink(LawReference):
    """A link in the network: its relation, a note, the source that shows it, and whether it is
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

    def save(self, *args, **kwargs):
        """Refuses (ValidationError) a link citing a version of another act than its article's."""
        collect([("cited_version", self.version_error())])
        super().save(*args, **kwargs)
