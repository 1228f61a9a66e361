"""schema.org descriptions (JSON-LD) of the law pages: an act with its versions and amending acts, an article,
an amending act; built only from what the page has already loaded (no query of their own).

An act is a `Legislation` work; each version is a `Legislation` with the day it took effect
(legislationDateVersion), whether it is in force (legislationLegalForce) and the amending acts it reflects
(legislationConsolidates); an amending act is a `Legislation` whose legislationChanges names the act and the
articles it changed; an article is a `Legislation` that isPartOf its version. English pages describe the
provisional translation (translationOfWork the Japanese page).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from core.jsonld import Site
from core.urls import neutral_path

from .address import ProvisionAddress, cite

CONTEXT = "https://schema.org"
IN_FORCE, NOT_IN_FORCE = "https://schema.org/InForce", "https://schema.org/NotInForce"


def act_id(site, act):
    return site.url(neutral_path("laws:act", act=act.slug), "ja") + "#act"


def version_id(site, version, act):
    return site.url(neutral_path("laws:act", act=act.slug), "ja") + f"?version={version.key}#version"


def amendment_id(site, amendment, act):
    return site.url(neutral_path("laws:amendment", act=act.slug, key=amendment.key), "ja") + "#amending-act"


def article_id(site, act, identity_key):
    """The article across versions: its page in the text in force, in Japanese, #article."""
    return site.url(ProvisionAddress(act.slug, identity_key).path(), "ja") + "#article"


def _language(site, node, page_url_ja):
    """inLanguage, and for an English page the Japanese page it translates (provisional)."""
    node["inLanguage"] = site.language
    if site.language != "ja":
        node["translationOfWork"] = {"@id": page_url_ja}
        node["creativeWorkStatus"] = "Provisional translation"
    return node


def version_node(site, version, act, amendments):
    """A version: its label, the day it took effect, whether in force today, the amending acts it reflects."""
    label, _lang = site.text(version, "label")
    reflected = version.amended_through.promulgated if version.amended_through_id else None
    node = {
        "@type": "Legislation",
        "@id": version_id(site, version, act),
        "name": label,
        "legislationDateVersion": version.in_force_from,
        "legislationLegalForce": IN_FORCE if version.is_in_force() else NOT_IN_FORCE,
        "isBasedOn": {"@id": act_id(site, act)},
        "url": site.url(neutral_path("laws:act", act=act.slug)) + f"?version={version.key}",
    }
    consolidated = [a for a in amendments if reflected and a.promulgated <= reflected]
    if consolidated:
        node["legislationConsolidates"] = [{"@id": amendment_id(site, a, act)} for a in consolidated]
    return node


def amendment_node(site, amendment, act, changed=()):
    """An amending act: its law number, promulgation, entry into force and what it changed."""
    number, _lang = site.text(amendment, "law_number")
    title, _lang = site.text(amendment, "title")
    today = timezone.localdate()
    node = {
        "@type": "Legislation",
        "@id": amendment_id(site, amendment, act),
        "name": title or number,
        "legislationIdentifier": number,
        "legislationDate": amendment.promulgated,
        "legislationChanges": [{"@id": act_id(site, act)}, *changed],
        "url": site.url(neutral_path("laws:amendment", act=act.slug, key=amendment.key)),
    }
    if amendment.effective:
        node["legislationLegalForce"] = IN_FORCE if amendment.effective <= today else NOT_IN_FORCE
    return node


def act_data(site: Site, act, versions, amendments):
    """The act page: the act, its versions and its amending acts, as one @graph."""
    title, _lang = site.text(act, "title")
    number, _lang = site.text(act, "law_number")
    versions, amendments = list(versions), list(amendments)
    in_force = any(version.is_in_force() for version in versions)
    page_ja = site.url(neutral_path("laws:act", act=act.slug), "ja")
    node = {
        "@type": "Legislation",
        "@id": act_id(site, act),
        "name": title,
        "legislationIdentifier": number,
        "identifier": act.egov_law_id,
        "legislationDate": act.promulgated,
        "legislationType": site.translated(pgettext_lazy("type of legislation", "Act")),
        "legislationJurisdiction": "JP",
        "legislationLegalForce": IN_FORCE if in_force else NOT_IN_FORCE,
        "url": site.url(neutral_path("laws:act", act=act.slug)),
        "workExample": [{"@id": version_id(site, version, act)} for version in versions],
    }
    short, _lang = site.text(act, "short_title")
    if short:
        node["alternateName"] = [part.strip() for part in short.split(",") if part.strip()]
    if act.egov_url:
        node["sameAs"] = act.egov_url
    _language(site, node, page_ja)
    graph = [node]
    graph += [version_node(site, version, act, amendments) for version in versions]
    graph += [amendment_node(site, amendment, act) for amendment in amendments]
    return {"@context": CONTEXT, "@graph": graph}


