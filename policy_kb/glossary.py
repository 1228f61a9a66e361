"""Glossary terms in running text: where a term is used, respecting word and name boundaries.

One finder serves auto-linking (linking.link_text) and the glossary's "used in" lists, so a page is listed as
a use of a term exactly when the term would be found in its text. A form is found:
- on the text folded as search folds it (NFKC, dashes after katakana, variant kanji), keeping case;
- longest first across every term and every name: a shorter form inside a longer one is not a use of the
  shorter term (本部 inside 本部長, 重要社会基盤事業者 inside 重要社会基盤事業者等), nor is a term inside the name
  of an organisation or an act (サイバーセキュリティ inside 内閣サイバーセキュリティセンター);
- with Latin letters and digits as whole words, and the form's small letters small in the text (except a
  sentence's first letter): "information and communications technology" is not found inside the name
  "National Institute of Information and Communications Technology".
"""

from django.db.models import CharField, F, Value

from laws.models import Act, Term
from strategy.models import Organisation

from .search.text import Folded, is_word_char

_SENTENCE_STARTS = '.!?:;"“(（「『\n'
MIN_FORM_LENGTH = 2


def _fold(text):
    return Folded(text, casefold=False, drop_long_vowels=False)


def _starts_sentence(text, index):
    before = text[:index].rstrip(" \t\u3000")
    return not before or before[-1] in _SENTENCE_STARTS


def _case_fits(form, text, start):
    """True when every small letter of `form` is small in text[start:]; the first may be capital at a sentence
    start."""
    for offset, (wanted, written) in enumerate(zip(form, text[start : start + len(form)], strict=False)):
        if wanted.islower() and written != wanted and not (offset == 0 and _starts_sentence(text, start)):
            return False
    return True


def _names(queryset, slug, *fields):
    """(slug or "", kind, name ja, name en, other forms ja, other forms en) rows of a queryset, for one UNION
    query."""
    model = queryset.model
    columns = {"key": F(slug) if slug else Value("", output_field=CharField())}
    columns["model_name"] = Value(model._meta.model_name, output_field=CharField())
    columns |= {f"c{index}": F(field) for index, field in enumerate(fields)}
    return queryset.order_by().annotate(**columns).values_list(*columns)


class TermIndex:
    """Every written form of every glossary term, and the names of organisations and acts, per language,
    longest first (read in one query); drafts are left out."""

    def __init__(self):
        self.forms = {"ja": [], "en": []}  # [(folded form, slug or "" for a name)]
        rows = (
            _names(Term.objects.public(), "slug", "term_ja", "term_en", "aliases_ja", "aliases_en")
            .union(
                _names(Organisation.objects.public(), None, "name_ja", "name_en", "abbreviation", "abbreviation"),
                _names(Act.objects.all(), None, "title_ja", "title_en", "short_title_ja", "short_title_en"),
                all=True,
            )
            .order_by()
        )
        self.act_names = {"ja": [], "en": []}  # every act's names, for linking.Acts(names=…)
        for slug, kind, main_ja, main_en, aliases_ja, aliases_en in rows:
            for language, main, aliases in (("ja", main_ja, aliases_ja), ("en", main_en, aliases_en)):
                for form in {main or "", *(aliases or "").split(",")}:
                    form = form.strip()
                    if kind == "act" and form:
                        self.act_names[language].append(form)
                    if not slug and form.startswith("The "):  # an act's title: "The Basic Act on Cybersecurity"
                        form = form[4:]
                    if len(form) >= MIN_FORM_LENGTH:
                        self.forms[language].append((_fold(form).text, slug))
        self._searched = {}
        for language in self.forms:
            # longest first; at equal length a term before a name, so a term that is also a name is linked
            self.forms[language].sort(key=lambda pair: (-len(pair[0]), pair[1] == "", pair[0]))
            self._searched[language] = [
                (form, form.lower(), is_word_char(form[0]), is_word_char(form[-1]), slug)
                for form, slug in self.forms[language]
            ]

    def occurrences(self, text, language, taken=()):
        """[(start, end, slug)] of every use of a term in `text` (spans of the original text, left to right,
        never overlapping each other, names or the `taken` spans)."""
        folded = _fold(text)
        haystack, lowered = folded.text, folded.text.lower()
        blocked, found = [folded_span(folded, span) for span in taken], []
        for form, needle, left, right, slug in self._searched[language]:
            start = 0
            while (index := lowered.find(needle, start)) >= 0:
                end = index + len(needle)
                start = index + 1
                if left and index > 0 and is_word_char(haystack[index - 1]):
                    continue
                if right and end < len(haystack) and is_word_char(haystack[end]):
                    continue
                if not _case_fits(form, haystack, index) or any(s < end and index < e for s, e in blocked):
                    continue
                blocked.append((index, end))
                if slug:
                    found.append((index, end, slug))
        return sorted((*folded.span(start, end), slug) for start, end, slug in found)

    def find(self, text, language, skip_slug=None, taken=()):
        """The first use of each term in `text` (its first occurrence), as [(start, end, slug)] spans of the
        original text outside the `taken` spans, for linking; `skip_slug`: a term not to link (its own page)."""
        first = {}
        for start, end, slug in self.occurrences(text, language, taken):
            if slug != skip_slug:
                first.setdefault(slug, (start, end, slug))
        return sorted(first.values())

    def uses(self, texts, slug):
        """True when the term `slug` is used in any of `texts`, a list of (text, language)."""
        return any(found == slug for text, language in texts for *_span, found in self.occurrences(text, language))


def folded_span(folded, span):
    """A span of the original text as a span of the folded text (the folded characters that came from it)."""
    start, end = span
    inside = [index for index, position in enumerate(folded.positions) if start <= position < end]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)
