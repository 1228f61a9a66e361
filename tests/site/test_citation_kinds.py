"""The hard cases of citations and auto-links, each a kind with several inputs (SQLite and PostgreSQL): acts the
knowledge base does not hold, supplementary provisions, malformed numbers, white space, and auto-links that
bind a reference only to the act it names."""

import re

import pytest

from laws.models import Version
from policy_kb.citations import NumeralError, find_in_text, normalize, parse, strict_number
from policy_kb.linking import Acts, link_text, resolve

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"


def targets(query):
    return [target.url for target in resolve(query).targets]


# --- Acts the knowledge base does not hold --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "電気通信事業法第4条",
        "電気通信事業法 第 4 条",
        "個人情報の保護に関する法律第2条第1項",
        "デジタル社会形成基本法（令和三年法律第三十五号）第二条",
        "サイバーセキュリティ基本法施行令第1条",  # the Act's Cabinet Order is another instrument
        "サイバーセキュリティ基本法の一部を改正する法律第一条",
        "Article 4 of the Telecommunications Business Act",
        "Article 2 of the Order for Enforcement of the Basic Act on Cybersecurity",
        "Act Partially Amending the Basic Act on Cybersecurity, Article 3",
        "平成十五年法律第七十九号附則第一条",  # an amending act this knowledge base does not record
    ],
)
def test_citations_of_acts_not_held_get_the_no_such_act_answer(client, lang, query):
    assert resolve(query).problem == "no_law", query
    response = client.get(f"/{lang}/resolve/", {"q": query})
    assert response.status_code == 404
    held = "収録している法律" if lang == "ja" else "It holds:"
    assert held in response.content.decode()


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("サイバーセキュリティ基本法第4条", f"{ACT}/articles/4/"),
        ("基本法第十二条第二項", f"{ACT}/articles/12/#p2"),
        ("Basic Act on Cybersecurity, Article 2", f"{ACT}/articles/2/"),
        ("Article 12(2) of the Basic Act", f"{ACT}/articles/12/#p2"),
        ("See Basic Act Art. 26(1)(iii)", f"{ACT}/articles/26/#p1-i3"),
    ],
)
def test_citations_naming_the_act_held_still_resolve(query, url):
    assert targets(query) == [url]


# --- Supplementary provisions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("附則第二条", f"{ACT}/supplementary/#s-main-a2"),
        ("附則 第 二 条", f"{ACT}/supplementary/#s-main-a2"),
        ("サイバーセキュリティ基本法附則第2条", f"{ACT}/supplementary/#s-main-a2"),
        ("附則第二条第一項", f"{ACT}/supplementary/#s-main-a2-p1"),
        ("Supplementary Provisions, Article 2", f"{ACT}/supplementary/#s-main-a2"),
        ("Article 2 of the Supplementary Provisions", f"{ACT}/supplementary/#s-main-a2"),
        ("平成二十八年法律第三十一号附則第六条", f"{ACT}/supplementary/#s-H28-31-a6"),
        ("平成28年法律第31号附則第1条", f"{ACT}/supplementary/#s-H28-31-a1"),
        ("Article 1 of the Supplementary Provisions (Act No. 31 of 2016)", f"{ACT}/supplementary/#s-H28-31-a1"),
        ("平成30年法律第91号附則第1項", f"{ACT}/supplementary/#s-H30-91-p1"),
        ("附則第二条 制定時", f"{ACT}/supplementary/?version=original#s-main-a2"),
    ],
)
def test_supplementary_provisions_lead_to_the_supplementary_page_not_to_main_articles(query, url):
    assert targets(query) == [url], query


def test_the_issues_example_goes_to_the_supplementary_provision_and_not_to_article_2(client, lang):
    response = client.get(f"/{lang}/resolve/", {"q": "附則第二条"})
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}{ACT}/supplementary/#s-main-a2"
    page = client.get(response["Location"].split("#")[0]).content.decode()
    assert 'id="s-main-a2"' in page  # the anchor exists


