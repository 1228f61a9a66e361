"""schema.org description (JSON-LD) of an incident page: an `Event` with its dates at their precision, the
countries where it happened and the sources that report it; built from what the page has loaded."""

from core.jsonld import Site
from core.urls import neutral_path

CONTEXT = "https://schema.org"


def incident_data(site: Site, incident):
    """The incident as an Event: name, description, start and end (ISO at the precision known), countries as
    locations, attack types as keywords, sources as subjectOf."""
    path = neutral_path("incidents:detail", slug=incident.slug)
    title, language = site.text(incident, "title")
    summary, _lang = site.text(incident, "summary")
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "@id": site.url(path, "ja") + "#incident",
        "name": title,
        "description": summary,
        "startDate": incident.start.iso,
        "url": site.url(path),
        "inLanguage": language,
        "location": [
            {"@type": "Country", "name": site.text(country, "name")[0], "identifier": country.code}
            for country in incident.countries.all()
        ],
    }
    if incident.end:
        data["endDate"] = incident.end.iso
    keywords = [site.text(attack_type, "name")[0] for attack_type in incident.attack_types.all()]
    if keywords:
        data["keywords"] = keywords
    sources = [{"@type": "CreativeWork", "name": s.title, "url": s.url} for s in incident.sources.all() if s.url]
    if sources:
        data["subjectOf"] = sources
    return data
