"""Breadcrumbs: one partial for every page, built by the {% breadcrumbs %} tag with the same links and labels."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from tests.conftest import ROOT
from tests.factories import DocumentFactory, IncidentFactory, NodeFactory

TRAIL = Template(
    "{% load kb %}{% breadcrumbs %}"
    "{% crumb first %}{{ first_label }}{% endcrumb %}"
    "{% for url, label in middle %}{% crumb url '#part' %}{{ label }}{% endcrumb %}{% endfor %}"
    "{% crumb %}{% tr record 'title' %}{% endcrumb %}"
    "{% endbreadcrumbs %}"
)


def crumbs(html):
    """[(href or None for the current page, label HTML)] after Home, read off the rendered nav."""
    nav = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+"><ol>(.*?)</ol></nav>', html, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", nav, re.S)
    assert items[0] in ('<a href="/en/">Home</a>', '<a href="/ja/">ホーム</a>')
    trail = []
    for item in items[1:]:
        link = re.fullmatch(r'<a href="([^"]*)">(.*)</a>', item, re.S)
        current = re.fullmatch(r'<span aria-current="page">(.*)</span>', item, re.S)
        assert link or current, item
        trail.append((link.group(1), link.group(2)) if link else (None, current.group(1)))
    return trail


def test_the_tag_renders_links_then_the_current_page_with_the_japanese_fallback():
    record = IncidentFactory.build(title_ja="試験事案", title_en="")
    context = {
        "first": "/en/a/",
        "first_label": "A & B",
        "middle": [("/en/b/", "B"), ("/en/c/", "C")],
        "record": record,
    }
    with translation.override("en"):
        html = TRAIL.render(Context(context))
    assert crumbs(html) == [
        ("/en/a/", "A &amp; B"),
        ("/en/b/#part", "B"),
        ("/en/c/#part", "C"),
        (None, '<span lang="ja">試験事案</span> <span class="fallback-marker">Japanese original</span>'),
    ]


def test_a_crumb_outside_a_trail_is_an_error():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kb %}{% crumb %}x{% endcrumb %}").render(Context())


def test_every_page_but_home_and_errors_has_a_trail_and_none_writes_its_own():
    templates = ROOT / "templates"
    partial = templates / "includes" / "breadcrumbs.html"
    pages = 0
    for path in templates.rglob("*.html"):
        if path.is_relative_to(templates / "admin"):
            continue  # the admin's pages keep the admin's own breadcrumbs markup
        source = path.read_text(encoding="utf-8")
        if path != partial:
            assert 'class="breadcrumbs"' not in source, path
        if source.startswith('{% extends "base.html" %}') and path.name not in ("home.html", "error.html"):
            assert "{% block breadcrumbs %}{% breadcrumbs %}" in source, path
            pages += 1
    assert pages > 20


@pytest.mark.django_db
def test_a_part_page_has_the_trail_of_its_document_and_ancestors(client, lang):
    document = DocumentFactory()
    parent = NodeFactory(document=document, number="5", title_en="")
    node = NodeFactory(parent=parent, number="5.1")
    html = client.get(f"/{lang}/strategy/documents/{document.slug}/{node.key}/").content.decode()
    title = {"ja": lambda r: r.title_ja, "en": lambda r: r.title_en}[lang]
    fallback = ' <span class="fallback-marker">Japanese original</span>' if lang == "en" else ""
    parent_label = f"5 {parent.title_ja}" if lang == "ja" else f'5 <span lang="ja">{parent.title_ja}</span>{fallback}'
    assert crumbs(html) == [
        (f"/{lang}/strategy/", {"ja": "戦略", "en": "Strategy"}[lang]),
        (f"/{lang}/strategy/documents/{document.slug}/", title(document)),
        (f"/{lang}/strategy/documents/{document.slug}/{parent.key}/", parent_label),
        (None, f"5.1 {title(node)}"),
    ]
