"""The hard cases of search, each a kind with several inputs, on the real knowledge base (SQLite and PostgreSQL):
any string of a record's text finds the record, dashes typed for ー, variant kanji, phrases in order, highlights
of whole English words, and glossary uses that really contain the term."""

import random
import re

import pytest

from policy_kb.models import SearchEntry
from policy_kb.search import find_hits, highlight, normalize, with_entries

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"


def found_pks(query):
    return {hit.pk for hit in find_hits(query)[0]}


def entries_containing(raw):
    """Entries whose original text (any column search reads) contains `raw` as written: no normalisation."""
    columns = ("title_ja", "title_en", "body_ja", "body_en")
    return {
        row[0]
        for row in SearchEntry.objects.values_list("pk", *columns, "normalized_other")
        if any(raw in (text or "") for text in row[1:])
    }


# --- Any string of a record's text, whatever its length and whatever is beside it ---------------------------


@pytest.mark.parametrize("query", ["戦", "法", "第", "監", "項", "〇"])
def test_one_kanji_finds_every_entry_that_contains_it(query):
    expected = entries_containing(query)
    assert expected, query
    assert found_pks(query) >= expected


def test_the_issues_one_kanji_example_finds_the_137_entries_of_戦略_and_more():
    assert len(entries_containing("戦略")) >= 100
    assert found_pks("戦") >= entries_containing("戦略")


@pytest.mark.parametrize("query", ["第12条", "第12条第1項", "条第1項", "基本法第12条", "Art. 12(1)", "平成27年9月4日"])
def test_a_term_beside_digits_finds_the_entries_that_contain_it(query):
    expected = entries_containing(query)
    assert expected, query
    assert found_pks(query) >= expected


def test_digits_match_as_whole_numbers_not_inside_longer_ones():
    for hit in with_entries(find_hits("第2条")[0]):
        texts = normalize(" ".join([hit.entry.title_ja, hit.entry.body_ja, hit.entry.title_en, hit.entry.body_en]))
        assert re.search(r"(?<![0-9])第2条", texts), hit.entry.object_key  # not 第12条 or 第32条 alone


def _word_edge(text, index):
    """True when index is not inside a run of Latin letters or digits of `text`."""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    latin = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")
    return not (latin.match(before) and latin.match(after))


def test_random_strings_cut_from_records_find_their_record():
    """300 substrings of 1 to 8 characters cut at random from the records' Japanese and English texts (Latin
    words whole, as search matches them) each find the record they were cut from."""
    rng = random.Random(14)
    rows = list(SearchEntry.objects.values_list("pk", "title_ja", "body_ja", "title_en", "body_en"))
    checked, missed = 0, []
    while checked < 300:
        pk, *texts = rng.choice(rows)
        text = rng.choice([t for t in texts if t] or [""])
        if len(text) < 2:
            continue
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 8))
        piece = text[start:end]
        if not piece.strip() or '"' in piece or not (_word_edge(text, start) and _word_edge(text, end)):
            continue
        if not re.search(r"[0-9A-Za-z\u3041-\u30ff\u3400-\u9fff０-９Ａ-Ｚａ-ｚ]", piece):
            continue  # punctuation alone is no search term
        checked += 1
        if pk not in found_pks(f'"{piece.strip()}"'):
            missed.append(piece)
    assert missed == []


# --- Dashes typed for the long-vowel mark -------------------------------------------------------------------


@pytest.mark.parametrize("dash", ["ー", "ｰ", "-", "－", "−", "‐", "‑", "–", "—", "―", "─"])
def test_any_dash_after_katakana_is_the_long_vowel_mark(dash):
    assert found_pks(f"サイバ{dash}") == found_pks("サイバー")
    assert len(found_pks("サイバー")) > 250


@pytest.mark.parametrize(
    ("typed", "written"), [("サ−バ−", "サーバー"), ("セキュリティ−", "セキュリティ"), ("ワイパ―", "ワイパー")]
)
def test_dashes_inside_and_at_the_end_of_katakana_words(typed, written):
    assert found_pks(typed) == found_pks(written) != set()


# --- Variant kanji --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("髙度情報通信", "高度情報通信"),  # 髙: an IBM-extension variant (Unihan)
        ("國家安全保障", "国家安全保障"),  # 國: a 人名用漢字 variant
        ("國際協力", "国際協力"),
        ("經濟社會", "経済社会"),  # 經, 濟, 會: 常用漢字表 康熙字典体 (joyokanji)
        ("學", "学"),
        ("體制", "体制"),
        ("關係", "関係"),
    ],
)
def test_variant_kanji_find_what_the_standard_form_finds(variant, standard):
    assert found_pks(standard)
    assert found_pks(variant) == found_pks(standard)


def test_variants_are_folded_in_the_index_too(kb):
    from tests.factories import IncidentFactory

    incident = IncidentFactory(title_ja="髙橋氏の國際的な事案", title_en="Quokka case")
    assert incident.slug in {hit.entry.object_key for hit in with_entries(find_hits("高橋")[0])}
    assert incident.slug in {hit.entry.object_key for hit in with_entries(find_hits("国際")[0])}


# --- Phrases keep their order ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "reversed_"),
    [
        ("cybersecurity strategy", "strategy cybersecurity"),
        ("strategic headquarters", "headquarters strategic"),
        ("pension service", "service pension"),
    ],
)
def test_a_quoted_phrase_keeps_its_word_order(phrase, reversed_):
    loose = found_pks(phrase)
    in_order = found_pks(f'"{phrase}"')
    assert in_order and in_order <= loose
    assert found_pks(f'"{reversed_}"') < loose
    for hit in with_entries(find_hits(f'"{reversed_}"')[0]):
        text = " ".join([hit.entry.title_en, hit.entry.body_en, hit.entry.normalized_other]).casefold()
        assert re.search(r"\s+".join(reversed_.split()), text), hit.entry.object_key


