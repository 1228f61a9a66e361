"""The Basic Act as versioned, addressable provisions: exact text, anchors, lineage, dates, import."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from laws.models import Provision, Version
from laws.services import rebuild_text
from laws.statute import StatuteFormatError, parse_statute, render_statute

pytestmark = pytest.mark.django_db
ACT = "/{lang}/laws/basic-act-on-cybersecurity"
ANCHOR_RE = re.compile(r'id="(p\d+(?:-i\d+)?)"')


def source_text(version):
    return (Path(settings.POLICY_KB_DATA_DIR) / version.source_file).read_text(encoding="utf-8")


@pytest.mark.parametrize("key", ["original", "current"])
def test_each_version_rebuilds_from_the_database_character_for_character(kb, key):
    version = kb.versions.get(key=key)
    source = source_text(version)
    rebuilt = rebuild_text(version)
    assert len(rebuilt) == len(source)
    assert rebuilt == source


def test_structure_matches_the_sources_description(kb):
    original, current = kb.versions.get(key="original"), kb.versions.get(key="current")
    articles = Provision.objects.articles()
    assert articles.filter(version=original).count() == 35
    assert articles.filter(version=current).count() == 39  # Articles 1 to 38 and 30-2
    assert articles.filter(version=current, number="30-2").exists()
    assert original.provisions.filter(kind="chapter").count() == 4
    assert current.provisions.filter(kind="chapter").count() == 5
    assert current.provisions.filter(kind="supplementary").count() == 10


def test_every_paragraph_and_item_has_the_provisional_english(kb):
    missing = Provision.objects.filter(kind__in=["paragraph", "item"], text_en="")
    assert list(missing.values_list("version__key", "pk")) == []


def article_numbers(version_key):
    return list(
        Provision.objects.articles()
        .filter(version__key=version_key)
        .order_by("tree_id", "lft")
        .values_list("number", flat=True)
    )


@pytest.mark.parametrize("key", ["original", "current"])
def test_every_article_is_reachable_in_both_languages_with_the_same_anchors(client, key):
    for number in article_numbers(key):
        anchors = {}
        for lang in ("ja", "en"):
            response = client.get(f"{ACT.format(lang=lang)}/articles/{number}/?version={key}")
            assert response.status_code == 200, (lang, number)
            anchors[lang] = ANCHOR_RE.findall(response.content.decode())
        assert anchors["ja"] == anchors["en"], number
        expected = [
            f"p{p.number}" + (f"-i{i.number}" if i else "")
            for p in Provision.objects.filter(
                parent__number=number, parent__kind="article", parent__supplementary=False, version__key=key
            ).order_by("position")
            for i in [None, *p.children.order_by("position")]
        ]
        assert anchors["ja"] == expected


@pytest.mark.parametrize(
    ("original", "current"), [("24", "25"), ("17", "18"), ("29", "30"), ("30", "32"), ("35", "37"), ("16", "16")]
)
def test_lineage_links_renumbered_articles_in_both_directions(client, original, current):
    html = client.get(f"{ACT.format(lang='en')}/articles/{original}/?version=original").content.decode()
    assert f'href="/en/laws/basic-act-on-cybersecurity/articles/{current}/?version=current"' in html
    html = client.get(f"{ACT.format(lang='ja')}/articles/{current}/").content.decode()
    assert f'href="/ja/laws/basic-act-on-cybersecurity/articles/{original}/?version=original"' in html


def test_an_added_article_says_it_has_no_counterpart(client):
    html = client.get(f"{ACT.format(lang='en')}/articles/17/").content.decode()
    assert "This article exists only in this version of the text." in html
    assert "Act No. 91 of 2018" in html  # its amendment history names the act that added it


def test_establishment_article_caption_is_the_same_identity(kb):
    original = Provision.objects.articles().get(version__key="original", number="24")
    current = Provision.objects.articles().get(version__key="current", number="25")
    assert original.identity_id == current.identity_id
    assert original.caption_ja == current.caption_ja == "設置"


def test_as_of_before_the_act_is_a_clear_404(client, lang):
    response = client.get(f"{ACT.format(lang=lang)}/?as_of=2014-01-01")
    assert response.status_code == 404
    html = response.content.decode()
    assert ("2014年11月12日" in html) if lang == "ja" else ("12 November 2014" in html)


def test_as_of_during_the_original_text_shows_it_without_warnings(client):
    html = client.get(f"{ACT.format(lang='en')}/articles/24/?as_of=2015-06-01").content.decode()
    assert "Original text (2014)" in html
    assert "does not reflect" not in html and "not the text in force" not in html


def test_as_of_between_the_two_texts_says_which_amendments_are_missing(client):
    html = client.get(f"{ACT.format(lang='en')}/articles/24/?as_of=2016-06-01").content.decode()
    notice = html[html.index('id="version-notice"') : html.index("</form>")]
    assert "Original text (2014)" in notice
    assert "Act No. 66 of 2015" in notice.split("may or may not")[0]  # in force 2016-04-01: listed as missing
    assert "Act No. 31 of 2016" in notice.split("may or may not")[1]  # in-force day not recorded: uncertain
    assert "not the text in force on the date you asked for" in notice
    assert "Act No. 91 of 2018" not in notice  # promulgated later


def test_as_of_after_the_current_text_says_later_changes_are_not_reflected(client):
    html = client.get(f"{ACT.format(lang='en')}/?as_of=2026-01-01").content.decode()
    assert "Text in force on 1 July 2025" in html
    assert "changes in force after that date are not reflected" in html
    assert client.get(f"{ACT.format(lang='en')}/?as_of=2025-07-01").status_code == 200


@pytest.mark.parametrize("value", ["2016-13-01", "yesterday", "2016-02-30", "<script>", "9" * 500])
def test_bad_dates_get_a_400_page_in_the_readers_language(client, lang, value):
    response = client.get(f"{ACT.format(lang=lang)}/articles/12/", {"as_of": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert "<script>" not in html.split("<main")[1]


def test_unknown_version_and_article_get_4xx_pages(client, lang):
    assert client.get(f"{ACT.format(lang=lang)}/?version=draft").status_code == 400
    response = client.get(f"{ACT.format(lang=lang)}/articles/99/")
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.content.decode()
    assert client.get(f"{ACT.format(lang=lang)}/articles/abc/").status_code == 404
    assert client.get(f"/{lang}/laws/no-such-act/").status_code == 404


def test_article_page_shows_citations_ids_and_neighbours(client):
    html = client.get(f"{ACT.format(lang='ja')}/articles/12/").content.decode()
    assert "サイバーセキュリティ基本法第十二条第二項" in html
    assert "Basic Act on Cybersecurity, Art. 12(2)" in html
    assert 'rel="prev" href="/ja/laws/basic-act-on-cybersecurity/articles/11/"' in html
    assert 'rel="next" href="/ja/laws/basic-act-on-cybersecurity/articles/13/"' in html
    assert "https://laws.e-gov.go.jp/law/426AC1000000104#Mp-Ch_2-At_12" in html
    assert 'id="p2-i3"' in html


def test_english_pages_are_labelled_provisional_and_link_the_official_translation(client):
    html = client.get(f"{ACT.format(lang='en')}/articles/2/").content.decode()
    assert "Provisional translation" in html
    assert "https://www.japaneselawtranslation.go.jp/ja/laws/view/5050/en" in html


def test_parallel_view_pairs_japanese_and_english_paragraphs(client):
    html = client.get(f"{ACT.format(lang='en')}/articles/3/parallel/").content.decode()
    ja = re.findall(r'id="ja-(p\d+)"', html)
    en = re.findall(r'id="en-(p\d+)"', html)
    assert ja == en == ["p1", "p2", "p3", "p4", "p5", "p6"]


@pytest.mark.parametrize("lang_code", ["ja", "en"])
def test_article_page_query_count_is_pinned_and_independent_of_length(client, django_assert_num_queries, lang_code):
    for number in ("9", "26"):  # one paragraph vs. three paragraphs with many items
        with django_assert_num_queries(16):
            assert client.get(f"{ACT.format(lang=lang_code)}/articles/{number}/").status_code == 200


# --- Import ----------------------------------------------------------------------------------


def test_import_command_is_idempotent(kb):
    version = kb.versions.get(key="current")
    before = list(version.provisions.values_list("pk", flat=True))
    call_command("import_statute", "basic-act-on-cybersecurity", "current")
    assert list(version.provisions.values_list("pk", flat=True)) == before


def test_malformed_import_stops_at_the_line_and_writes_nothing(kb, tmp_path):
    version = kb.versions.get(key="current")
    lines = source_text(version).split("\n")
    bad_line = next(i for i, line in enumerate(lines) if line.startswith("第十二条")) + 1
    lines[bad_line - 1] = "これは条文の形式ではない行"
    path = tmp_path / "broken.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    snapshot = list(version.provisions.order_by("pk").values_list("pk", "text_ja"))
    with pytest.raises(CommandError) as error:
        call_command("import_statute", "basic-act-on-cybersecurity", "current", "--file", str(path), "--force")
    assert f"line {bad_line}" in str(error.value)
    assert str(path) in str(error.value)
    assert list(version.provisions.order_by("pk").values_list("pk", "text_ja")) == snapshot
    assert Version.objects.get(pk=version.pk).source_sha256 == version.source_sha256


def test_a_changed_text_is_reimported_and_keeps_the_english(kb, tmp_path):
    version = kb.versions.get(key="current")
    text = source_text(version).replace("国民は、基本理念にのっとり", "国民は、基本理念に則り")
    path = tmp_path / "changed.txt"
    path.write_text(text, encoding="utf-8")
    english = Provision.objects.articles().get(version=version, number="9").get_children().get().text_en
    assert english
    call_command("import_statute", "basic-act-on-cybersecurity", "current", "--file", str(path))
    article = Provision.objects.articles().get(version=version, number="9")
    paragraph = article.get_children().get()
    assert paragraph.text_ja.startswith("国民は、基本理念に則り")
    assert paragraph.text_en == english
    assert rebuild_text(Version.objects.get(pk=version.pk)) == text


def tree_shape(version):
    """Each provision's nested-set columns, with trees named by their root's pk rather than tree_id."""
    rows = list(version.provisions.values_list("pk", "tree_id", "lft", "rght", "level", "parent_id"))
    roots = {tree_id: pk for pk, tree_id, _lft, _rght, level, _parent in rows if level == 0}
    return {pk: (roots[tree_id], lft, rght, level, parent) for pk, tree_id, lft, rght, level, parent in rows}


def test_import_writes_the_same_tree_columns_as_a_full_mptt_rebuild(kb, tmp_path):
    current, original = kb.versions.get(key="current"), kb.versions.get(key="original")
    path = tmp_path / "changed.txt"
    path.write_text(source_text(current).replace("国民は", "国民は、", 1), encoding="utf-8")
    untouched = list(original.provisions.order_by("pk").values_list("pk", "tree_id", "lft", "rght"))
    call_command("import_statute", "basic-act-on-cybersecurity", "current", "--file", str(path))
    imported = tree_shape(current)
    assert list(original.provisions.order_by("pk").values_list("pk", "tree_id", "lft", "rght")) == untouched
    Provision._tree_manager.rebuild()
    assert tree_shape(current) == imported
    roots = current.provisions.filter(level=0).order_by("tree_id")
    assert list(roots.values_list("position", flat=True)) == sorted(roots.values_list("position", flat=True))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("題\n\n第一章　総則\n第一条　本文\n３　飛んだ項\n", 5, "paragraph 3 where 2 was expected"),
        ("題\n\n第一章　総則\n（見出し）\n\n第二章　次\n", 5, "caption must be followed by an article"),
        ("題\n\n第一章　総則\n第一条　本文\n　二　号\n", 5, "item 2 where 1 was expected"),
        ("題\n\n第一章　総則\n第一条　本文\n\n\n", 6, "two blank lines"),
        ("題\n\n第一章　総則\n第一条　本文", 4, "must end with a newline"),
        ("題\n\n第一章　総則\r\n第一条　本文\n", 1, "carriage return"),
        ("前文だけ\n", 1, "no chapter heading"),
    ],
)
def test_parser_reports_the_line_at_fault(text, line, message):
    with pytest.raises(StatuteFormatError) as error:
        parse_statute(text, "sample.txt")
    assert error.value.line_number == line
    assert message in str(error.value)
    assert str(error.value).startswith(f"sample.txt, line {line}:")


def test_parser_round_trips_a_minimal_text():
    text = "題\n\n第一章　総則\n（目的）\n第一条　本文\n　一　号\n２　第二項\n\n附　則　抄\n１　附則の項\n"
    statute = parse_statute(text)
    assert render_statute(statute.front_matter, statute.body) == text


def test_chapter_titles_have_their_english(kb, client):
    titles = set(Provision.objects.filter(kind="chapter").values_list("title_en", flat=True))
    assert titles == {
        "General Provisions",
        "Cybersecurity Strategy",
        "Basic Policies",
        "Cybersecurity Strategic Headquarters",
        "Penal Provisions",
    }
    assert "Cybersecurity Strategic Headquarters</h3>" in client.get(f"{ACT.format(lang='en')}/").content.decode()
