"""Partial dates (a day, a ten-day period, a month, a season or a year) and their Japanese and English forms."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .i18n import reader_language


class DatePrecision(models.TextChoices):
    """How much of a date is known. The stored date is the first day of what is known (see check_partial_date)."""

    DAY = "day", _("day")
    EARLY = "early", _("early in the month")
    MID = "mid", _("mid-month")
    LATE = "late", _("late in the month")
    MONTH = "month", _("month")
    SEASON = "season", _("season")
    YEAR = "year", _("year")


_SEASON_BY_MONTH = {3: ("春", "spring"), 6: ("夏", "summer"), 9: ("秋", "autumn"), 12: ("冬", "winter")}
_XUN_DAY = {DatePrecision.EARLY: 1, DatePrecision.MID: 11, DatePrecision.LATE: 21}
_XUN_LABEL = {
    DatePrecision.EARLY: ("上旬", "early"),
    DatePrecision.MID: ("中旬", "mid-"),
    DatePrecision.LATE: ("下旬", "late"),
}
_ERAS = (  # (first day, kanji, English)
    (datetime.date(2019, 5, 1), "令和", "Reiwa"),
    (datetime.date(1989, 1, 8), "平成", "Heisei"),
    (datetime.date(1926, 12, 25), "昭和", "Showa"),
)


def check_partial_date(date, precision):
    """None when `date` (a datetime.date) follows the convention of `precision` (a DatePrecision value), else
    an English message saying which day it must fall on: the 1st, 11th or 21st for early/mid/late, the 1st for a
    month, the 1st of March, June, September or December for a season, January 1st for a year."""
    if precision not in DatePrecision.values:
        return f"unknown date precision {precision!r}"
    if precision in _XUN_DAY and date.day != _XUN_DAY[precision]:
        return f"a date of precision {precision} must fall on day {_XUN_DAY[precision]}"
    if precision == DatePrecision.MONTH and date.day != 1:
        return "a date of precision month must fall on the 1st"
    if precision == DatePrecision.SEASON and (date.day != 1 or date.month not in _SEASON_BY_MONTH):
        return "a date of precision season must be the 1st of March, June, September or December"
    if precision == DatePrecision.YEAR and (date.month, date.day) != (1, 1):
        return "a date of precision year must be January 1st"
    return None


def partial_date_error(date, precision):
    """The editor's message (lazily translated) when `date` does not follow the convention of `precision`, else
    None. Used by the models' clean() so the admin shows it on the date field."""
    if date is None or check_partial_date(date, precision) is None:
        return None
    messages = {
        DatePrecision.EARLY: _("For “early in the month”, enter the 1st of the month (for example 2016-02-01)."),
        DatePrecision.MID: _("For “mid-month”, enter the 11th of the month (for example 2016-02-11)."),
        DatePrecision.LATE: _("For “late in the month”, enter the 21st of the month (for example 2016-02-21)."),
        DatePrecision.MONTH: _("For a month, enter the 1st of that month (for example 2016-02-01)."),
        DatePrecision.SEASON: _(
            "For a season, enter the first day of the season: 1 March (spring), 1 June (summer), "
            "1 September (autumn) or 1 December (winter). A date in January or February belongs to the "
            "winter that began on 1 December of the year before."
        ),
        DatePrecision.YEAR: _("For a year, enter 1 January of that year (for example 2016-01-01)."),
    }
    return messages.get(precision, _("Choose one of the precisions offered."))


