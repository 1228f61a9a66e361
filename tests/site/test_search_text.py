"""How search reads text, without the index: normalisation (dashes, variant kanji), tokens, query terms, matching,
and the variant table's provenance (it is what its command derives from Unihan)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from policy_kb.management.commands.build_kanji_variants import UNIHAN_DIR
from policy_kb.search.match import Matcher
from policy_kb.search.text import Folded, normalize, query_terms, query_tokens, tokens
from policy_kb.search.variants import VARIANTS_FILE, fold_table, joyo_pairs, read_variants_file


@pytest.mark.parametrize("dash", ["-", "－", "﹣", "−", "‐", "‑", "‒", "–", "—", "―", "─", "━", "ｰ", "ー"])
def test_a_dash_after_katakana_is_the_long_vowel_mark(dash):
    assert normalize(f"サイバ{dash}") == normalize("サイバー") == "サイバ"
    assert normalize(f"サ{dash}バ{dash}") == normalize("サーバー") == "サーバ"
    assert normalize(f"コンピュ{dash}タ{dash}ウイルス") == normalize("コンピューターウイルス")


def test_a_dash_elsewhere_is_kept():
    assert normalize("Wi-Fi") == "wi-fi"
    assert normalize("2014-11-12") == "2014-11-12"
    assert normalize("第3-2条") == "第3-2条"


@pytest.mark.parametrize(
    ("variant", "standard"),
    [("髙", "高"), ("﨑", "崎"), ("國", "国"), ("學", "学"), ("體", "体"), ("嶋", "島"), ("鹽", "塩"), ("隆", "隆")],
)
def test_variant_kanji_fold_to_the_standard_form(variant, standard):
    assert normalize(variant) == normalize(standard) == standard


def test_the_fold_table_comes_from_both_maintained_tables_and_has_no_loops():
    table = fold_table()
    unihan, joyo = read_variants_file(), joyo_pairs()
    assert len(unihan) > 400 and len(joyo) > 300  # not a hand list of a few characters
    assert set(map(ord, unihan)) <= set(table) and set(map(ord, joyo)) <= set(table)
    for source, target in table.items():
        assert target not in table, (chr(source), chr(target))  # one step reaches the standard form


def test_the_variant_file_is_what_unihan_gives():
    """The vendored table is regenerated from the Unihan files of the Debian package unicode-data (.ci/run installs
    it) and must be identical: it is data derived by a rule, never edited by hand."""
    if not (Path(UNIHAN_DIR) / "Unihan_Variants.txt.bz2").exists():
        pytest.fail("Unihan is not installed: `apt-get install unicode-data` (see .ci/run).")
    out = io.StringIO()
    call_command("build_kanji_variants", "--check", stdout=out)
    assert "matches Unihan" in out.getvalue()
    assert "Unicode License" in VARIANTS_FILE.read_text(encoding="utf-8").split("\n# variant")[0]


def test_every_japanese_character_and_bigram_is_a_token_and_latin_words_stay_whole():
    assert tokens("戦略") == ["戦", "略", "戦略"]
    assert tokens("基本法第12条第3項") == [
        "基",
        "本",
        "法",
        "第",
        "基本",
        "本法",
        "法第",
        "12",
        "条",
        "第",
        "条第",
        "3",
        "項",
    ]
    assert tokens("ＩＴ戦略") == ["it", "戦", "略", "戦略"]
    assert query_tokens("戦") == ["戦"] and query_tokens("第12条") == ["第", "12", "条"]
    assert query_tokens("監査") == ["監査"]  # the bigram is enough to find candidates


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ('"strategy cybersecurity"', ["strategy cybersecurity"]),
        ("“Strategy   Cybersecurity” audit", ["strategy cybersecurity", "audit"]),
        ("「サイバー セキュリティ」", ["サイバ セキュリティ"]),
        ('"unbalanced phrase', ["unbalanced", "phrase"]),
        ("ー攻撃", ["攻撃"]),  # the ー of サイバー攻撃 is dropped in the text too
        ("・・・ 監査", ["監査"]),
    ],
)
def test_query_terms_keep_quoted_phrases_whole(query, terms):
    assert query_terms(query) == terms


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("it", "cybersecurity without it", True),
        ("it", "cybersecurity without", False),
        ("第12条", "基本法第12条第3項", True),
        ("第12条", "基本法第112条", False),
        ("2条", "第12条", False),
        ("戦", "作戦と戦略", True),
        ("strategy cybersecurity", "the strategy  cybersecurity plan", True),
        ("strategy cybersecurity", "cybersecurity strategy", False),
        ("strategy cybersecurity", "strategycybersecurity", False),
        ("サイバ セキュリティ", "サイバーセキュリティ", True),
        ("サイバ 攻撃", "サイバー攻撃", True),
    ],
)
def test_matching_keeps_latin_words_and_numbers_whole_and_phrases_in_order(term, text, found):
    assert Matcher(normalize(term) if " " not in term else term).found(normalize(text)) is found


def test_the_folded_map_agrees_with_normalize_on_the_knowledge_bases_texts(db):
    from policy_kb.models import SearchEntry

    for body_ja, body_en in SearchEntry.objects.values_list("body_ja", "body_en"):
        for text in (body_ja, body_en):
            folded = Folded(text)
            assert folded.text == normalize(text)
            assert len(folded.positions) == len(folded.text)