def test_the_issues_phrase_example_finds_only_text_with_the_words_in_that_order():
    assert found_pks('"strategy cybersecurity"') != found_pks("cybersecurity strategy")
    for hit in with_entries(find_hits('"strategy cybersecurity"')[0]):
        assert re.search(r"strategy\s+cybersecurity", normalize(hit.entry.body_en + hit.entry.title_en))


@pytest.mark.parametrize("quotes", ['"{}"', "“{}”", "「{}」", "『{}』"])
def test_every_kind_of_quote_makes_a_phrase(quotes):
    assert found_pks(quotes.format("strategy cybersecurity")) == found_pks('"strategy cybersecurity"')


# --- Highlighting ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["it", "act", "at", "on"])
def test_english_terms_are_highlighted_as_whole_words_only(client, query):
    html = client.get("/en/search/", {"q": query}).content.decode()
    marks = re.findall(r"(\w?)<mark>([^<]*)</mark>(\w?)", html)
    assert marks, query
    for before, word, after in marks:
        assert not before and not after, (before, word, after)
        assert word.casefold() == query


def test_japanese_terms_are_highlighted_wherever_they_occur_and_phrases_as_a_whole():
    assert str(highlight("サイバーセキュリティ戦略本部", ["戦略"])) == "サイバーセキュリティ<mark>戦略</mark>本部"
    assert str(highlight("Cybersecurity Strategy", ["it"])) == "Cybersecurity Strategy"
    assert str(highlight("It is it.", ["it"])) == "<mark>It</mark> is <mark>it</mark>."
    assert (
        str(highlight("the Cybersecurity  Strategy of", ["cybersecurity strategy"]))
        == "the <mark>Cybersecurity  Strategy</mark> of"
    )
    assert str(highlight("サーバーの管理", ["サーバ"])) == "<mark>サーバー</mark>の管理"  # the long vowel with it
    assert str(highlight("髙度情報通信", [normalize("高度")])) == "<mark>髙度</mark>情報通信"


# --- Glossary uses ---------------------------------------------------------------------------------------------


def glossary_uses(client, lang, slug):
    html = client.get(f"/{lang}/glossary/{slug}/").content.decode()
    main = html[html.index("<main") :]
    return re.findall(rf'<a href="/{lang}((?:{ACT}|/strategy|/incidents)[^"]*)"', main)


@pytest.mark.parametrize(
    ("slug", "forms"),
    [
        ("critical-infrastructure", ["重要インフラ", "critical infrastructure"]),
        ("information-and-communications-technology", ["情報通信技術", "information and communications technology"]),
        ("audit", ["監査", "audit"]),
    ],
)
def test_every_page_listed_as_a_use_contains_the_term(client, lang, slug, forms):
    uses = glossary_uses(client, lang, slug)
    assert uses
    by_url = {}
    for entry in SearchEntry.objects.all():
        url = entry.url + (f"#{entry.anchor}" if entry.anchor else "")
        by_url.setdefault(url, []).append(entry)
    for url in uses:
        texts = " ".join(" ".join([e.title_ja, e.body_ja, e.title_en, e.body_en]) for e in by_url.get(url, []))
        assert any(form in texts for form in forms), url


def test_重要インフラ_does_not_list_provisions_that_only_say_重要社会基盤事業者(client, lang):
    uses = glossary_uses(client, lang, "critical-infrastructure")
    assert not [url for url in uses if url.startswith(ACT)]  # the Act says 重要社会基盤事業者, never 重要インフラ
    assert f"{ACT}/articles/6/#p1" in glossary_uses(client, lang, "critical-social-infrastructure-providers")


def test_a_name_that_contains_a_term_is_not_a_use_of_it(client, lang):
    """Art. 31 names NICT (National Institute of Information and Communications Technology): no use of the
    term "information and communications technology" there, and no link inside the name."""
    assert not [
        url for url in glossary_uses(client, lang, "information-and-communications-technology") if "/31/" in url
    ]
    html = client.get(f"/en{ACT}/articles/31/").content.decode()
    assert "Information and Communications Technology" in html
    assert "/glossary/information-and-communications-technology/" not in html


def test_a_shorter_term_inside_a_longer_one_is_not_its_use(client):
    """重要社会基盤事業者等 is its own term: a text that says only that is not a use of 重要社会基盤事業者."""
    from policy_kb.glossary import TermIndex

    index = TermIndex()
    only_longer = "重要社会基盤事業者等におけるサイバーセキュリティの確保"
    assert not index.uses([(only_longer, "ja")], "critical-social-infrastructure-providers")
    assert index.uses([(only_longer, "ja")], "critical-social-infrastructure-providers-etc")
    assert index.uses([("重要社会基盤事業者の責務", "ja")], "critical-social-infrastructure-providers")
    assert not index.uses([("サイバーセキュリティ戦略本部長", "ja")], "cybersecurity-strategic-headquarters")
    assert not index.uses([("内閣サイバーセキュリティセンター", "ja")], "cybersecurity")  # an organisation's name
    assert index.uses([("Cybersecurity means the measures", "en")], "cybersecurity")  # a sentence's first word
    assert not index.uses([("the Basic Act on Cybersecurity", "en")], "cybersecurity")  # inside a name
