"""Variant kanji (異体字, 旧字体) folded to one standard form, from two maintained tables, for search.

Sources, applied together (see policy_kb/search/data/README.md for provenance and licences):
- the 常用漢字表 (Cabinet notice of 2010-11-30): its 康熙字典体 in parentheses → the standard form
  (學 → 学, 體 → 体), as the package `joyokanji` ships it (Apache-2.0);
- data/kanji-variants.tsv, derived by `manage.py build_kanji_variants` from the Unicode Han Database
  (Unihan, Unicode licence): the variant forms of the 人名用漢字 and 常用漢字 lists (國 → 国, 嶋 → 島) and
  variants outside JIS X 0208 that name exactly one standard kanji (髙 → 高, 﨑 → 崎).
"""

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

VARIANTS_FILE = Path(__file__).resolve().parent / "data" / "kanji-variants.tsv"


def read_variants_file(path=VARIANTS_FILE):
    """{variant: standard} from a kanji-variants.tsv (tab-separated: variant, standard, source; # comments)."""
    pairs = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            variant, standard, _source = line.split("\t")
            pairs[variant] = standard
    return pairs


def joyo_pairs():
    """{康熙字典体: 常用漢字} of the 常用漢字表, as the `joyokanji` package ships it (its documented data file)."""
    data = json.loads(resources.files("joyokanji").joinpath("config/kanji.json").read_text(encoding="utf-8"))
    return {old: new for old, new in data.items() if len(old) == 1 and len(new) == 1 and old != new}


@cache
def fold_table():
    """The str.translate table {code point: code point} that folds every variant to its standard form.

    Chains are followed (a variant of a variant reaches the standard form); a pair that would loop is dropped.
    """
    pairs = {**joyo_pairs(), **read_variants_file()}
    table = {}
    for variant in pairs:
        seen, current = {variant}, pairs[variant]
        while current in pairs and current not in seen:
            seen.add(current)
            current = pairs[current]
        if current not in seen:
            table[ord(variant)] = ord(current)
    return table


@cache
def _variant_re():
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(fold_table())) + "]")


def fold_variants(text):
    """`text` with every variant kanji replaced by its standard form (one character for one). Returns str.

    Most texts hold no variant: a regular-expression search (in C) finds that before any translation is done.
    """
    return text.translate(fold_table()) if _variant_re().search(text) else text
