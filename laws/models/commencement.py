"""When parts of a version's text came into force later than the version itself (a delayed commencement)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, PartialDate
from laws.address import article_sort_key

from .acts import Version
from .references import Source


def _numbers(value):
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _period_end(start, precision):
    """The first day after the period a partial date stands for (see core.dates.DatePrecision)."""
    if precision in (DatePrecision.EARLY, DatePrecision.MID):
        return start + datetime.timedelta(days=10)
    months = {DatePrecision.LATE: 1, DatePrecision.MONTH: 1, DatePrecision.SEASON: 3, DatePrecision.YEAR: 12}
    month = start.month - 1 + months[precision]
    return datetime.date(start.year + month // 12, month % 12 + 1, 1)


class Commencement(models.Model):
    """Provisions of one version that came into force on a later day than the version (for the Basic Act as
    enacted: Chapters II and IV and 附則第四条, from a day set by Cabinet Order under 附則第一条 ただし書).

    chapters, supplementary_articles: comma-separated numbers ("2,4"; articles of the act's own 附則);
    articles: comma-separated article numbers or ranges ("12, 25..35", statute order); in_force_from with its
    precision (None: the day is not known); basis: the provision that sets the day; source and verified: where the
    date comes from and whether it was checked there.
    """

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="commencements")
    chapters = models.CharField(_("chapters"), max_length=100, blank=True, help_text=_("For example: 2,4"))
    articles = models.CharField(_("articles"), max_length=200, blank=True, help_text=_("For example: 12, 25..35"))
    supplementary_articles = models.CharField(
        _("articles of the supplementary provisions"), max_length=100, blank=True, help_text=_("For example: 4")
    )
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    precision = models.CharField(
        _("precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    basis = models.CharField(_("basis"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="commencements")
    verified = models.BooleanField(_("verified"), default=False)

    class Meta:
        ordering = ["version", "in_force_from"]
        verbose_name = _("commencement")
        verbose_name_plural = _("commencements")

    def __str__(self):
        return f"{self.version}: {self.chapters or self.articles or self.supplementary_articles}"

    @property
    def date(self):
        """The day (or period) it came into force as a PartialDate, or None when not known."""
        return PartialDate(self.in_force_from, self.precision) if self.in_force_from else None

    def covers(self, article=None, chapter=None, supplementary_article=None):
        """True when the provision is in its scope: an article number ("25"), the number of the chapter that
        holds it ("4"), or an article of the act's own 附則 ("4")."""
        if chapter and chapter in _numbers(self.chapters):
            return True
        if supplementary_article and supplementary_article in _numbers(self.supplementary_articles):
            return True
        if not article:
            return False
        for part in _numbers(self.articles):
            first, _sep, last = part.partition("..")
            if article_sort_key(first) <= article_sort_key(article) <= article_sort_key(last or first):
                return True
        return False

    def in_force_on(self, date):
        """True when these provisions were in force on `date`, False when not yet, None when the date is unknown
        or falls inside the period a partial date stands for (January 2015 for 2015-01-05)."""
        if self.in_force_from is None:
            return None
        if date < self.in_force_from:
            return False
        if self.precision == DatePrecision.DAY:
            return True
        return True if date >= _period_end(self.in_force_from, self.precision) else None
