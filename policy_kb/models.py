"""The search index (one row per searchable record part, tokenised the same way on every database) and the
redirects from the former addresses of renamed records."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# A path of this site's pages: a language prefix, then printable characters without spaces or backslashes. No
# scheme and no host, so a redirect never leaves the site.
SITE_PATH = re.compile(r"/(?:ja|en)/[^\s\\\x00-\x1f\x7f]*")


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20, db_index=True)
    object_key = models.CharField(max_length=120)
    url = models.CharField(max_length=300)
    anchor = models.CharField(max_length=60, blank=True)
    version = models.CharField(max_length=80, blank=True)  # "<act slug>:<version key>"
    superseded = models.BooleanField(default=False)  # a provision of a text replaced by a later version
    version_label_ja = models.CharField(max_length=200, blank=True)  # the version's label, shown with the hit
    version_label_en = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title_ja = models.TextField(blank=True)
    title_en = models.TextField(blank=True)
    body_ja = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    # Normalised copies (see policy_kb.search.text.normalize) for the phrase check, so queries never normalise rows.
    normalized_title = models.TextField(blank=True)
    normalized_ja = models.TextField(blank=True)
    normalized_en = models.TextField(blank=True)
    normalized_other = models.TextField(blank=True)  # other names: aliases, countries, the parent document
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_key"], name="search_entry_unique")]

    def __str__(self):
        return f"{self.kind}:{self.object_key}"


class Redirect(models.Model):
    """A former address of a renamed record, answered with a permanent redirect to its current address.

    Kept here rather than in django.contrib.redirects, which needs django.contrib.sites: installing that would
    make the sitemap name one configured domain instead of the host the site is served under. Paths include the
    language prefix (/ja/incidents/old-slug/); policy_kb.renames writes them, the middleware reads them.
    """

    old_path = models.CharField(_("former address"), max_length=300, unique=True)
    new_path = models.CharField(_("current address"), max_length=300)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        """Both addresses are paths of this site's pages (SITE_PATH) and differ. Raises ValidationError by field."""
        errors = {
            name: _("Enter an address of this site that starts with /ja/ or /en/, without a host or spaces.")
            for name in ("old_path", "new_path")
            if not SITE_PATH.fullmatch(getattr(self, name) or "")
        }
        if not errors and self.old_path == self.new_path:
            errors["new_path"] = _("The current address must differ from the former address.")
        if errors:
            raise ValidationError(errors)
