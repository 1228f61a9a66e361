"""The strategy admin: every model is editable in both languages, searchable in both, and a part's links
belong to the part's document."""

import pytest

from strategy.models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector
from tests.factories import (
    ArticleIdentityFactory,
    DocumentFactory,
    NodeFactory,
    OrganisationFactory,
    OrganisationRelationFactory,
    PlanEditionFactory,
    ProvisionLinkFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    Sector: SectorFactory,
    Organisation: OrganisationFactory,
    OrganisationRelation: OrganisationRelationFactory,
    Document: DocumentFactory,
    Node: NodeFactory,
    ProvisionLink: ProvisionLinkFactory,
    PlanEdition: PlanEditionFactory,
}


@pytest.fixture
def admin_client(client, django_user_model, kb):
    user = django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def admin_url(model, view="changelist", *args):
    from django.urls import reverse

    return reverse(f"admin:strategy_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", FACTORIES, ids=lambda m: m.__name__)
def test_every_model_has_a_list_an_add_form_and_a_change_form_with_both_languages(admin_client, model):
    record = FACTORIES[model]()
    assert admin_client.get(admin_url(model)).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    response = admin_client.get(admin_url(model, "change", record.pk))
    assert response.status_code == 200
    form = response.context["adminform"].form
    translated = [name for name in form.fields if name.endswith(("_ja", "_en"))]
    assert translated, f"{model.__name__}: no language fields"
    for name in translated:
        other = name[:-3] + ("_en" if name.endswith("_ja") else "_ja")
        assert other in form.fields


@pytest.mark.parametrize(
    ("factory", "field"),
    [(DocumentFactory, "title"), (OrganisationFactory, "name"), (NodeFactory, "title"), (SectorFactory, "name")],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_search_finds_records_by_either_language(admin_client, factory, field):
    record = factory(**{f"{field}_ja": "試験用の探索語を含む名", f"{field}_en": "A name with a findable word"})
    other = factory()
    model = type(record)
    for query in ("探索語", "findable"):
        response = admin_client.get(admin_url(model), {"q": query})
        assert response.status_code == 200
        found = list(response.context["cl"].queryset)
        assert record in found and other not in found, query


def test_an_organisation_keeps_its_kind_in_the_form(admin_client):
    minister = OrganisationFactory(kind=Organisation.Kind.MINISTER)
    html = admin_client.get(admin_url(Organisation, "change", minister.pk)).content.decode()
    assert '<option value="minister" selected>' in html


def test_document_inline_shows_only_the_documents_own_links(admin_client):
    document = DocumentFactory()
    own = ProvisionLinkFactory(document=document)
    ProvisionLinkFactory(document=document, node=NodeFactory(document=document))  # a part's link
    response = admin_client.get(admin_url(Document, "change", document.pk))
    inline = next(f for f in response.context["inline_admin_formsets"] if f.formset.model is ProvisionLink)
    shown = {form.instance.pk for form in inline.formset.forms if form.instance.pk}
    assert shown == {own.pk}


def test_a_link_added_on_a_part_belongs_to_the_parts_document(admin_client):
    node = NodeFactory()
    assert not node.provision_links.exists()
    url = admin_url(Node, "change", node.pk)
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    article = ArticleIdentityFactory()
    data.update(
        {
            "provision_links-TOTAL_FORMS": "1",
            "provision_links-INITIAL_FORMS": "0",
            "provision_links-MIN_NUM_FORMS": "0",
            "provision_links-MAX_NUM_FORMS": "1000",
            "provision_links-0-relation_type": "related",
            "provision_links-0-identity": str(article.pk),
            "provision_links-0-paragraph": "1",
            "provision_links-0-interpretation": "on",
            "provision_links-0-note_ja": "テスト",
            "provision_links-0-note_en": "Test",
            "provision_links-0-node": str(node.pk),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    link = node.provision_links.get()
    assert link.document_id == node.document_id and link.identity == article