def test_an_article_that_several_blocks_have_lists_the_candidates(client, lang):
    found = targets("附則第一条")
    assert (
        len(found) >= 5 and f"{ACT}/supplementary/#s-main-a1" in found and f"{ACT}/supplementary/#s-H28-31-a1" in found
    )
    html = client.get(f"/{lang}/resolve/", {"q": "附則第一条"}).content.decode()
    for url in found:
        assert f'href="/{lang}{url}"' in html
    assert "平成28年法律第31号" in html or "平成二十八年法律第三十一号" in html or "Act No. 31 of 2016" in html
    assert len(targets("附則第1項")) == 2  # the two blocks made of bare paragraphs


@pytest.mark.parametrize(
    ("query", "problem"), [("附則第九条", "no_supplementary"), ("附則第二条第五項", "no_paragraph")]
)
def test_a_supplementary_provision_that_does_not_exist_is_refused(client, query, problem):
    assert resolve(query).problem == problem
    assert client.get("/en/resolve/", {"q": query}).status_code == 404


def test_supplementary_citations_in_text_are_never_linked_to_main_articles():
    version = Version.objects.get(key="original")
    text = "ただし、第二章及び第四章の規定並びに附則第四条の規定は、政令で定める日から施行する。"
    assert [f.citation.supplementary for f in find_in_text(text)] == [True]
    assert "/articles/4/" not in str(link_text(text, "ja", acts=Acts(), context=version))
    english = "Article 4 of the Supplementary Provisions comes into force on a day set by Cabinet Order."
    assert "/articles/4/" not in str(link_text(english, "en", acts=Acts(), context=version))


# --- Malformed numbers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "numeral", "reason"),
    [
        ("第百百条", "百百", "form"),
        ("第十十条", "十十", "form"),
        ("第一十条", "一十", "form"),
        ("第二千千条", "二千千", "form"),
        ("第12条第0項", "0", "zero"),
        ("第十二条第一項第〇号", "〇", "zero"),
        ("第０条", "0", "zero"),
        ("Art. 12(0)", "0", "zero"),
        ("Article 12, paragraph 0", "0", "zero"),
        ("第012条", "012", "leading_zero"),
        ("第〇一条", "〇一", "leading_zero"),
        ("Art. 30-0", "0", "zero"),
        ("第三十条の〇", "〇", "zero"),
        ("Article 12(2)(iiii)", "iiii", "form"),
    ],
)
def test_malformed_numbers_are_refused_with_the_reason(client, lang, query, numeral, reason):
    with pytest.raises(NumeralError) as error:
        parse(query)
    assert (error.value.numeral, error.value.reason) == (numeral, reason)
    result = resolve(query)
    assert (result.problem, result.targets) == ("bad_number", [])
    response = client.get(f"/{lang}/resolve/", {"q": query})
    assert response.status_code == 404
    html = response.content.decode()
    assert (f"「{numeral}」" if lang == "ja" else f"“{numeral}”") in html
    explanation = {
        "ja": {"form": "一つの書き方", "zero": "0", "leading_zero": "先頭に0"},
        "en": {"form": "one form only", "zero": "no number 0", "leading_zero": "leading zero"},
    }
    assert explanation[lang][reason] in html


@pytest.mark.parametrize(
    ("written", "value"), [("十二", 12), ("百四", 104), ("千二百三十四", 1234), ("一〇四", 104), ("30", 30)]
)
def test_numbers_in_statute_form_are_read(written, value):
    assert strict_number(written) == value


# --- White space between the parts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "第十二条 第二項",
        "第十二条\u3000第二項",
        "第十二条\t\t第二項",
        "第 十二 条 第 二 項",
        "第十二条\n第二項",
        "第十二条\u00a0第二項",
        "基本法　第十二条　第二項",
        "Art. 12 ( 2 )",
        "Article  12 ,  paragraph  2",
        "Basic Act  Art.  12(2)",
    ],
)
def test_white_space_of_any_width_between_the_parts_changes_nothing(query):
    assert targets(query) == targets("第十二条第二項") == [f"{ACT}/articles/12/#p2"]


