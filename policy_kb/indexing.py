"""What goes into the search index, record by record (composes the three apps)."""

from django.urls import reverse
from django.utils import translation

from incidents.models import Incident
from laws.address import article_label_ja, provision_anchor
from laws.models import Provision, Term, Version
from strategy.models import Document, Node, Organisation

from .search import Entry


def path(name, **kwargs):
    """A URL path without its language prefix; pages add the reader's language."""
    with translation.override("ja"):
        return reverse(name, kwargs=kwargs).removeprefix("/ja")


def provision_entries(provisions=None):
    provisions = (
        provisions
        if provisions is not None
        else Provision.objects.filter(kind__in=[Provision.Kind.PARAGRAPH, Provision.Kind.ITEM])
    )
    provisions = provisions.select_related("version__act", "parent__parent__parent").order_by(
        "-version__in_force_from", "tree_id", "lft"
    )
    for p in provisions:
        article, paragraph, item = _ancestry(p)
        if paragraph is None or (article is None and not p.supplementary):
            continue
        version = p.version
        if p.supplementary:
            block = _block(p)
            url = path("laws:supplementary", act=version.act.slug)
            anchor = f"s-{block.number}-" + (f"a{article.number}-" if article else "") + f"p{paragraph.number}"
            title_ja = f"{block.label}" + (f" {article.label}" if article else "")
            title_en = "Supplementary Provisions" + (f", Art. {article.number}" if article else "")
        else:
            url = path("laws:article", act=version.act.slug, number=article.number)
            anchor = provision_anchor(paragraph.number, item.number if item else None)
            title_ja = article_label_ja(article.number) + (f"（{article.caption_ja}）" if article.caption_ja else "")
            title_en = f"Art. {article.number}" + (f" {article.caption_en}" if article.caption_en else "")
        if version.key != Version.Key.CURRENT:
            url += f"?version={version.key}"
        yield Entry(
            kind="provision",
            object_key=f"{version.key}:{p.pk}",
            url=url,
            anchor=anchor,
            version=version.key,
            title_ja=title_ja,
            title_en=title_en,
            body_ja=p.text_ja,
            body_en=p.text_en,
        )


def _ancestry(p):
    article = paragraph = item = None
    node = p
    while node is not None:
        if node.kind == Provision.Kind.ITEM:
            item = node
        elif node.kind == Provision.Kind.PARAGRAPH:
            paragraph = node
        elif node.kind == Provision.Kind.ARTICLE:
            article = node
        node = node.parent if node.parent_id else None
    return article, paragraph, item


def _block(p):
    node = p
    while node.parent_id:
        node = node.parent
    return node


def document_entries(documents=None):
    documents = documents if documents is not None else Document.objects.all()
    for d in documents.order_by("decided_on", "slug"):
        yield Entry(
            kind="document",
            object_key=d.slug,
            url=path("strategy:document", slug=d.slug),
            year=d.decided_on.year if d.decided_on else None,
            title_ja=d.title_ja,
            title_en=d.title_en,
            body_ja=d.summary_ja,
            body_en=d.summary_en,
        )


def node_entries(nodes=None):
    nodes = nodes if nodes is not None else Node.objects.all()
    for n in nodes.select_related("document").order_by("document__decided_on", "document__slug", "tree_id", "lft"):
        yield Entry(
            kind="measure",
            object_key=f"{n.document.slug}:{n.key}",
            url=path("strategy:node", slug=n.document.slug, key=n.key),
            year=n.document.decided_on.year if n.document.decided_on else None,
            title_ja=f"{n.number} {n.title_ja}".strip(),
            title_en=f"{n.number} {n.title_en}".strip(),
            body_ja=n.body_ja,
            body_en=n.body_en,
            extra=[n.document.title_ja, n.document.title_en],
        )


def incident_entries(incidents=None):
    incidents = incidents if incidents is not None else Incident.objects.all()
    for i in incidents.prefetch_related("countries", "attack_types").order_by("start_date", "slug"):
        extra = [i.deck_label] + [c.name_ja for c in i.countries.all()] + [c.name_en for c in i.countries.all()]
        extra += [a.name_ja for a in i.attack_types.all()] + [a.name_en for a in i.attack_types.all()]
        yield Entry(
            kind="incident",
            object_key=i.slug,
            url=path("incidents:detail", slug=i.slug),
            year=i.start_date.year,
            title_ja=i.title_ja,
            title_en=i.title_en,
            body_ja=i.summary_ja,
            body_en=i.summary_en,
            extra=extra,
        )


def organisation_entries(organisations=None):
    organisations = organisations if organisations is not None else Organisation.objects.all()
    for o in organisations.order_by("slug"):
        yield Entry(
            kind="organisation",
            object_key=o.slug,
            url=path("strategy:organisation", slug=o.slug),
            title_ja=o.name_ja + (f"（{o.abbreviation}）" if o.abbreviation else ""),
            title_en=o.name_en + (f" ({o.abbreviation})" if o.abbreviation else ""),
            body_ja=o.description_ja,
            body_en=o.description_en,
        )


def term_entries(terms=None):
    terms = terms if terms is not None else Term.objects.all()
    for t in terms.order_by("slug"):
        yield Entry(
            kind="term",
            object_key=t.slug,
            url=path("glossary-term", slug=t.slug),
            title_ja=t.term_ja,
            title_en=t.term_en,
            body_ja=t.definition_ja,
            body_en=t.definition_en,
            extra=[t.aliases_ja, t.aliases_en, t.reading],
        )


def all_entries():
    yield from provision_entries()
    yield from document_entries()
    yield from node_entries()
    yield from incident_entries()
    yield from organisation_entries()
    yield from term_entries()
