"""Deleted records: listed from the history for the kinds an editor's role may change, with who deleted them and
the record whose deletion removed them, and restored (fields and links) in one transaction, or refused clearly."""

import pytest

from incidents.models import Incident
from strategy.models import Document, Node
from tests.factories import CountryFactory, DocumentFactory, IncidentFactory, NodeFactory

from .test_history import admin_url

pytestmark = pytest.mark.django_db

PAGE = "/admin/deleted/"


def restore_url(deletion):
    opts = deletion.instance_type._meta
    return f"{PAGE}{opts.app_label}/{opts.model_name}/{deletion.history_id}/restore/"


def deletion_of(model, pk):
    return model.history.filter(**{model._meta.pk.attname: pk}, history_type="-").latest("history_id")


def listed(response):
    """{kind label: [(record name, deleted by, deleted with)]} on the deleted-records page."""
    return {g.label: [(r.name, r.author, r.cause) for r in g.rows] for g in response.context["groups"]}


def notes(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def deleted_document(make_editor):
    """A document with two parts (one under the other), deleted in the admin by the administrator Alice."""
    document = DocumentFactory(title_ja="試験戦略", slug="deleted-strategy")
    top = NodeFactory(document=document, title_ja="第一部")
    NodeFactory(parent=top, title_ja="第一節")
    alice = make_editor("alice")
    assert alice.post(admin_url(document, "delete"), {"post": "yes"}).status_code == 302
    return document


def test_a_cascade_is_listed_with_the_record_whose_deletion_removed_it(make_editor, deleted_document):
    policy = make_editor("paula", role="Policy editors")
    response = policy.get(PAGE)
    assert response.status_code == 200
    shown = listed(response)
    assert shown["policy documents"] == [("試験戦略", "Alice", "")]
    parts = shown["document parts"]
    assert {name for name, _by, _with in parts} == {"第一部", "第一節"}
    assert all(by == "Alice" and "試験戦略" in cause for _name, by, cause in parts)
    assert '<form method="post"' in response.content.decode()


def test_an_editor_sees_only_the_kinds_their_role_may_change(make_editor, deleted_document):
    incident = IncidentFactory(countries=[CountryFactory()])
    make_editor("alma").post(admin_url(incident, "delete"), {"post": "yes"})
    incident_editor = make_editor("ivan", role="Incident editors")
    shown = listed(incident_editor.get(PAGE))
    assert "incidents" in shown
    assert "policy documents" not in shown and "document parts" not in shown  # view only, or nothing
    law_editor = make_editor("laura", role="Law editors")
    assert listed(law_editor.get(PAGE)) == {}
    forbidden = incident_editor.post(restore_url(deletion_of(Document, deleted_document.pk)))
    assert forbidden.status_code == 403
    assert not Document.objects.filter(pk=deleted_document.pk).exists()


def test_a_document_and_then_its_parts_are_restored_as_a_restoration_by_the_editor(make_editor, deleted_document):
    policy = make_editor("paula", role="Policy editors")
    deletion = deletion_of(Document, deleted_document.pk)
    response = policy.post(restore_url(deletion))
    assert response.status_code == 302
    restored = Document.objects.get(pk=deleted_document.pk)
    assert restored.title_ja == "試験戦略" and restored.slug == "deleted-strategy"
    latest = restored.history.latest("history_id")
    assert latest.history_type == "+" and latest.history_user.username == "paula"
    assert latest.history_change_reason == f"restore:{deletion.history_id}"
    history = policy.get(admin_url(restored, "history"))
    assert "restored after its deletion" in history.context["versions"][0].action
    top = Node.history.filter(title_ja="第一部", history_type="-").latest("history_id")
    child = Node.history.filter(title_ja="第一節", history_type="-").latest("history_id")
    assert policy.post(restore_url(top)).status_code == 302
    assert policy.post(restore_url(child)).status_code == 302
    parts = list(Node.objects.filter(document=restored).order_by("lft"))
    assert [(p.title_ja, p.level) for p in parts] == [("第一部", 0), ("第一節", 1)]
    assert parts[1].parent_id == parts[0].pk
    assert listed(policy.get(PAGE)) == {}


def test_a_part_is_not_restored_before_its_document(make_editor, deleted_document):
    policy = make_editor("paula", role="Policy editors")
    part = Node.history.filter(title_ja="第一部", history_type="-").latest("history_id")
    before = Node.history.count()
    response = policy.post(restore_url(part), follow=True)
    assert any(note.startswith("Not restored:") for note in notes(response)), notes(response)
    assert not Node.objects.filter(pk=part.id).exists()
    assert Node.history.count() == before  # nothing written, not even history


def test_a_record_whose_slug_was_taken_since_is_not_restored_and_the_refusal_is_in_japanese(make_editor):
    incident = IncidentFactory(slug="taken-later", countries=[CountryFactory()])
    pk = incident.pk
    make_editor("alice").post(admin_url(incident, "delete"), {"post": "yes"})
    IncidentFactory(slug="taken-later", countries=[CountryFactory()])
    editor = make_editor("ichiro", language="ja", role="Incident editors")
    response = editor.post(restore_url(deletion_of(Incident, pk)), follow=True)
    assert any(note.startswith("復元していません") for note in notes(response)), notes(response)
    assert not Incident.objects.filter(pk=pk).exists()


def test_an_incident_is_restored_with_its_links(make_editor):
    countries = [CountryFactory(), CountryFactory()]
    incident = IncidentFactory(countries=countries)
    sources = set(incident.sources.values_list("pk", flat=True))
    make_editor("alice").post(admin_url(incident, "delete"), {"post": "yes"})
    editor = make_editor("ivan", role="Incident editors")
    assert editor.post(restore_url(deletion_of(Incident, incident.pk))).status_code == 302
    restored = Incident.objects.get(pk=incident.pk)
    assert set(restored.countries.all()) == set(countries)
    assert set(restored.sources.values_list("pk", flat=True)) == sources
    assert restored.history.latest("history_id").history_type == "+"


def test_parts_deleted_together_from_the_list_are_each_listed_as_deleted_by_the_editor(make_editor):
    document = DocumentFactory()
    parts = [NodeFactory(document=document, title_ja=f"削除部{n}") for n in range(2)]
    policy = make_editor("paula", role="Policy editors")
    data = {"action": "delete_selected", "_selected_action": [p.pk for p in parts], "post": "yes"}
    assert policy.post("/admin/strategy/node/", data).status_code == 302
    assert not Node.objects.filter(pk__in=[p.pk for p in parts]).exists()
    assert sorted(listed(policy.get(PAGE))["document parts"]) == [("削除部0", "Paula", ""), ("削除部1", "Paula", "")]


def test_restoring_takes_a_post(make_editor, deleted_document):
    policy = make_editor("paula", role="Policy editors")
    assert policy.get(restore_url(deletion_of(Document, deleted_document.pk))).status_code == 405


def test_the_page_reads_in_the_editors_language(make_editor, deleted_document):
    html = make_editor("hanako", language="ja", role="Policy editors").get(PAGE).content.decode()
    assert "削除された記録" in html and "復元" in html


def test_the_page_costs_one_query_per_kind_and_per_cause(make_editor, deleted_document, django_assert_num_queries):
    policy = make_editor("paula", role="Policy editors")
    policy.get(PAGE)
    # session, user, permissions (2), the deletions of each of the 8 kinds the role may change, the one cause
    with django_assert_num_queries(13):
        policy.get(PAGE)