@pytest.mark.parametrize(
    ("spaced", "joined"),
    [
        ("第三十条 の 二", "第三十条の二"),
        ("Article 30 - 2", "Article 30-2"),
        ("Art. 26 ( 1 ) ( iii )", "Art. 26(1)(iii)"),
        ("デジタル社会形成 基本法 第2条", "デジタル社会形成基本法第2条"),  # not 基本法: another act
    ],
)
def test_spacing_never_changes_the_citation(spaced, joined):
    assert parse(spaced) == parse(joined)
    assert normalize(spaced) == normalize(joined)
    assert resolve(spaced).problem == resolve(joined).problem


# --- Auto-links bind a reference only to the act it names -----------------------------------------------------


def links(text, language, context=True):
    version = Version.objects.get(key="current") if context else None
    html = str(link_text(text, language, acts=Acts(), context=version))
    return re.findall(r'<a class="auto-citation" href="([^"]+)">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("情報通信技術（デジタル社会形成基本法第二条に規定する情報通信技術をいう。）", "ja"),
        ("デジタル社会形成基本法（令和三年法律第三十五号）第二条に規定する", "ja"),
        ("デジタル社会形成基本法第二条及び第三条の規定", "ja"),
        ("同法第五条の規定により", "ja"),
        ("サイバーセキュリティ基本法施行令第一条", "ja"),
        (
            "as prescribed in Article 2 of the Basic Act on the Formation of a Digital Society (Act No. 35 of 2021)",
            "en",
        ),
        ("Articles 2 and 3 of the Telecommunications Business Act apply, and Article 4 as well.", "en"),
        ("Article 2 of the Order for Enforcement of the Basic Act on Cybersecurity", "en"),
        ("Article 5 of the said Act", "en"),
    ],
)
def test_references_to_other_acts_are_not_linked_to_this_act(text, language):
    assert links(text, language) == []
    assert links(text, language, context=False) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("第十二条第一項の規定により", "ja", [(f"/ja{ACT}/articles/12/#p1", "第十二条第一項")]),
        ("基本法第十三条に基づく", "ja", [(f"/ja{ACT}/articles/13/", "基本法第十三条")]),
        ("under Article 12, paragraph (1)", "en", [(f"/en{ACT}/articles/12/#p1", "Article 12, paragraph (1)")]),
        ("Article 26 of the Basic Act on Cybersecurity", "en", [(f"/en{ACT}/articles/26/", "Article 26")]),
    ],
)
def test_references_with_no_other_act_in_reach_link_to_the_act_they_belong_to(text, language, expected):
    assert links(text, language) == expected


def test_a_bare_reference_outside_an_act_links_nowhere():
    assert links("第十二条第一項の規定により", "ja", context=False) == []
    assert links("under Article 12", "en", context=False) == []


def test_the_issues_article_page_links_no_other_acts_article(client, lang):
    html = client.get(f"/{lang}{ACT}/articles/1/").content.decode()
    assert (
        "Article 2 of the Basic Act on the Formation of a Digital Society" in html or "デジタル社会形成基本法" in html
    )
    assert not re.findall(r'class="auto-citation" href="[^"]*/articles/2/', html)
    article_38 = client.get(f"/{lang}{ACT}/articles/38/").content.decode()
    assert f'class="auto-citation" href="/{lang}{ACT}/articles/17/#p4"' in article_38  # its own references link


@pytest.mark.parametrize("number", ["1", "13", "38"])
def test_articles_that_cite_other_acts_read_no_more_queries_than_the_others(
    client, django_assert_num_queries, lang, number
):
    """Which act a name means is read off the names the glossary index already holds; the acts themselves are read
    only when a name is one of theirs (the pinned count of article pages)."""
    with django_assert_num_queries(16):
        assert client.get(f"/{lang}{ACT}/articles/{number}/").status_code == 200
