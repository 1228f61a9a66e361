"""The strategy pages in both languages: index, document, part, sector matrix, organisations, errors."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, pgettext

from core.dates import format_partial_date
from core.i18n import localized
from core.relations import relation_wording
from incidents.models import IncidentLink
from strategy.models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector
from tests.factories import DocumentFactory, NodeFactory, OrganisationFactory

from .pages import hrefs, parse, section, table_row, text

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def url_in(lang, record_or_name, **kwargs):
    with translation.override(lang):
        if isinstance(record_or_name, str):
            return reverse(record_or_name, kwargs=kwargs)
        return record_or_name.get_absolute_url()


def esc(value):
    return str(escape(value))


# --- Index -----------------------------------------------------------------------------------


def test_index_lists_documents_by_date_then_the_undated(client, lang):
    html = get(client, f"/{lang}/strategy/")
    listed = re.findall(r'<a class="document-title" href="([^"]+)"', html)
    documents = list(Document.objects.all())
    dated = sorted((d for d in documents if d.decided_on), key=lambda d: (d.decided_on, d.slug))
    undated = sorted((d for d in documents if not d.decided_on), key=lambda d: d.slug)
    assert undated, "the knowledge base has undated documents; this test needs them"
    assert listed == [url_in(lang, d) for d in dated + undated]
    for document in dated:
        shown = format_partial_date(document.decided_on, document.decided_precision, language=lang)
        assert shown in html, f"{document.slug}: {shown}"
    with translation.override(lang):
        not_recorded = gettext("date not recorded")
    undated_part = html[html.index(url_in(lang, undated[0])) :]
    assert undated_part.count(not_recorded) >= len(undated)


def test_index_links_the_sector_matrix_the_organisations_and_the_plan_editions(client, lang):
    html = get(client, f"/{lang}/strategy/")
    links = hrefs(html)
    assert url_in(lang, "strategy:sectors") in links
    assert url_in(lang, "strategy:organisations") in links
    for edition in PlanEdition.objects.select_related("document"):
        assert esc(localized(edition, "name", lang).text) in html
        if edition.document:
            assert url_in(lang, edition.document) in links


def test_index_filters_by_kind(client, lang):
    html = get(client, f"/{lang}/strategy/?kind=action_plan")
    listed = re.findall(r'<a class="document-title" href="([^"]+)"', html)
    plans = Document.objects.filter(kind=Document.Kind.ACTION_PLAN).order_by("decided_on", "slug")
    assert listed == [url_in(lang, d) for d in plans]
    for other in Document.objects.exclude(kind=Document.Kind.ACTION_PLAN):
        assert url_in(lang, other) not in html
    assert 'aria-current="page"' in section(html, r'<nav class="kind-filter"', r"</nav>")


def error_page(response, lang, status, title):
    """The page's HTML, once it is checked to be the error page with this status, in the reader's language."""
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    with translation.override(lang):
        assert f"<h1>{esc(gettext(title))}</h1>" in html
    return html


def test_unknown_kind_is_a_400_page_in_the_readers_language(client, lang):
    response = client.get(f"/{lang}/strategy/?kind=no-such-kind")
    html = error_page(response, lang, 400, "The request could not be understood")
    assert "no-such-kind" in html and "action_plan" in html


# --- Document --------------------------------------------------------------------------------


def test_document_page_renders_every_part_once_nested_and_linked(client, lang):
    document = Document.objects.get(slug="cs-strategy-2015")
    html = get(client, url_in(lang, document))
    page = parse(html)
    nodes = list(Node.objects.filter(document=document))
    assert len(nodes) > 20
    links = set(page.hrefs)
    for node in nodes:
        assert page.ids.count(node.key) == 1, node.key
        assert url_in(lang, node) in links, node.key
        expected_parent = node.parent.key if node.parent_id else None
        assert page.li_parent[node.key] == expected_parent, node.key
        assert esc(localized(node, "title", lang).text) in html
        if node.number:
            assert f'<span class="node-number">{node.number}</span>' in html


def test_document_page_metadata(client, lang):
    document = Document.objects.get(slug="cs-strategy-2015")
    html = get(client, url_in(lang, document))
    assert f"<h1>{esc(localized(document, 'title', lang).text)}</h1>" in html
    assert url_in(lang, document.deciding_body) in hrefs(html)
    assert f'<time datetime="{document.decided_on.isoformat()}">' in html
    assert f'<a href="{document.pdf_ja}" class="external" rel="external noopener">' in html
    with translation.override(lang):
        assert f'<span class="link-suffix">{pgettext("link suffix", "(PDF)")}</span>' in html
    for source in document.sources.all():
        assert esc(source.title_en if lang == "en" and source.title_en else source.title) in html
        assert f'class="source-check source-check--{source.checked}"' in html
    assert f"<p>{esc(localized(document, 'note', lang).text)}</p>" in html
    with translation.override(lang):
        assert gettext("Verification note") in html
    assert 'id="related-heading"' in html  # the links panel


def test_document_legal_basis_is_cited_as_the_source_numbers_it(client, lang):
    document = Document.objects.get(slug="cs-strategy-2015")
    links = ProvisionLink.objects.filter(document=document, node__isnull=True)
    assert links.exists()
    html = get(client, url_in(lang, document))
    legal = section(html, r'id="related-heading"', r"</section>")  # listed once, in the links panel
    for link in links:
        url = f"/{lang}{link.target_url()}"
        assert link.anchor and url.endswith(f"#{link.anchor}")
        assert f'<a href="{url}">' in legal
        assert link.citation(lang) in legal
    assert 'id="legal-basis-heading"' not in html
    if lang == "en":
        assert "(Art. 12(1), Original text (2014))" in legal


def test_supersedes_and_superseded_by_link_both_ways(client, lang):
    older = DocumentFactory()
    newer = DocumentFactory(supersedes=older)
    assert url_in(lang, older) in hrefs(get(client, url_in(lang, newer)))
    assert url_in(lang, newer) in hrefs(get(client, url_in(lang, older)))


def test_amendment_overview_links_its_amending_act(client, lang):
    overview = Document.objects.select_related("amending_act__act").get(kind=Document.Kind.AMENDMENT_OVERVIEW)
    html = get(client, url_in(lang, overview))
    assert url_in(lang, overview.amending_act) in hrefs(html)


def test_document_without_parts_says_so(client, lang):
    document = DocumentFactory()
    html = get(client, url_in(lang, document))
    with translation.override(lang):
        assert gettext("The structure of this document is not recorded.") in html
    NodeFactory(document=document)
    html = get(client, url_in(lang, document))
    with translation.override(lang):
        assert gettext("The structure of this document is not recorded.") not in html


# --- Parts (measures) ------------------------------------------------------------------------


def test_measure_page_shows_its_place_links_and_incidents(client, lang):
    node = Node.objects.select_related("document").get(document__slug="cs-strategy-2015", key="m-5-2-3")
    html = get(client, url_in(lang, node))
    crumbs = section(html, r'<nav class="breadcrumbs"', r"</nav>")
    crumb_links = hrefs(crumbs)
    assert url_in(lang, node.document) in crumb_links
    for ancestor in node.get_ancestors():
        assert url_in(lang, ancestor) in crumb_links
    assert 'aria-current="page"' in crumbs and esc(localized(node, "title", lang).text) in crumbs
    links = hrefs(html)
    for sibling in node.get_siblings():
        assert url_in(lang, sibling) in links
    provision_links = list(node.provision_links.all())
    assert provision_links
    panel = section(html, r'id="related-heading"', r"</section>")
    with translation.override(lang):
        interpretation = gettext("interpretation")
    for link in provision_links:
        assert f'<a href="/{lang}{link.target_url()}">' in panel
        assert link.citation(lang) in panel
        if link.interpretation:
            assert f'<span class="interpretation">{interpretation}</span>' in panel
    incidents = IncidentLink.objects.filter(node=node).select_related("incident")
    assert incidents.exists()
    related = section(html, r'id="related-heading"', r"</section>")
    for incident_link in incidents:
        assert url_in(lang, incident_link.incident) in hrefs(related)
    assert f'href="{node.document.pdf_ja}"' in html


def test_a_part_lists_its_children(client, lang):
    pillar = Node.objects.get(document__slug="cs-strategy-2015", key="p-5-2")
    html = get(client, url_in(lang, pillar))
    children = section(html, r'id="children-heading"', r"</ul>")
    assert [h for h in hrefs(children)] == [url_in(lang, c) for c in pillar.get_children()]


def _article_links(document_filter):
    return list(
        ProvisionLink.objects.filter(identity__isnull=False, **document_filter)
        .select_related("document", "node__document", "identity__act", "cited_version")
        .order_by("id")
    )


@pytest.mark.parametrize("made_by", ["part", "document"])
def test_links_to_articles_resolve_to_the_anchor_and_show_in_reverse(client, lang, made_by):
    links = _article_links({"node__isnull": made_by == "document"})
    assert len(links) > 5
    article_pages = {}
    for link in links:
        record = link.node or link.document
        record_url = url_in(lang, record)
        target = f"/{lang}{link.target_url()}"
        assert f'<a href="{target}">' in get(client, record_url), f"{record_url} does not link {target}"
        path, _sep, anchor = target.partition("#")
        if path not in article_pages:
            article_pages[path] = get(client, path)
        article = article_pages[path]
        if anchor:
            assert f'id="{anchor}"' in article, f"{target}: no element with id {anchor}"
        assert record_url in hrefs(section(article, r'id="related-heading"', r"</section>")), (
            f"{path} does not link back to {record_url}"
        )


# --- Sector matrix ---------------------------------------------------------------------------


def test_sector_matrix_totals_read_10_10_13_14_15(client, lang):
    html = get(client, f"/{lang}/strategy/sectors/")
    totals = section(html, r'<tr class="totals">', r"</tr>")
    assert [int(n) for n in re.findall(r"<td>(\d+)</td>", totals)] == [10, 10, 13, 14, 15]


def test_sector_matrix_rows_cells_and_incidents(client, lang):
    html = get(client, f"/{lang}/strategy/sectors/")
    table = section(html, r'<table class="matrix sector-matrix">', r"</table>")
    assert "<caption>" in table
    editions = list(PlanEdition.objects.order_by("number").prefetch_related("sectors"))
    head = section(table, r"<thead>", r"</thead>")
    assert head.count('<th scope="col"') == len(editions) + 2
    for edition in editions:
        assert esc(localized(edition, "name", lang).text) in head
    assert head.count('class="unverified"') == sum(1 for e in editions if not e.verified)
    with translation.override(lang):
        included, excluded = gettext("included"), gettext("not included")
    for sector in Sector.objects.prefetch_related("incidents"):
        row = table_row(table, sector.slug)
        name = esc(localized(sector, "name", lang).text)
        assert f'<th scope="row"><a href="{url_in(lang, sector)}">{name}</a>' in row
        if lang == "en" and sector.name_en_draft:
            assert 'class="draft"' in row
        expected = [sector in edition.sectors.all() for edition in editions]
        shown = re.findall(r'<span class="visually-hidden">([^<]+)</span>', row)
        assert shown == [included if e else excluded for e in expected], sector.slug
        for incident in sector.incidents.all():
            assert url_in(lang, incident) in hrefs(row)
    government = table_row(table, "government")
    assert len(re.findall(r"<li>", government)) >= 2


# --- Organisations ---------------------------------------------------------------------------


def test_organisation_diagram_is_an_accessible_svg_of_links(client, lang):
    html = get(client, f"/{lang}/strategy/organisations/")
    svg = section(html, r"<svg ", r"</svg>")
    drawing = section(svg, r'<g role="img" ', r"</g>\s*<g class=\"org-boxes\">")
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', drawing).group(1).split()
    ids = parse(html).ids
    assert labelled_by and all(target in ids for target in labelled_by)
    assert "<a " not in drawing, "links inside role=img are hidden from assistive technology"
    assert " style=" not in html
    assert not re.search(r'<script(?! type="application/ld\+json")', html), "only JSON-LD data blocks, no script"
    svg_links = hrefs(svg)
    for organisation in Organisation.objects.all():
        assert url_in(lang, organisation) in svg_links, organisation.slug
    relations = list(OrganisationRelation.objects.all())
    pairs = {(r.source_id, r.target_id) for r in relations}
    assert len(re.findall(r'<line [^>]*class="org-edge', svg)) == len(pairs)
    for relation in relations:
        assert str(escape(_wording(relation.relation_type, lang))) in svg


def _wording(relation_type, lang, outgoing=True):
    with translation.override(lang):
        return str(relation_wording(relation_type, outgoing))


def test_organisation_text_equivalent_nests_units_and_tabulates_relations(client, lang):
    html = get(client, f"/{lang}/strategy/organisations/")
    chart = section(html, r'<ul class="org-chart">', r'id="relations-heading"')
    page = parse(chart)
    organisations = list(Organisation.objects.select_related("parent"))
    for organisation in organisations:
        parent = url_in(lang, organisation.parent) if organisation.parent_id else None
        assert page.li_parent[url_in(lang, organisation)] == parent, organisation.slug
    table = section(html, r'<table class="relations">', r"</table>")
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    relations = list(OrganisationRelation.objects.select_related("source", "target", "identity__act", "cited_version"))
    assert len(rows) == len(relations)
    for relation in relations:
        target = f"/{lang}{relation.target_url()}"
        matching = [
            row
            for row in rows
            if url_in(lang, relation.source) in row
            and url_in(lang, relation.target) in row
            and _wording(relation.relation_type, lang) in text(row)
        ]
        assert matching, f"{relation} has no row"
        if relation.identity_id:
            assert any(f'<a href="{target}">' in row and relation.citation(lang) in row for row in matching)


def test_organisation_page_shows_relations_both_ways_and_documents(client, lang):
    hq = Organisation.objects.get(slug="cs-hq")
    html = get(client, url_in(lang, hq))
    table = section(html, r'<table class="relations">', r"</table>")
    outgoing = OrganisationRelation.objects.filter(source=hq).select_related("target", "identity__act", "cited_version")
    incoming = OrganisationRelation.objects.filter(target=hq).select_related("source", "identity__act", "cited_version")
    assert outgoing.exists() and incoming.exists()
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)
    for relations, is_outgoing in ((outgoing, True), (incoming, False)):
        for relation in relations:
            other = relation.target if is_outgoing else relation.source
            wording = _wording(relation.relation_type, lang, is_outgoing)
            matching = [r for r in rows if url_in(lang, other) in r and wording.lower() in text(r).lower()]
            assert matching, f"{relation}: no row with “{wording}”"
            assert any(f'<a href="/{lang}{relation.target_url()}">' in r for r in matching)
    documents = section(html, r'id="documents-heading"', r"</main>")
    for document in hq.documents.all():
        assert url_in(lang, document) in hrefs(documents)
    assert url_in(lang, hq.parent) in hrefs(html)
    for unit in hq.units.all():
        assert url_in(lang, unit) in hrefs(html)


def test_organisation_kinds_are_labelled(client, lang):
    minister = OrganisationFactory(kind=Organisation.Kind.MINISTER)
    html = get(client, url_in(lang, minister))
    with translation.override(lang):
        label = str(Organisation.Kind.MINISTER.label)
    assert f'<p class="kind">{label.capitalize()}</p>' in html


# --- Errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "strategy/documents/no-such-document/",
        "strategy/documents/no-such-document/m-5-1-1/",
        "strategy/documents/cs-strategy-2015/no-such-part/",
        "strategy/organisations/no-such-body/",
    ],
)
def test_unknown_records_are_404_pages_in_the_readers_language(client, lang, path):
    with override_settings(DEBUG=False):
        response = client.get(f"/{lang}/{path}")
    html = error_page(response, lang, 404, "Page not found")
    assert "no-such" in html  # says what was not found