def partial_date_condition(date_field, precision_field):
    """A Q for a CheckConstraint: the date in `date_field` (a field name) is empty or follows the convention of
    the precision in `precision_field`, which must be one of DatePrecision's values (see check_partial_date)."""
    date = date_field
    return (
        Q(**{f"{date}__isnull": True})
        | Q(**{precision_field: DatePrecision.DAY})
        | Q(**{precision_field: DatePrecision.EARLY, f"{date}__day": 1})
        | Q(**{precision_field: DatePrecision.MID, f"{date}__day": 11})
        | Q(**{precision_field: DatePrecision.LATE, f"{date}__day": 21})
        | Q(**{precision_field: DatePrecision.MONTH, f"{date}__day": 1})
        | Q(**{precision_field: DatePrecision.SEASON, f"{date}__day": 1, f"{date}__month__in": [3, 6, 9, 12]})
        | Q(**{precision_field: DatePrecision.YEAR, f"{date}__day": 1, f"{date}__month": 1})
    )


def shown_precision(date, precision):
    """The precision a stored date can be shown at: `precision` when the date follows its convention; a month
    when a season, ten-day period or month does not (the month is still known to be right); the date itself
    (a day) when the precision is not one this module knows. Never raises: rendering must not fail on a value
    saved before the convention was enforced."""
    if precision not in DatePrecision.values:
        return DatePrecision.DAY
    if check_partial_date(date, precision) is None:
        return precision
    if precision == DatePrecision.YEAR:
        return DatePrecision.YEAR  # the year is right whatever the day
    return DatePrecision.MONTH


def era_year(date):
    """The Japanese era year of a date: 2015-09-04 → 平成27年; the first year of an era is 元年; "" before 昭和."""
    for start, name, _en in _ERAS:
        if date >= start:
            year = date.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年"
    return ""


def _era_for_year(year):
    eras = {era_year(datetime.date(year, 1, 1)), era_year(datetime.date(year, 12, 31))}
    return "／".join(sorted(eras, key=lambda e: e.startswith("令和")))


_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_partial_date(date, precision=DatePrecision.DAY, language=None, with_era=True):
    """Render a date at its precision: 2011年秋 / autumn 2011, 2015年9月4日（平成27年） / 4 September 2015."""
    if date is None:
        return ""
    language = reader_language(language)
    precision = shown_precision(date, precision or DatePrecision.DAY)
    if language == "ja":
        if precision == DatePrecision.DAY:
            text, era = f"{date.year}年{date.month}月{date.day}日", era_year(date)
        elif precision in _XUN_DAY:
            text, era = f"{date.year}年{date.month}月{_XUN_LABEL[precision][0]}", era_year(date)
        elif precision == DatePrecision.MONTH:
            text, era = f"{date.year}年{date.month}月", era_year(date)
        elif precision == DatePrecision.SEASON:
            text = f"{date.year}年{_SEASON_BY_MONTH[date.month][0]}"
            era = _era_for_year(date.year)
        else:
            text, era = f"{date.year}年", _era_for_year(date.year)
        return f"{text}（{era}）" if with_era and era else text
    month = _EN_MONTHS[date.month - 1]
    if precision == DatePrecision.DAY:
        return f"{date.day} {month} {date.year}"
    if precision in _XUN_DAY:
        return f"{_XUN_LABEL[precision][1]}{'' if precision == DatePrecision.MID else ' '}{month} {date.year}"
    if precision == DatePrecision.MONTH:
        return f"{month} {date.year}"
    if precision == DatePrecision.SEASON:
        return f"{_SEASON_BY_MONTH[date.month][1]} {date.year}"
    return str(date.year)


@dataclass(frozen=True)
class PartialDate:
    """A date at its precision; str() gives the reader's language, `iso` what is known (2011, 2011-09, 2011-09-04)."""

    date: datetime.date
    precision: str = DatePrecision.DAY

    def __str__(self):
        return format_partial_date(self.date, self.precision)

    @property
    def iso(self):
        """Machine-readable form for <time datetime>: as much as is known."""
        precision = shown_precision(self.date, self.precision)
        if precision == DatePrecision.DAY:
            return self.date.isoformat()
        if precision == DatePrecision.YEAR or precision == DatePrecision.SEASON:
            return f"{self.date.year:04d}"
        return f"{self.date.year:04d}-{self.date.month:02d}"
