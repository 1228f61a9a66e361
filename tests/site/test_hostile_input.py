"""Hostile input: each kind of bad value in an address or a query string gets a page in the reader's language (a
4xx saying what was wrong, or the page with the value set aside), never a 500."""

import pytest

from core.paging import MAX_PAGE, page_number

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"
HEADINGS = {
    400: {"ja": "リクエストを理解できませんでした", "en": "The request could not be understood"},
    404: {"ja": "ページが見つかりません", "en": "Page not found"},
}


def answer(client, url):
    """The response to `url` with failures answered as a reader gets them (the 500 page, not an exception)."""
    client.raise_request_exception = False
    return client.get(url)


def assert_error_page(response, lang, status):
    html = response.content.decode()
    assert response.status_code == status, response.status_code
    assert f'<html lang="{lang}">' in html
    assert HEADINGS[status][lang] in html
    assert "Traceback" not in html
    return html


# --- Page numbers: any int a query string may carry ----------------------------------------------------------

HUGE = ["9223372036854775807", "9223372036854775808", "10000000000000000000", "9" * 30, "9" * 4000]
PAGED_LISTS = [
    "/incidents/?page={}",
    "/incidents/?year=2015&page={}",
    "/strategy/?page={}",
    "/search/?q=%E6%83%85%E5%A0%B1&page={}",
    "/glossary/critical-social-infrastructure-providers/?page={}",
    "/related/incident:opm-2015/?relation=illustrates_risk&direction=out&kind=node&page={}",
]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("path", PAGED_LISTS)
def test_a_page_number_past_any_database_integer_shows_a_page(client, lang, path, number):
    response = answer(client, f"/{lang}{path.format(number)}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize(
    ("value", "number"),
    [("3", 3), ("0", 1), ("-5", 1), ("", 1), (None, 1), ("abc", 1), ("１２", 12), (str(MAX_PAGE + 1), MAX_PAGE)]
    + [(huge, MAX_PAGE) for huge in HUGE[:-1]],
)
def test_page_number_reads_a_positive_number_within_reach(value, number):
    assert page_number(value) == number


# --- Digits of other scripts: a number field accepts what int() reads, refuses other "digits" -----------------


@pytest.mark.parametrize("year", ["¹²³⁴", "²⁰¹⁵", "①②③④", "2015²", "½½½½"])
def test_a_search_year_of_digit_like_characters_is_a_400(client, lang, year):
    assert_error_page(answer(client, f"/{lang}/search/?q=%E6%83%85%E5%A0%B1&year={year}"), lang, 400)


@pytest.mark.parametrize("year", ["2015", "２０１５"])
def test_a_search_year_of_decimal_digits_filters(client, lang, year):
    assert answer(client, f"/{lang}/search/?q=2015&year={year}").status_code == 200
