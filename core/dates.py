"""Partial dates (a day, a ten-day period, a month, a season or a year) and their Japanese and English forms."""

import datetime
from dataclasses import dataclass

from django.db import models
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
    if precision in _XUN_DAY and date.day != _XUN_DAY[precision]:
        return f"a date of precision {precision} must fall on day {_XUN_DAY[precision]}"
    if precision == DatePrecision.MONTH and date.day != 1:
        return "a date of precision month must fall on the 1st"
    if precision == DatePrecision.SEASON and (date.day != 1 or date.month not in _SEASON_BY_MONTH):
        return "a date of precision season must be the 1st of March, June, September or December"
    if precision == DatePrecision.YEAR and (date.month, date.day) != (1, 1):
        return "a date of precision year must be January 1st"
    return None


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
    precision = precision or DatePrecision.DAY
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
        if self.precision == DatePrecision.DAY:
            return self.date.isoformat()
        if self.precision == DatePrecision.YEAR or self.precision == DatePrecision.SEASON:
            return f"{self.date.year:04d}"
        return f"{self.date.year:04d}-{self.date.month:02d}"
