"""How search reads text: normalisation, tokens (Japanese characters and bigrams, other words whole) and the
terms of a query.

A change to anything here changes the index: rebuild it (`manage.py rebuild_search_index`; `load_kb` does).
"""

import re
import unicodedata

from .variants import fold_variants

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# Japanese letters (kana, kanji, 々〆〇, ー): the characters SQLite's unicode61 tokenizer also counts as parts of a
# token, so the middle dot ・, ゠ and the spacing sound marks ゛゜ separate runs as punctuation does.
CJK = (
    r"\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_RUN_RE = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
CJK_RE = re.compile(rf"^[{CJK}]+$")
_CJK_CHAR_RE = re.compile(rf"[{CJK}]")
# Characters typed for the katakana long-vowel mark ー: hyphens, dashes, minus signs, box-drawing lines (after
# NFKC, which already turns the half-width ｰ into ー and the full-width and small hyphen-minus into "-").
DASHES = "-\u02d7\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2500\u2501\u2e3a\u2e3b\u30fc\ufe58"
_DASH_AFTER_KATAKANA_RE = re.compile(rf"(?<=[\u30a1-\u30fa\u30fc])[{re.escape(DASHES)}]+")
_LONG_VOWEL_RE = re.compile(r"(?<=[\u30a1-\u30fa])ー+(?![\u30a1-\u30fa])")
# A term that begins with ー before a character that is not katakana: in the text, that ー ends a katakana word
# and normalize() dropped it (サイバー攻撃 → サイバ攻撃), so the term is searched without it (ー攻撃 → 攻撃).
_LEADING_LONG_VOWEL_RE = re.compile(r"^ー+(?=[^\u30a1-\u30fa])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_QUOTED_RE = re.compile(r"\"([^\"]*)\"|“([^”]*)”|「([^」]*)」|『([^』]*)』|(\S+)")
_QUOTES = "\"'“”「」『』"


def _fold_dashes(text):
    return _DASH_AFTER_KATAKANA_RE.sub(lambda match: "ー" * len(match.group()), text)


def normalize(text):
    """The form search compares: NFKC, casefold, a dash typed after katakana read as ー (サイバ− = サイバー),
    variant kanji folded (髙 → 高, 國 → 国; see variants.py) and a katakana word's trailing long-vowel marks
    dropped (サーバー → サーバ). Returns str."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = fold_variants(_fold_dashes(text))
    return _LONG_VOWEL_RE.sub("", text)


class Folded:
    """normalize() applied character by character, keeping where each character came from.

    text: the folded text; positions[i]: the index in the original of the character text[i] came from.
    casefold and drop_long_vowels can be turned off (auto-linking keeps case and long vowels). When NFKC and
    casefolding change the text's length (half-width kana with sound marks, ligatures, ㈱), they are applied
    character by character, so each character's origin is known.
    """

    def __init__(self, original, casefold=True, drop_long_vowels=True):
        self.original = original or ""
        whole = unicodedata.normalize("NFKC", self.original)
        whole = whole.casefold() if casefold else whole
        if len(whole) == len(self.original):  # one character for one (nearly always): no per-character work
            chars, positions = whole, list(range(len(whole)))
        else:
            pieces, positions = [], []
            for index, char in enumerate(self.original):
                piece = unicodedata.normalize("NFKC", char)
                for out in piece.casefold() if casefold else piece:
                    pieces.append(out)
                    positions.append(index)
            chars = "".join(pieces)
        folded = fold_variants(_fold_dashes(chars))
        if drop_long_vowels and "ー" in folded:
            keep = [True] * len(folded)
            for match in _LONG_VOWEL_RE.finditer(folded):
                keep[match.start() : match.end()] = [False] * (match.end() - match.start())
            folded = "".join(char for char, kept in zip(folded, keep, strict=True) if kept)
            positions = [position for position, kept in zip(positions, keep, strict=True) if kept]
        self.text, self.positions = folded, positions
        self._kept = None

    def span(self, start, end):
        """The span [start, end) of the folded text as a span of the original; characters dropped right after
        it (a word's trailing long-vowel marks) are inside it. Returns (start, end)."""
        if self._kept is None:
            self._kept = set(self.positions)
        first, last = self.positions[start], self.positions[end - 1] + 1
        while last < len(self.original) and last not in self._kept:
            last += 1
        return first, last


def is_cjk(char):
    """True for a Japanese character: kana, kanji (with 々〆〇) and the long-vowel mark."""
    return bool(_CJK_CHAR_RE.match(char))


def is_word_char(char):
    """True for a letter or digit that is not Japanese: where a word of Latin letters or digits ends."""
    return char.isalnum() and not is_cjk(char)


def tokens(text):
    """The index tokens of a text after normalize(): each Japanese character of a run and each two-character
    gram of it (so one character, a word and a word beside digits are all found), and each run of other letters
    or digits whole. Returns a list of str (with repeats)."""
    out = []
    for run in _RUN_RE.findall(normalize(text)):
        if CJK_RE.match(run):
            out.extend(run)
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return out


def query_tokens(term):
    """The tokens an entry must hold to match a normalised term: the bigrams of its Japanese runs (a run of one
    character: the character) and its other words. Returns a list of str."""
    out = []
    for run in _RUN_RE.findall(term):
        if CJK_RE.match(run):
            out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        else:
            out.append(run)
    return out


def token_string(*texts):
    """The distinct tokens of several texts, space-separated, in order of first appearance."""
    return " ".join(dict.fromkeys(token for text in texts for token in tokens(text)))


def clean_query(raw):
    """Strip control characters and surplus length: (query, problem) with problem None or "too_long"."""
    query = _CONTROL_RE.sub(" ", raw or "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return query[:MAX_QUERY_LENGTH], "too_long"
    return query, None


def query_terms(query):
    """The terms of a query, normalised; each must match. A word is a term; a phrase in quotes ("…", “…”,
    「…」 or 『…』) is one term whose words must follow one another in that order. At most MAX_TERMS; terms
    without a letter, digit or kana are left out; a leading ー before a character that is not katakana is left
    off (see _LEADING_LONG_VOWEL_RE). Returns a list of str (a phrase with single spaces)."""
    terms = []
    for match in _QUOTED_RE.finditer(query or ""):
        phrase = next((group for group in match.groups()[:4] if group is not None), None)
        raw = phrase if phrase is not None else match.group(5).strip(_QUOTES)
        term = _LEADING_LONG_VOWEL_RE.sub("", " ".join(normalize(raw).split()))
        if query_tokens(term):
            terms.append(term)
    return list(dict.fromkeys(terms))[:MAX_TERMS]
