"""One search across every record, the same on SQLite and PostgreSQL.

Text is normalised (NFKC, casefold, trailing katakana long-vowel marks dropped), Japanese runs are
split into overlapping two-character grams and Latin words are kept whole. Those tokens are stored
space-separated and indexed with FTS5 (`unicode61`) on SQLite and on PostgreSQL with a GIN index over
a stored `array_to_tsvector` column, so neither database parses Japanese itself. The index finds
candidates that contain every token; a phrase check on the normalised text then keeps only true
matches, so 監査 never matches 監 + 査 far apart.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from policy_kb.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
_CJK = r"\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ"
_RUN_RE = re.compile(rf"[{_CJK}]+|[0-9a-z\u00c0-\u024f]+")
_CJK_RE = re.compile(rf"^[{_CJK}]+$")
_LONG_VOWEL_RE = re.compile(r"(?<=[\u30a1-\u30fa])ー+(?![\u30a1-\u30fa])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

KIND_ORDER = ["provision", "document", "measure", "incident", "organisation", "term"]


def normalize(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _LONG_VOWEL_RE.sub("", text)


def tokens(text):
    out = []
    for run in _RUN_RE.findall(normalize(text)):
        if _CJK_RE.match(run):
            out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        else:
            out.append(run)
    return out


def token_string(*texts):
    return " ".join(dict.fromkeys(token for text in texts for token in tokens(text)))


def clean_query(raw):
    """Strip control characters and surplus length; return (query, error) where error is for the page."""
    query = _CONTROL_RE.sub(" ", raw or "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return query[:MAX_QUERY_LENGTH], "too_long"
    return query, None


def query_terms(query):
    """Whitespace-separated terms (quotes are ignored); each must match."""
    terms = [t for t in (normalize(part.strip("\"'“”「」『』")) for part in query.split()) if tokens(t)]
    return terms[:MAX_TERMS]


# --- Building the index ----------------------------------------------------------------------


@dataclass
class Entry:
    kind: str
    object_key: str
    url: str
    anchor: str = ""
    version: str = ""
    year: int | None = None
    title_ja: str = ""
    title_en: str = ""
    body_ja: str = ""
    body_en: str = ""
    extra: list = field(default_factory=list)

    def to_model(self):
        for name in ("title_ja", "title_en", "body_ja", "body_en"):  # translation columns may hold NULL
            setattr(self, name, getattr(self, name) or "")
        self.extra = [text or "" for text in self.extra]
        return SearchEntry(
            kind=self.kind,
            object_key=self.object_key,
            url=self.url,
            anchor=self.anchor,
            version=self.version,
            year=self.year,
            title_ja=self.title_ja,
            title_en=self.title_en,
            body_ja=self.body_ja,
            body_en=self.body_en,
            normalized_title=normalize(f"{self.title_ja}\n{self.title_en}"),
            normalized_ja=normalize(self.body_ja),
            normalized_en=normalize(self.body_en),
            normalized_other=normalize("\n".join(self.extra)),
            title_tokens=token_string(self.title_ja, self.title_en),
            body_tokens=token_string(self.body_ja, self.body_en, *self.extra),
        )


def collect_entries():
    from policy_kb import indexing

    return list(indexing.all_entries())


@transaction.atomic
def rebuild_index():
    SearchEntry.objects.all().delete()
    rows = [entry.to_model() for entry in collect_entries()]
    SearchEntry.objects.bulk_create(rows, batch_size=500)
    _refresh_fts()
    return len(rows)


@transaction.atomic
def reindex(entries, kind, object_keys):
    """Replace the entries of some records (after an editor's save or delete)."""
    SearchEntry.objects.filter(kind=kind, object_key__in=object_keys).delete()
    SearchEntry.objects.bulk_create([entry.to_model() for entry in entries])
    _refresh_fts()


def _refresh_fts():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO policy_kb_search_fts(policy_kb_search_fts) VALUES('rebuild')")


# --- Querying --------------------------------------------------------------------------------


def candidates(all_tokens):
    """Entries whose title or body holds every token, selected by the database's own index in a subquery
    (so no list of ids, however long, passes through Python)."""
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{token}"' for token in all_tokens)
        sql = "SELECT rowid FROM policy_kb_search_fts WHERE policy_kb_search_fts MATCH %s"
    elif connection.vendor == "postgresql":
        match = " & ".join("'" + token.replace("'", "''") + "'" for token in all_tokens)
        # token_vector: a stored generated column with a GIN index (migration 0004), unknown to the model.
        sql = "SELECT id FROM policy_kb_searchentry WHERE token_vector @@ %s::tsquery"
    else:
        raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")
    return SearchEntry.objects.filter(pk__in=RawSQL(sql, [match]))  # noqa: S611 (fixed SQL, the match is a parameter)


def _is_word_char(char):
    return "0" <= char <= "9" or "a" <= char <= "z"


def matcher(term):
    """A test for one normalised term in normalised text: Japanese (and other non-ASCII) terms match anywhere,
    ASCII terms whole words only. A substring search with a look at the neighbours is several times faster
    than a regex on long bodies."""
    if _CJK_RE.search(term) or not term.isascii():
        return lambda text: term in text

    def whole_word(text):
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if (start == 0 or not _is_word_char(text[start - 1])) and (
                end == len(text) or not _is_word_char(text[end])
            ):
                return True
            start = text.find(term, start + 1)
        return False

    return whole_word


def _term_matches(term, text_normalized):
    return matcher(term)(text_normalized)


_MATCH_COLUMNS = (
    "pk",
    "kind",
    "version",
    "year",
    "normalized_title",
    "normalized_ja",
    "normalized_en",
    "normalized_other",
)


@dataclass
class Hit:
    """One matching entry. Ranking and facets need only the fields here; `entry` (the full row, for the
    title, link and snippet) is loaded by with_entries() for the hits a page shows."""

    pk: int
    kind: str
    version: str
    year: int | None
    terms: list
    in_title: bool
    exact: bool = False
    entry: SearchEntry | None = None

    @property
    def rank(self):
        """Exact title first, then title matches, then body matches; the current text before the original."""
        tier = 0 if self.exact else (1 if self.in_title else 2)
        return (tier, KIND_ORDER.index(self.kind), self.version == "original", self.pk)

    @cached_property
    def language(self):
        """The language of the snippet: English when only the English body matches."""
        in_english = any(_term_matches(term, self.entry.normalized_en) for term in self.terms)
        in_japanese = any(_term_matches(term, self.entry.normalized_ja) for term in self.terms)
        return "en" if in_english and not in_japanese else "ja"

    @cached_property
    def snippet(self):
        body = self.entry.body_en if self.language == "en" else self.entry.body_ja
        return highlight(body or self.entry.title_ja, self.terms)


def match(row, terms, matchers):
    """A Hit when every term occurs in the row's normalised text (whole words for Latin terms), else None."""
    pk, kind, version, year, title, *texts = row
    in_title = [found(title) for found in matchers]
    if not all(here or any(found(text) for text in texts) for here, found in zip(in_title, matchers, strict=True)):
        return None
    exact = " ".join(terms) in [line.strip() for line in title.split("\n")]
    return Hit(pk, kind, version, year, terms, in_title=all(in_title), exact=exact)


def find_hits(query):
    """(hits, terms): every entry matching all the query's terms, ranked, without their full rows."""
    terms = query_terms(query)
    if not terms:
        return [], terms
    all_tokens = list(dict.fromkeys(token for term in terms for token in tokens(term)))
    rows = candidates(all_tokens).values_list(*_MATCH_COLUMNS)
    matchers = [matcher(term) for term in terms]
    hits = [hit for row in rows if (hit := match(row, terms, matchers))]
    hits.sort(key=lambda hit: hit.rank)
    return hits, terms


def with_entries(hits):
    """Load the full rows of these hits in one query (a page's worth, typically)."""
    entries = SearchEntry.objects.defer("title_tokens", "body_tokens").in_bulk([hit.pk for hit in hits])
    for hit in hits:
        hit.entry = entries[hit.pk]
    return hits


def _normalize_with_map(text):
    """Normalised text and, for each of its characters, the index of the original character."""
    chars, positions = [], []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char).casefold():
            chars.append(piece)
            positions.append(index)
    normalized = "".join(chars)
    keep = [i for i, _m in enumerate(normalized) if not _is_dropped_long_vowel(normalized, i)]
    return "".join(normalized[i] for i in keep), [positions[i] for i in keep]


def _is_dropped_long_vowel(text, index):
    if text[index] != "ー" or index == 0:
        return False
    end = index
    while end < len(text) and text[end] == "ー":
        end += 1
    before = text[index - 1]
    if before == "ー":
        return _is_dropped_long_vowel(text, index - 1)
    after = text[end] if end < len(text) else ""
    return "\u30a1" <= before <= "\u30fa" and not ("\u30a1" <= after <= "\u30fa")


def highlight(text, terms, width=120):
    """An escaped snippet around the first match, each match wrapped in <mark>."""
    normalized, positions = _normalize_with_map(text)
    spans = []
    for term in terms:
        for match in re.finditer(re.escape(term), normalized):
            spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    spans.sort()
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    out, cursor = [], start
    for begin, finish in spans:
        if begin < cursor or finish > end:
            continue
        out.append(escape(text[cursor:begin]))
        out.append(f"<mark>{escape(text[begin:finish])}</mark>")
        cursor = finish
    out.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)
