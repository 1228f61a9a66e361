"""factory_boy factories: the few rows a unit test needs, next to the real content already in the database.

The session database holds the real knowledge base (tests/conftest.py), so every unique value here comes
from a sequence in a namespace the real content does not use: slugs and keys start with `test-`, country
codes are ISO 3166's user-assigned X? codes, e-Gov law IDs start with TEST. Translated fields are given in
both languages (`title_ja`, `title_en`); pass `title_en=""` to see the Japanese fallback.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from core.relations import RelationType
from incidents.models import AttackType, Country, Incident, IncidentLink
from laws.models import Act, AmendingAct, ArticleIdentity, ArticleNumber, Provision, Source, Term, Version
from laws.services import import_version, sync_version_periods
from laws.statute import parse_statute
from strategy.models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector

# A statute in the data directory's plain-text format: one chapter with two articles (the second with two
# paragraphs, the first of which has two items), and the Act's own supplementary provisions.
SMALL_STATUTE = (
    "試験法\n\n第一章　総則\n（目的）\n第一条　この法律は、試験を目的とする。\n"
    "第二条　次に掲げる者は、試験を行う。\n　一　国\n　二　地方公共団体\n２　前項の試験は、毎年行う。\n"
    "\n附　則\n１　この法律は、公布の日から施行する。\n"
)

# --- laws ------------------------------------------------------------------------------------


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"test-source-{n}")
    title = factory.Sequence(lambda n: f"Test source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/test-source-{n}")
    publisher = "Example publisher"
    language = "en"
    checked = Source.Checked.SEEN


class ActFactory(DjangoModelFactory):
    class Meta:
        model = Act

    slug = factory.Sequence(lambda n: f"test-act-{n}")
    title_ja = factory.Sequence(lambda n: f"テスト法{n}")
    title_en = factory.Sequence(lambda n: f"Test Act {n}")
    law_number_ja = factory.Sequence(lambda n: f"テスト法律第{n}号")
    law_number_en = factory.Sequence(lambda n: f"Test Act No. {n}")
    egov_law_id = factory.Sequence(lambda n: f"TEST{n:08d}")
    promulgated = datetime.date(2014, 11, 12)


class AmendingActFactory(DjangoModelFactory):
    class Meta:
        model = AmendingAct

    act = factory.SubFactory(ActFactory)
    key = factory.Sequence(lambda n: f"test-{n}")
    law_number_ja = factory.Sequence(lambda n: f"テスト改正法律第{n}号")
    law_number_en = factory.Sequence(lambda n: f"Test Amending Act No. {n}")
    promulgated = datetime.date(2016, 4, 22)


class VersionFactory(DjangoModelFactory):
    """A version of an act; `VersionFactory(text=…)` also imports that statute text as its provisions."""

    class Meta:
        model = Version
        skip_postgeneration_save = True

    act = factory.SubFactory(ActFactory)
    key = "current"
    label_ja = "テスト用の本文"
    label_en = "Text for the test"
    in_force_from = datetime.date(2015, 1, 1)

    @factory.post_generation
    def text(version, create, extracted, **kwargs):
        """Parse `extracted` (the data directory's plain-text format) and import it with the importer itself,
        so the provision tree, its mptt columns and the article identities are those a real import writes.
        Each article of the main provisions gets an identity keyed by its number."""
        if not create or not extracted:
            return
        statute = parse_statute(extracted, "test.txt")
        numbers = [
            article.number
            for block in statute.body
            if block.kind == Provision.Kind.CHAPTER
            for article in block.children
            if article.kind == Provision.Kind.ARTICLE
        ]
        for number in numbers:
            identity, _created = ArticleIdentity.objects.get_or_create(act=version.act, key=number)
            ArticleNumber.objects.get_or_create(identity=identity, version=version, defaults={"number": number})
        sync_version_periods(act=version.act)
        import_version(version=version, text=extracted, filename="test.txt")


class ArticleIdentityFactory(DjangoModelFactory):
    class Meta:
        model = ArticleIdentity

    act = factory.SubFactory(ActFactory)
    key = factory.Sequence(lambda n: str(n + 1))


class ProvisionFactory(DjangoModelFactory):
    """One provision saved through mptt (which sets tree_id, lft, rght, level); parent= makes it a child, in
    the parent's version. For a whole text, VersionFactory(text=…) is closer to what the importer writes."""

    class Meta:
        model = Provision

    parent = None
    version = factory.Maybe("parent", factory.SelfAttribute("parent.version"), factory.SubFactory(VersionFactory))
    kind = Provision.Kind.ARTICLE
    position = factory.Sequence(int)
    number = factory.Sequence(lambda n: str(n + 1))
    label = ""
    text_ja = "本文"
    text_en = "Text"


class TermFactory(DjangoModelFactory):
    class Meta:
        model = Term

    slug = factory.Sequence(lambda n: f"test-term-{n}")
    term_ja = factory.Sequence(lambda n: f"試験用語{n}")
    term_en = factory.Sequence(lambda n: f"test term {n}")
    aliases_ja = ""  # the English column is nullable (modeltranslation); Term.forms expects text
    aliases_en = ""
    definition_ja = "テスト用の定義"
    definition_en = "A definition for the test"


# --- strategy --------------------------------------------------------------------------------


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector

    slug = factory.Sequence(lambda n: f"test-sector-{n}")
    name_ja = factory.Sequence(lambda n: f"試験分野{n}")
    name_en = factory.Sequence(lambda n: f"Test sector {n}")
    order = factory.Sequence(lambda n: 1000 + n)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"test-org-{n}")
    name_ja = factory.Sequence(lambda n: f"試験機関{n}")
    name_en = factory.Sequence(lambda n: f"Test body {n}")
    kind = Organisation.Kind.OTHER


