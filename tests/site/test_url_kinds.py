"""Canonical and alternate links name the same text in the same version; a refused language is never chosen."""

import re

import pytest

from core.i18n import negotiate_language

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"


def head_links(html):
    """{"canonical": url, "ja": url, "en": url, "x-default": url} from a page's <head>."""
    head = html.split("</head>")[0]
    found = {"canonical": re.search(r'<link rel="canonical" href="([^"]+)">', head).group(1)}
    found |= dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
    return found


@pytest.mark.parametrize(
    ("path", "canonical_query"),
    [
        (f"{ACT}/articles/24/?version=original", "?version=original"),  # the example: 設置 in 2014
        (f"{ACT}/articles/24/?as_of=2014-12-01", "?version=original"),  # a date names the text in force then
        (f"{ACT}/articles/25/?as_of=2025-07-01", ""),  # …which may be the text in force today
        (f"{ACT}/articles/24/?version=current", ""),
        (f"{ACT}/articles/24/", ""),
        (f"{ACT}/articles/3/parallel/?version=original", "?version=original"),
        (f"{ACT}/?version=original", "?version=original"),
        (f"{ACT}/supplementary/?version=original", "?version=original"),
        ("/incidents/?year=2015", ""),  # a filtered list: the list itself
    ],
)
def test_canonical_and_alternates_name_the_same_text_in_the_same_version(client, lang, path, canonical_query):
    links = head_links(client.get(f"/{lang}{path}").content.decode())
    bare = path.split("?")[0]
    assert links["canonical"].endswith(f"/{lang}{bare}{canonical_query}")
    assert links["ja"].endswith(f"/ja{bare}{canonical_query}")
    assert links["en"].endswith(f"/en{bare}{canonical_query}")
    assert links["x-default"] == links["ja"]


def test_the_original_article_24_is_not_declared_the_same_as_the_current_one(client):
    original = head_links(client.get(f"/ja{ACT}/articles/24/?version=original").content.decode())
    current = head_links(client.get(f"/ja{ACT}/articles/24/").content.decode())
    assert original["canonical"] != current["canonical"]


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("en;q=0", "ja"),  # the example
        ("EN;Q=0", "ja"),
        ("en;q=0.0, fr", "ja"),
        ("en-GB, en;q=0", "ja"),  # the most specific range decides
        ("ja;q=0", "en"),
        ("ja;q=0, *", "en"),
        ("*;q=0, en", "en"),
        ("ja;q=0.5, en;q=0.8", "en"),
        ("en-US", "en"),
        ("fr, de", "ja"),
        ("", "ja"),
        ("en;q=banana", "ja"),  # a malformed entry is ignored
        ("ja;q=0, en;q=0", None),
        ("*;q=0", None),
    ],
)
def test_a_language_with_q_0_is_never_chosen(header, chosen):
    assert negotiate_language(header, ["ja", "en"], "ja") == chosen


@pytest.mark.parametrize(("header", "target"), [("en;q=0", "/ja/"), ("ja;q=0", "/en/"), ("en", "/en/"), ("", "/ja/")])
def test_the_root_redirects_to_an_accepted_language(client, header, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert (response.status_code, response["Location"]) == (302, target)
    assert "Accept-Language" in response["Vary"]


def test_an_address_without_language_follows_the_same_rule(client):
    response = client.get("/glossary/", HTTP_ACCEPT_LANGUAGE="en;q=0")
    assert response.status_code == 302 and response["Location"] == "/ja/glossary/"


def test_when_every_language_is_refused_the_reader_chooses(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja;q=0, en;q=0")
    assert response.status_code == 406
    html = response.content.decode()
    assert 'href="/ja/"' in html and 'href="/en/"' in html


def test_the_language_cookie_wins_over_a_preference_but_not_over_a_refusal(client):
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en;q=0")["Location"] == "/ja/"
