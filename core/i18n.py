"""The reader's language, worked out in one place, and content in it with a visible Japanese fallback."""

import re
from dataclasses import dataclass

from django.utils.safestring import mark_safe
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


def negotiate_language(accept_language, supported, default):
    """The language to serve for an Accept-Language header (RFC 9110 §12.5.4), or None when every supported one
    is refused.

    accept_language: the header's value; supported: language codes in order of preference ("ja", "en");
    default: the one to serve when the header prefers none of them. A range's q is 0 to 1 (a malformed entry
    is ignored); "en-GB" counts for "en"; the most specific range that covers a language sets its q, "*" the
    rest. A language with q=0 is never chosen: if the header refuses the default, the next one it does not
    refuse is served; None if it refuses them all.
    """
    ranges = {}
    for part in (accept_language or "")[:500].split(","):
        tag, *params = [piece.strip() for piece in part.split(";")]
        if not tag:
            continue
        quality = 1.0
        for param in params:
            name, _sep, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if 0 <= quality <= 1:
            ranges.setdefault(tag.lower(), quality)

    def quality_of(language):
        exact = [q for tag, q in ranges.items() if tag == language]
        regional = [q for tag, q in ranges.items() if tag.startswith(language + "-")]
        for found in (exact, regional, [ranges["*"]] if "*" in ranges else []):
            if found:
                return max(found)
        return None

    qualities = {language: quality_of(language) for language in supported}
    wanted = [language for language in supported if (qualities[language] or 0) > 0]
    if wanted:
        return max(wanted, key=lambda language: qualities[language])
    unspoken = [language for language in supported if qualities[language] is None]
    if not unspoken:
        return None
    return default if default in unspoken else unspoken[0]


_TAG = re.compile(r"(<[^>]*>)")
_JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and kanji
_JAPANESE_PUNCTUATION = "\u3000-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uff10-\uff19"
JAPANESE_RUN = re.compile(f"[{_JAPANESE}{_JAPANESE_PUNCTUATION}]*[{_JAPANESE}][{_JAPANESE}{_JAPANESE_PUNCTUATION}]*")


def mark_japanese_runs(html):
    """`html` (escaped text or markup) with each run of Japanese words in its text wrapped in <span lang="ja">, for
    Japanese quoted in English text ("倍増" (doubled)). Tags are left untouched; punctuation alone (a stray
    full-width bracket) is not marked. Returns a SafeString."""
    parts = _TAG.split(str(html))
    for index in range(0, len(parts), 2):
        parts[index] = JAPANESE_RUN.sub(lambda match: f'<span lang="ja">{match.group(0)}</span>', parts[index])
    return mark_safe("".join(parts))
