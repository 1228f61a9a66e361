"""Helpers shared by every app: partial dates, Japanese numerals, the relation vocabulary,
translation fallback and safe URLs.

This module sits at the bottom of the dependency graph: it imports no app of this project, so
`laws`, `strategy`, `incidents` and `policy_kb` can all use it.
"""

import datetime
import functools
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.validators import URLValidator
from django.db import models
from django.http import Http404
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

# --- Safe URLs -------------------------------------------------------------------------------

http_url_validator = URLValidator(schemes=["http", "https"])


class HttpURLField(models.URLField):
    """A URL field that accepts only http and https (Django's default also takes ftp)."""

    default_validators = [http_url_validator]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)


# --- Japanese numerals -----------------------------------------------------------------------

KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def int_to_kanji(number):
    """12 -> 十二, 104 -> 百四, 30 -> 三十 (the style used in statute citations)."""
    if number <= 0:
        raise ValueError("only positive numbers have a statute form")
    out = []
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        count, number = divmod(number, unit_value)
        if count:
            out.append(("" if count == 1 else KANJI_DIGITS[count]) + unit)
    if number:
        out.append(KANJI_DIGITS[number])
    return "".join(out)


def kanji_to_int(text):
    """十二 -> 12, 百四 -> 104, 三〇 -> 30 (positional form also accepted). Raises ValueError."""
    if not text:
        raise ValueError("empty numeral")
    if all(ch in KANJI_DIGITS for ch in text):
        return int("".join(str(KANJI_DIGITS.index(ch)) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in KANJI_DIGITS:
            current = KANJI_DIGITS.index(ch)
        elif ch in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a kanji numeral: {text!r}")
    return total + current


def to_halfwidth_digits(text):
    return unicodedata.normalize("NFKC", text)


def article_label_ja(number):
    """ "30-2" -> 第三十条の二."""
    main, _sep, branch = number.partition("-")
    label = f"第{int_to_kanji(int(main))}条"
    if branch:
        label += f"の{int_to_kanji(int(branch))}"
    return label


def article_label_en(number):
    """ "30-2" -> Art. 30-2."""
    return f"Art. {number}"


def provision_anchor(paragraph=None, item=None):
    """The page anchor of a paragraph or item, the same in both languages: p2, p2-i3."""
    if paragraph and item:
        return f"p{paragraph}-i{item}"
    return f"p{paragraph}" if paragraph else ""


def article_sort_key(number):
    main, _sep, branch = number.partition("-")
    return (int(main), int(branch or 0))


# --- Partial dates ---------------------------------------------------------------------------


class DatePrecision(models.TextChoices):
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
    """Return an error message if the stored date does not follow the precision's convention."""
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
    """2015-09-04 -> 平成27年; the first year of an era is 元年."""
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
    language = (language or get_language() or "ja")[:2]
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


# --- Translation fallback --------------------------------------------------------------------


@dataclass(frozen=True)
class Localized:
    """A content value in the reader's language, or the Japanese original when it is missing."""

    text: str
    lang: str
    is_fallback: bool

    def __str__(self):
        return self.text


def localized(obj, field, language=None):
    language = (language or get_language() or "ja")[:2]
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return Localized(value, language, False)
    original = getattr(obj, f"{field}_ja", "") or ""
    return Localized(original, "ja", language != "ja" and bool(original))


def current_language():
    return (get_language() or "ja")[:2]


# --- The relation vocabulary -----------------------------------------------------------------


class RelationType(models.TextChoices):
    LEGAL_BASIS = "legal_basis", _("legal basis")
    IMPLEMENTS = "implements", _("implements")
    REVISES = "revises", _("revises")
    SUPERSEDES = "supersedes", _("supersedes")
    AMENDS = "amends", _("amends")
    PROMPTED = "prompted", _("prompted")
    INVESTIGATED_UNDER = "investigated_under", _("investigated under")
    ILLUSTRATES_RISK = "illustrates_risk", _("illustrates the risk addressed by")
    RESPONDS_TO = "responds_to", _("responds to")
    REPORTS_TO = "reports_to", _("reports to")
    ENTRUSTS_TO = "entrusts_to", _("entrusts work to")
    COOPERATES_WITH = "cooperates_with", _("cooperates with")
    MAY_RECOMMEND_TO = "may_recommend_to", _("may recommend to")
    REQUESTS_COOPERATION_FROM = "requests_cooperation_from", _("may request cooperation from")
    PROVIDES_MATERIALS_TO = "provides_materials_to", _("provides materials to")
    SECRETARIAT_OF = "secretariat_of", _("secretariat of")
    PART_OF = "part_of", _("part of")
    RELATED = "related", _("related to")


# How a link reads from its target's side ("legal basis" seen from the article: "legal basis of").
RELATION_INVERSE = {
    RelationType.LEGAL_BASIS: _("legal basis of"),
    RelationType.IMPLEMENTS: _("implemented by"),
    RelationType.REVISES: _("revised by"),
    RelationType.SUPERSEDES: _("superseded by"),
    RelationType.AMENDS: _("amended by"),
    RelationType.PROMPTED: _("prompted by"),
    RelationType.INVESTIGATED_UNDER: _("legal basis for investigating"),
    RelationType.ILLUSTRATES_RISK: _("addresses the risk illustrated by"),
    RelationType.RESPONDS_TO: _("answered by"),
    RelationType.REPORTS_TO: _("receives reports from"),
    RelationType.ENTRUSTS_TO: _("entrusted with work by"),
    RelationType.COOPERATES_WITH: _("cooperates with"),
    RelationType.MAY_RECOMMEND_TO: _("may receive recommendations from"),
    RelationType.REQUESTS_COOPERATION_FROM: _("asked to cooperate by"),
    RelationType.PROVIDES_MATERIALS_TO: _("receives materials from"),
    RelationType.SECRETARIAT_OF: _("has as its secretariat"),
    RelationType.PART_OF: _("includes"),
    RelationType.RELATED: _("related to"),
}

RELATION_DEFINITIONS = {
    RelationType.LEGAL_BASIS: _("The record was made under the provision: the provision is what authorises it."),
    RelationType.IMPLEMENTS: _("The record puts the target into practice."),
    RelationType.REVISES: _("The record is a revised edition of the target, which stays a separate record."),
    RelationType.SUPERSEDES: _("The record replaces the target, which is no longer current."),
    RelationType.AMENDS: _("The amending act or its overview changed the provision."),
    RelationType.PROMPTED: _("The incident is named by a source as a reason for the policy response."),
    RelationType.INVESTIGATED_UNDER: _("The incident was investigated using the powers the provision grants."),
    RelationType.ILLUSTRATES_RISK: _("The incident is an example of the risk that the target is meant to address."),
    RelationType.RESPONDS_TO: _("The record is a response to the target."),
    RelationType.REPORTS_TO: _("The organisation reports to the target organisation."),
    RelationType.ENTRUSTS_TO: _("The organisation may entrust part of its work to the target."),
    RelationType.COOPERATES_WITH: _("The two organisations work in close cooperation."),
    RelationType.MAY_RECOMMEND_TO: _("The organisation may address recommendations to the target."),
    RelationType.REQUESTS_COOPERATION_FROM: _("The organisation may ask the target for cooperation."),
    RelationType.PROVIDES_MATERIALS_TO: _("The organisation must provide materials and information to the target."),
    RelationType.SECRETARIAT_OF: _("The organisation runs the target's secretariat."),
    RelationType.PART_OF: _("The organisation is established within the target."),
    RelationType.RELATED: _("A relation that none of the other types describes; the note says which."),
}


def relation_wording(relation_type, outgoing=True):
    relation_type = RelationType(relation_type)
    return relation_type.label if outgoing else RELATION_INVERSE[relation_type]


LANGUAGE_CHOICES = [
    ("ja", pgettext_lazy("language", "Japanese")),
    ("en", pgettext_lazy("language", "English")),
    ("fr", pgettext_lazy("language", "French")),
    ("ko", pgettext_lazy("language", "Korean")),
    ("ru", pgettext_lazy("language", "Russian")),
    ("uk", pgettext_lazy("language", "Ukrainian")),
]


# --- Bulk operations -------------------------------------------------------------------------

_bulk_state = threading.local()


@contextmanager
def bulk_load():
    """Marks a bulk load or import: per-record side effects (index updates) wait for its end."""
    previous = getattr(_bulk_state, "active", False)
    _bulk_state.active = True
    try:
        yield
    finally:
        _bulk_state.active = previous


def in_bulk_load():
    return getattr(_bulk_state, "active", False)


# --- Error pages -----------------------------------------------------------------------------


class BadRequest(ValueError):
    """A malformed parameter. Its (translated) message is shown on a 400 page by explains_errors."""


class NotFound(Http404):
    """Nothing answers a well-formed request. Its (translated) message is shown on a 404 page."""


def explains_errors(view):
    """Answers a view's BadRequest with a 400 page and its NotFound with a 404 page, each saying why."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return error_response(request, 400, str(error))
        except NotFound as error:
            return error_response(request, 404, str(error))

    return wrapper


def error_response(request, status, message, *, title=None):
    """A 4xx page in the reader's language that says what was wrong and what to do instead."""
    from django.shortcuts import render

    titles = {400: _("The request could not be understood"), 404: _("Page not found")}
    return render(
        request,
        "error.html",
        {"status": status, "title": title or titles.get(status, _("Error")), "message": message},
        status=status,
    )
