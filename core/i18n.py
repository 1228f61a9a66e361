"""The reader's language, worked out in one place, and content in it with a visible Japanese fallback."""

from dataclasses import dataclass

from django.utils.translation import get_language

FALLBACK_LANGUAGE = "ja"


def reader_language(language=None):
    """The two-letter code of the language to show: `language` if given, else the active one, else "ja".

    Django activates the language of the URL prefix (/ja/, /en/) for every request, so inside a request
    this is the reader's language; outside one (commands, tests) it is Japanese unless activated.
    """
    return (language or get_language() or FALLBACK_LANGUAGE)[:2]


@dataclass(frozen=True)
class Localized:
    """A content value in the reader's language, or the Japanese original when that is missing.

    text: the value; lang: the language it is written in ("ja" or "en"); is_fallback: True when the reader
    asked for English and is given the Japanese original.
    """

    text: str
    lang: str
    is_fallback: bool

    def __str__(self):
        return self.text


def localized(obj, field, language=None):
    """`obj.<field>_<language>`, falling back to `obj.<field>_ja`. Returns a Localized (text "" when both are empty)."""
    language = reader_language(language)
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return Localized(value, language, False)
    original = getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or ""
    return Localized(original, FALLBACK_LANGUAGE, language != FALLBACK_LANGUAGE and bool(original))
