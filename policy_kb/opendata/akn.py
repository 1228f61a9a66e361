"""One version of an act as an Akoma Ntoso 3.0 document (the OASIS LegalDocML standard for legislation).

The Japanese expression is the statute text as imported from e-Gov; the English expression is this knowledge
base's provisional translation and says so (FRBRtranslation, not authoritative). Chapters, articles, paragraphs
and items map to `chapter`, `article`, `paragraph` and `point`; each block of supplementary provisions (附則)
is an `hcontainer` named "supplementaryProvisions". Identifiers follow the Akoma Ntoso naming convention;
the work is named by the act's e-Gov law ID, its date of promulgation and the country code "jp".
"""

from xml.etree import ElementTree as ET

from core.numerals import roman
from laws.models import Provision, Version

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGES = {"ja": "jpn", "en": "eng"}
SITE_NAME = {"ja": "日本のサイバーセキュリティ政策ナレッジベース", "en": "Japan Cybersecurity Policy Knowledge Base"}
_ELEMENT = {
    Provision.Kind.CHAPTER: ("chapter", "chp"),
    Provision.Kind.ARTICLE: ("article", "art"),
    Provision.Kind.PARAGRAPH: ("paragraph", "para"),
    Provision.Kind.ITEM: ("point", "point"),
    Provision.Kind.SUPPLEMENTARY: ("hcontainer", "hcontainer"),
}


def _el(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def work_uri(act):
    """/akn/jp/act/<promulgated>/<e-Gov law ID>: the act as a work, whatever its version or language."""
    return f"/akn/jp/act/{act.promulgated.isoformat()}/{act.egov_law_id}"


def expression_uri(version, language):
    """The work's URI with the language and the date the version took effect: …/jpn@2025-07-01."""
    return f"{work_uri(version.act)}/{LANGUAGES[language]}@{version.in_force_from.isoformat()}"


def _identification(meta, version, language):
    act = version.act
    identification = _el(meta, "identification", source="#policy-kb")
    work = _el(identification, "FRBRWork")
    _el(work, "FRBRthis", value=f"{work_uri(act)}/!main")
    _el(work, "FRBRuri", value=work_uri(act))
    for lang in ("ja", "en"):
        name = getattr(act, f"title_{lang}", "")
        if name:
            _el(work, "FRBRalias", value=name, name=f"title_{lang}")
    _el(work, "FRBRdate", date=act.promulgated.isoformat(), name="promulgation")
    _el(work, "FRBRauthor", href="#diet")
    _el(work, "FRBRcountry", value="jp")
    _el(work, "FRBRnumber", value=act.egov_law_id)
    expression = _el(identification, "FRBRExpression")
    uri = expression_uri(version, language)
    _el(expression, "FRBRthis", value=f"{uri}/!main")
    _el(expression, "FRBRuri", value=uri)
    _el(expression, "FRBRdate", date=version.in_force_from.isoformat(), name="in force from")
    _el(expression, "FRBRauthor", href="#diet" if language == "ja" else "#policy-kb")
    _el(expression, "FRBRauthoritative", value="true" if language == "ja" else "false")
    _el(expression, "FRBRlanguage", language=LANGUAGES[language])
    if language != "ja":
        _el(
            expression,
            "FRBRtranslation",
            href=expression_uri(version, "ja"),
            fromLanguage=LANGUAGES["ja"],
            authoritative="false",
            by="#policy-kb",
        )
    manifestation = _el(identification, "FRBRManifestation")
    _el(manifestation, "FRBRthis", value=f"{uri}/!main.xml")
    _el(manifestation, "FRBRuri", value=f"{uri}.akn")
    _el(manifestation, "FRBRdate", date=version.in_force_from.isoformat(), name="in force from")
    _el(manifestation, "FRBRauthor", href="#policy-kb")
    _el(manifestation, "FRBRformat", value="application/akn+xml")


def _references(meta, language):
    references = _el(meta, "references", source="#policy-kb")
    _el(
        references,
        "TLCOrganization",
        eId="policy-kb",
        href="/ontology/organization/policy-kb",
        showAs="Japan Cybersecurity Policy Knowledge Base"
        if language == "en"
        else "サイバーセキュリティ政策ナレッジベース",
    )
    _el(references, "TLCOrganization", eId="diet", href="/ontology/organization/jp/diet", showAs="国会")


def _texts(provision, language):
    """(number as shown, heading, text) of a provision in a language ("" where there is none)."""
    if language == "ja":
        number = provision.label
    elif provision.kind == Provision.Kind.CHAPTER:
        number = f"Chapter {roman(int(provision.number)).upper()}" if provision.number.isdigit() else provision.label
    elif provision.kind == Provision.Kind.SUPPLEMENTARY:
        number = "Supplementary Provisions" + ("" if provision.number == "main" else f" ({provision.number})")
    elif provision.kind == Provision.Kind.PARAGRAPH:
        number = provision.label_en if provision.label else ""
    else:
        number = provision.label_en
    heading_field = "title" if provision.kind == Provision.Kind.CHAPTER else "caption"
    heading = getattr(provision, f"{heading_field}_{language}", "") or ""
    return number, heading, getattr(provision, f"text_{language}", "") or ""


def _add(parent, provision, children, language, prefix):
    """Write a provision and, depth first, its children (children: {parent id: [provisions]})."""
    tag, short = _ELEMENT[provision.kind]
    eid = f"{prefix}__{short}_{provision.number}" if prefix else f"{short}_{provision.number}"
    attributes = {"eId": eid}
    if provision.kind == Provision.Kind.SUPPLEMENTARY:
        attributes["name"] = "supplementaryProvisions"
    element = _el(parent, tag, **attributes)
    number, heading, text = _texts(provision, language)
    if number:
        _el(element, "num", number)
    if heading:
        _el(element, "heading", heading)
    below = children.get(provision.pk, [])
    if below:
        if text:
            _el(_el(element, "intro"), "p", text)
        for child in below:
            _add(element, child, children, language, eid)
    else:
        _el(_el(element, "content"), "p", text)
    return element


def akoma_ntoso(version, language="ja"):
    """The version's text as Akoma Ntoso XML bytes (UTF-8, with declaration) in "ja" or "en".

    version: a Version with its act loaded; reads its provisions in one query. Raises KeyError for another
    language.
    """
    LANGUAGES[language]
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}akomaNtoso")
    act_element = _el(root, "act", name="act", contains="singleVersion")
    meta = _el(act_element, "meta")
    _identification(meta, version, language)
    _references(meta, language)
    preface = _el(act_element, "preface")
    title = getattr(version.act, f"title_{language}", "") or version.act.title_ja
    _el(_el(preface, "longTitle"), "p", title)
    number = getattr(version.act, f"law_number_{language}", "") or version.act.law_number_ja
    _el(preface, "p", number, class_="lawNumber")
    body = _el(act_element, "body")
    provisions = list(Provision.objects.filter(version=version).order_by("tree_id", "lft"))
    children = {}
    for provision in provisions:
        children.setdefault(provision.parent_id, []).append(provision)
    for siblings in children.values():
        siblings.sort(key=lambda p: p.position)
    tops = children.get(None, [])
    for top in [p for p in tops if not p.supplementary] + [p for p in tops if p.supplementary]:
        _add(body, top, children, language, "")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def version_for(act_slug, version_key):
    """The Version of an act by their keys, act loaded. Raises Version.DoesNotExist."""
    return Version.objects.select_related("act").get(act__slug=act_slug, key=version_key)
