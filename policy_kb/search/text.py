"""How search reads text: normalisation, tokens (Japanese bigrams, Latin words) and the terms of a query."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CJK = r"\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ"
_RUN_RE = re.compile(rf"[{CJK}]+|[0-9a-z\u00c0-\u024f]+")
CJK_RE = re.compile(rf"^[{CJK}]+$")
_LONG_VOWEL_RE = re.compile(r"(?<=[\u30a1-\u30fa])ー+(?![\u30a1-\u30fa])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalize(text):
    """NFKC, casefold, and a katakana word's trailing long-vowel marks dropped (サーバー → サーバ). Returns str."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _LONG_VOWEL_RE.sub("", text)


def tokens(text):
    """The index tokens of a text: overlapping two-character grams of each Japanese run (a one-character run is
    kept whole) and each Latin or digit run whole, after normalize(). Returns a list of str."""
    out = []
    for run in _RUN_RE.findall(normalize(text)):
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
    """Whitespace-separated terms, normalised (quotes are ignored); each must match. At most MAX_TERMS."""
    terms = [t for t in (normalize(part.strip("\"'“”「」『』")) for part in query.split()) if tokens(t)]
    return terms[:MAX_TERMS]