class OrganisationRelationFactory(DjangoModelFactory):
    class Meta:
        model = OrganisationRelation

    source = factory.SubFactory(OrganisationFactory)
    target = factory.SubFactory(OrganisationFactory)
    relation_type = RelationType.COOPERATES_WITH


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    slug = factory.Sequence(lambda n: f"test-doc-{n}")
    kind = Document.Kind.STRATEGY
    title_ja = factory.Sequence(lambda n: f"試験文書{n}")
    title_en = factory.Sequence(lambda n: f"Test document {n}")
    decided_on = datetime.date(2015, 9, 4)


class NodeFactory(DjangoModelFactory):
    """A part of a document, saved through mptt; parent= makes it a child, in the parent's document."""

    class Meta:
        model = Node

    parent = None
    document = factory.Maybe("parent", factory.SelfAttribute("parent.document"), factory.SubFactory(DocumentFactory))
    key = factory.Sequence(lambda n: f"test-part-{n}")
    kind = Node.Kind.MEASURE
    title_ja = factory.Sequence(lambda n: f"試験施策{n}")
    title_en = factory.Sequence(lambda n: f"Test measure {n}")
    position = factory.Sequence(int)


class PlanEditionFactory(DjangoModelFactory):
    class Meta:
        model = PlanEdition

    number = factory.Sequence(lambda n: 1000 + n)
    name_ja = factory.Sequence(lambda n: f"試験行動計画{n}")
    name_en = factory.Sequence(lambda n: f"Test action plan {n}")


class ProvisionLinkFactory(DjangoModelFactory):
    class Meta:
        model = ProvisionLink

    document = factory.SubFactory(DocumentFactory)
    identity = factory.SubFactory(ArticleIdentityFactory)
    relation_type = RelationType.LEGAL_BASIS


# --- incidents -------------------------------------------------------------------------------


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"X{chr(ord('A') + n % 26)}")
    name_ja = factory.LazyAttribute(lambda country: f"試験国{country.code}")
    name_en = factory.LazyAttribute(lambda country: f"Testland {country.code}")


class AttackTypeFactory(DjangoModelFactory):
    """An attack type, saved through mptt; pass parent= for a sub-type."""

    class Meta:
        model = AttackType

    slug = factory.Sequence(lambda n: f"test-attack-{n}")
    name_ja = factory.Sequence(lambda n: f"試験攻撃{n}")
    name_en = factory.Sequence(lambda n: f"Test attack {n}")


class IncidentFactory(DjangoModelFactory):
    """An incident with one source of its own; countries=, attack_types=, sectors= and sources= take lists."""

    class Meta:
        model = Incident
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-incident-{n}")
    title_ja = factory.Sequence(lambda n: f"試験事案{n}")
    title_en = factory.Sequence(lambda n: f"Test incident {n}")
    summary_ja = "テスト用の概要"
    summary_en = "A summary for the test"
    start_date = datetime.date(2015, 6, 1)

    @factory.post_generation
    def sources(incident, create, extracted, **kwargs):
        if create:
            incident.sources.set(extracted if extracted is not None else [SourceFactory()])

    @factory.post_generation
    def countries(incident, create, extracted, **kwargs):
        if create and extracted:
            incident.countries.set(extracted)

    @factory.post_generation
    def attack_types(incident, create, extracted, **kwargs):
        if create and extracted:
            incident.attack_types.set(extracted)

    @factory.post_generation
    def sectors(incident, create, extracted, **kwargs):
        if create and extracted:
            incident.sectors.set(extracted)


class IncidentLinkFactory(DjangoModelFactory):
    """A link from an incident to a document (the default) or, with document=None and identity=…, an article."""

    class Meta:
        model = IncidentLink

    incident = factory.SubFactory(IncidentFactory)
    document = factory.SubFactory(DocumentFactory)
    relation_type = RelationType.PROMPTED
