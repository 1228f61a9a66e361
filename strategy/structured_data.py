"""schema.org descriptions (JSON-LD) of the strategy pages: a document (`Report` for reports, else
`CreativeWork`) with its parts, a part of a document, an organisation; built from what the page has loaded."""

from core.jsonld import Site
from core.urls import neutral_path

from .models import Document

CONTEXT = "https://schema.org"
REPORT_KINDS = {Document.Kind.ANNUAL_REPORT, Document.Kind.INVESTIGATION_REPORT}


def _doc_path(document):
    return neutral_path("strategy:document", slug=document.slug)


def _node_path(node, document):
    return neutral_path("strategy:node", slug=document.slug, key=node.key)


def _org_path(organisation):
    return neutral_path("strategy:organisation", slug=organisation.slug)


def _type(document):
    return "Report" if document.kind in REPORT_KINDS else "CreativeWork"


def _organisation(site, organisation):
    name, _lang = site.text(organisation, "name")
    node = {"@type": "Organization", "name": name, "url": site.url(_org_path(organisation))}
    if organisation.abbreviation:
        node["alternateName"] = organisation.abbreviation
    return node


def _in_language(site, node, language):
    node["inLanguage"] = language
    if language != "ja":
        node["creativeWorkStatus"] = "Provisional translation"
    return node


def document_data(site: Site, page):
    """The document page: the document, who decided it and when, its PDFs, sources and parts."""
    document = page.document
    title, language = site.text(document, "title")
    node = {
        "@context": CONTEXT,
        "@type": _type(document),
        "@id": site.url(_doc_path(document), "ja") + "#document",
        "name": title,
        "url": site.url(_doc_path(document)),
        "genre": document.get_kind_display(),
    }
    _in_language(site, node, language)
    if document.decided:
        node["datePublished"] = document.decided.iso
    if document.deciding_body_id:
        node["publisher"] = _organisation(site, document.deciding_body)
    summary, _lang = site.text(document, "summary")
    if summary:
        node["abstract"] = summary
    encodings = [
        {"@type": "MediaObject", "contentUrl": url, "encodingFormat": "application/pdf", "inLanguage": language}
        for language, url in (("ja", document.pdf_ja), ("en", document.pdf_en))
        if url
    ]
    if encodings:
        node["encoding"] = encodings
    sources = [{"@type": "CreativeWork", "name": s.title, "url": s.url} for s in document.sources.all() if s.url]
    if sources:
        node["citation"] = sources
    parts = []
    stack = list(page.tree)
    while stack:
        entry = stack.pop(0)
        part_title, _lang = site.text(entry.node, "title")
        parts.append(
            {
                "@type": "CreativeWork",
                "name": f"{entry.node.number} {part_title}".strip(),
                "url": site.url(_node_path(entry.node, document)),
            }
        )
        stack[:0] = entry.children
    if parts:
        node["hasPart"] = parts
    return node


def node_data(site: Site, page):
    """The part page: the part, with the document it is part of."""
    node, document = page.node, page.document
    title, language = site.text(node, "title")
    document_title, _lang = site.text(document, "title")
    data = {
        "@context": CONTEXT,
        "@type": "CreativeWork",
        "@id": site.url(_node_path(node, document), "ja") + "#part",
        "name": f"{node.number} {title}".strip(),
        "url": site.url(_node_path(node, document)),
        "genre": node.get_kind_display(),
        "isPartOf": {
            "@type": _type(document),
            "@id": site.url(_doc_path(document), "ja") + "#document",
            "name": document_title,
            "url": site.url(_doc_path(document)),
        },
    }
    body, body_language = site.text(node, "body")
    if body:
        data["text"] = body
    return _in_language(site, data, body_language if body else language)


def organisation_data(site: Site, page):
    """The organisation page: the organisation, its parent, its units and the documents it decided."""
    organisation = page.organisation
    data = {"@context": CONTEXT, **_organisation(site, organisation)}
    data["@id"] = site.url(_org_path(organisation), "ja") + "#organisation"
    description, _lang = site.text(organisation, "description")
    if description:
        data["description"] = description
    if organisation.url:
        data["sameAs"] = organisation.url
    if organisation.parent_id:
        data["parentOrganization"] = _organisation(site, organisation.parent)
    if page.units:
        data["subOrganization"] = [_organisation(site, unit) for unit in page.units]
    return data