def article_data(site: Site, act, choice, page):
    """The article page: the article (its text in the page's language) as part of the version shown, and the
    amending acts that changed it."""
    article, version = page.article, choice.version
    address = ProvisionAddress.in_version(version, article.number, act=act.slug)
    caption, _lang = site.text(article, "caption")
    law_number, _lang = site.text(act, "law_number")
    label = cite(article.number, language=site.language)
    texts, languages = [], set()
    for paragraph in article.children.all():
        for provision in [paragraph, *paragraph.children.all()]:
            value, language = site.text(provision, "text")
            if value:
                texts.append(value)
                languages.add(language)
    url = site.url(address.path())
    identity = article.identity.key if article.identity_id else article.number
    name = f"{label} {caption}".strip() if site.language == "en" else label + (f"（{caption}）" if caption else "")
    node = {
        "@type": "Legislation",
        "@id": article_id(site, act, identity),
        "name": name,
        "legislationIdentifier": f"{law_number} {label}",
        "legislationType": site.translated(pgettext_lazy("type of legislation", "Article")),
        "legislationDateVersion": version.in_force_from,
        "legislationLegalForce": IN_FORCE if version.is_in_force() else NOT_IN_FORCE,
        "isPartOf": {
            "@type": "Legislation",
            "@id": version_id(site, version, act),
            "name": site.text(act, "title")[0],
            "isBasedOn": {"@id": act_id(site, act)},
        },
        "text": "\n".join(texts),
        "url": url,
    }
    _language(site, node, site.url(address.path(), "ja"))
    if languages == {"ja"} and site.language != "ja":
        node["inLanguage"] = "ja"
    graph = [node]
    seen = set()
    for change in page.changes:
        amendment = change.amending_act
        if amendment.pk not in seen:
            seen.add(amendment.pk)
            graph.append(amendment_node(site, amendment, act, [{"@id": node["@id"]}]))
    return {"@context": CONTEXT, "@graph": graph}


def amendment_data(site: Site, act, amendment):
    """The amending act page: the amending act, the act it amends and the articles it changed."""
    changed = []
    for change in amendment.changes.all():
        changed.append({"@id": article_id(site, act, change.identity.key)})
    node = amendment_node(site, amendment, act, changed)
    summary, _lang = site.text(amendment, "summary")
    if summary:
        node["abstract"] = summary
    _language(site, node, site.url(neutral_path("laws:amendment", act=act.slug, key=amendment.key), "ja"))
    return {"@context": CONTEXT, "@graph": [node, {"@type": "Legislation", "@id": act_id(site, act)}]}


def _glossary_set(site):
    name = site.translated(gettext_lazy("Glossary"))
    return {"@type": "DefinedTermSet", "@id": site.url(neutral_path("glossary"), "ja") + "#glossary", "name": name}


def _term(site, term):
    name, language = site.text(term, "term")
    return {
        "@type": "DefinedTerm",
        "@id": site.url(neutral_path("glossary-term", slug=term.slug), "ja") + "#term",
        "name": name,
        "termCode": term.slug,
        "inLanguage": language,
        "url": site.url(neutral_path("glossary-term", slug=term.slug)),
    }


def glossary_data(site: Site, terms):
    """The glossary page: a DefinedTermSet of every term listed."""
    glossary = _glossary_set(site)
    glossary["url"] = site.url(neutral_path("glossary"))
    glossary["hasDefinedTerm"] = [_term(site, term) for term in terms]
    return {"@context": CONTEXT, **glossary}


def term_data(site: Site, term):
    """A term's page: the DefinedTerm with its definition, other forms, where it is defined, in the glossary."""
    node = {"@context": CONTEXT, **_term(site, term), "inDefinedTermSet": _glossary_set(site)}
    definition, _lang = site.text(term, "definition")
    if definition:
        node["description"] = definition
    aliases, _lang = site.text(term, "aliases")
    if aliases:
        node["alternateName"] = [alias.strip() for alias in aliases.split(",") if alias.strip()]
    if term.defined_in_id:
        node["subjectOf"] = {"@id": article_id(site, term.defined_in.act, term.defined_in.key)}
    return node
