"""core.layout.text without a database: widths, line breaking by kinsoku rules, names fitted to boxes."""

import pytest

from core.layout.text import (
    FONT_SIZE,
    MAX_LINES,
    NO_LINE_END,
    NO_LINE_START,
    char_width,
    name_lines,
    spaced_lines,
    spoken_name,
    text_width,
    wrap,
)


def test_full_width_characters_are_one_em_and_latin_ones_narrower():
    assert char_width("内") == char_width("（") == char_width("Ａ") == 1.0
    assert char_width("a") == char_width("(") == 0.58
    assert text_width("内閣") == 2 * FONT_SIZE
    assert text_width("ab", size=10) == pytest.approx(11.6)
    assert text_width("") == 0


@pytest.mark.parametrize(
    "text",
    [
        "National center of Incident readiness and Strategy for Cybersecurity",
        "内閣サイバーセキュリティセンター（内閣官房に置かれる組織）",
        "サイバーセキュリティ戦略本部 Cybersecurity Strategic Headquarters",
    ],
)
@pytest.mark.parametrize("width", [60, 106, 184])
def test_lines_fit_the_width_and_lose_no_character(text, width):
    """Only closing punctuation may hang past the width (it may not begin the next line)."""
    lines, _fits = wrap(text, width, max_lines=99)
    assert all(text_width(line.rstrip("".join(NO_LINE_START))) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(line == line.strip() for line in lines)


def test_latin_words_are_kept_whole():
    lines, fits = wrap("Cybersecurity Strategic Headquarters", 106)
    assert lines == ["Cybersecurity", "Strategic", "Headquarters"]
    assert fits


def test_a_word_longer_than_the_line_is_cut_where_the_line_is_full():
    lines, _fits = wrap("Supercalifragilisticexpialidocious", 60)
    assert len(lines) > 1
    assert all(text_width(line) <= 60 for line in lines)
    assert all(text_width(line + lines[i + 1][0]) > 60 for i, line in enumerate(lines[:-1]))


def test_closing_punctuation_never_begins_a_line():
    # Six characters fill a 72 px line; the full stop would begin the second line, so it hangs on the first.
    assert wrap("情報処理推進。機構", 6 * FONT_SIZE)[0] == ["情報処理推進。", "機構"]
    for text in (
        "内閣官房（内閣サイバーセキュリティセンター）、警察庁。",
        "「サイバーセキュリティ戦略」の決定について",
    ):
        for width in range(3 * FONT_SIZE, 12 * FONT_SIZE, 6):
            lines, _fits = wrap(text, width, max_lines=99)
            assert not any(line[0] in NO_LINE_START for line in lines[1:]), (width, lines)


def test_an_opening_bracket_never_ends_a_line():
    lines, _fits = wrap("政府機関（各省庁）", 5 * FONT_SIZE)
    assert lines == ["政府機関", "（各省庁）"]
    for text in ("内閣官房（内閣サイバーセキュリティセンター）", "基本法「第二十五条」及び(第二十六条)"):
        for width in range(3 * FONT_SIZE, 12 * FONT_SIZE, 6):
            lines, _fits = wrap(text, width, max_lines=99)
            assert not any(line[-1] in NO_LINE_END for line in lines), (width, lines)


def test_fits_says_whether_the_lines_are_few_enough():
    text = "あ" * 20
    assert wrap(text, 5 * FONT_SIZE) == (["あ" * 5] * 4, True)
    assert wrap(text, 5 * FONT_SIZE, max_lines=3)[1] is False


def test_a_name_that_fits_is_shown_whole():
    assert name_lines("内閣官房", 106) == ["内閣官房"]


def test_a_long_name_falls_back_to_its_parenthesis_part_then_its_abbreviation():
    name = "重要インフラ事業者等の情報セキュリティ対策に係る連絡協議会（セプターカウンシル）"
    lines = name_lines(name, 106)
    assert "".join(lines) == "重要インフラ事業者等の情報セキュリティ対策に係る連絡協議会"
    long = "National center of Incident readiness and Strategy for Cybersecurity of the Cabinet Secretariat"
    assert name_lines(long, 106, abbreviation="NISC") == ["NISC"]


def test_a_name_that_fits_no_way_is_cut_with_an_ellipsis():
    lines = name_lines("あ" * 60, 106)
    assert len(lines) == MAX_LINES
    assert lines[-1].endswith("…")
    assert all(text_width(line) <= 106 for line in lines)


def test_wrapped_lines_are_spaced_where_they_broke_between_words_so_the_text_reads_as_the_label():
    assert spaced_lines(["Cybersecurity", "Strategic", "Headquarters"]) == [
        "Cybersecurity ",
        "Strategic ",
        "Headquarters",
    ]
    assert spaced_lines(["Information-", "technology"]) == ["Information-", "technology"]  # after a hyphen: none
    assert spaced_lines(["サイバーセキュリティ", "戦略本部"]) == ["サイバーセキュリティ", "戦略本部"]  # Japanese: none


@pytest.mark.parametrize(
    ("lines", "full", "name"),
    [
        (["Cybersecurity", "Strategic", "Headquarters"], "Cybersecurity Strategic Headquarters", None),
        (["Results of the", "Cause…"], "Results of the Cause Investigation", None),  # cut: the label is the name
        (["NISC"], "National center of Incident readiness and Strategy for Cybersecurity", "NISC, National center"),
        (["内閣サイバー", "セキュリティセンター"], "内閣サイバーセキュリティセンター", None),
        # a word too long for a line, cut inside: the name says what is seen, then the label
        (
            ["Functions of", "Cybersecurit…"],
            "Functions of Cybersecurity Policy",
            "Functions of Cybersecurit…, Functions",
        ),
    ],
)
def test_a_boxs_accessible_name_holds_what_it_shows(lines, full, name):
    spoken = spoken_name(lines, full)
    assert spoken.startswith(name) if name else spoken == full
    visible = "".join(spaced_lines(lines)).removesuffix("…")
    assert visible in spoken


def test_a_name_cut_to_fit_ends_before_a_latin_word_not_inside_it():
    name = "Overview of the Act Partially Amending the Basic Act on Cybersecurity and the Information Act"
    lines = name_lines(name, 150, max_lines=4)
    assert len(lines) == 4 and lines[-1].endswith("…")
    shown = " ".join(lines).removesuffix("…").split()
    assert shown == name.split()[: len(shown)]  # whole words only, in order
