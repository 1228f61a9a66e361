"""Glossary terms: the terms of the acts and of the policy documents, with where each is defined."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.editing import Edited, Publishable, PublishableQuerySet

from .acts import ArticleIdentity
from .references import Source


class Term(Publishable, Edited):
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

    objects = PublishableQuerySet.as_manager()

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
        aliases = getattr(self, f"aliases_{language}", "") or ""  # a translation column may hold NULL
        values = [getattr(self, f"term_{language}", ""), *aliases.split(",")]
        return sorted({v.strip() for v in values if v and v.strip()}, key=lambda form: (-len(form), form))
