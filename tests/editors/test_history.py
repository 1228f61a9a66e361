"""History: who, when, which fields with old and new values in both languages; revert to any earlier version;
cascaded deletes recorded on the records they removed; "last updated" on public pages."""

import pytest
from django.contrib.admin.models import LogEntry

from incidents.models import Incident
from strategy.models import Document, Node
from tests.factories import CountryFactory, DocumentFactory, IncidentFactory, NodeFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db


def admin_url(record, view="change"):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/{view}/"


def changes_shown(response):
    """[(field label, before, after)] of every version on a history page, newest first."""
    return [[(c.label, c.old, c.new) for c in version.changes] for version in response.context["versions"]]


def test_the_history_page_shows_who_changed_which_field_from_what_to_what_in_both_languages(make_editor):
    incident = IncidentFactory(title_ja="旧題", title_en="Old title", countries=[CountryFactory()])
    alice = make_editor("alice")
    url = admin_url(incident)
    alice.post(url, form_data(alice.get(url), title_ja="新題", title_en="New title"))
    response = alice.get(admin_url(incident, "history"))
    assert response.status_code == 200
    newest = response.context["versions"][0]
    assert newest.author == "Alice" and newest.record.history_type == "~"
    assert {(c.label, c.old, c.new) for c in newest.changes} == {
        ("title [ja]", "旧題", "新題"),
        ("title [en]", "Old title", "New title"),
    }
    html = response.content.decode()
    assert "Old title" in html and "New title" in html and "旧題" in html and "新題" in html


def test_a_record_is_reverted_to_an_earlier_version_as_a_new_version(make_editor, client):
    node = NodeFactory(title_en="Measure as loaded")
    alice, bob = make_editor("alice"), make_editor("bob")
    url = admin_url(node)
    alice.post(url, form_data(alice.get(url), title_en="Measure, edited"))
    assert "Measure, edited" in client.get(f"/en{node.get_absolute_url()[3:]}").content.decode()
    first = node.history.order_by("history_id").first()
    revert_url = f"{admin_url(node, 'history')}{first.history_id}/revert/"
    confirm = bob.get(revert_url)
    assert [(c.label, c.old, c.new) for c in confirm.context["changes"]] == [
        ("title [en]", "Measure, edited", "Measure as loaded")
    ]
    response = bob.post(revert_url, {"lock_version": confirm.context["form"].initial["lock_version"]})
    assert response.status_code == 302
    node.refresh_from_db()
    assert node.title_en == "Measure as loaded"
    latest = node.history.order_by("-history_id").first()
    assert latest.history_user.username == "bob" and latest.history_change_reason == f"revert:{first.history_id}"
    assert LogEntry.objects.filter(object_id=str(node.pk), user__username="bob").exists()
    assert node.history.count() == 3  # nothing was lost: created, edited, reverted


def test_a_stale_revert_is_refused(make_editor):
    node = NodeFactory(title_en="Loaded")
    alice = make_editor("alice")
    first = node.history.get()
    revert_url = f"{admin_url(node, 'history')}{first.history_id}/revert/"
    confirm = alice.get(revert_url)
    alice.post(admin_url(node), form_data(alice.get(admin_url(node)), title_en="Changed meanwhile"))
    alice.post(revert_url, {"lock_version": confirm.context["form"].initial["lock_version"]})
    node.refresh_from_db()
    assert node.title_en == "Changed meanwhile"


def test_loaded_content_has_a_first_version_to_revert_to(kb):
    incident = Incident.objects.get(slug="mhi-2011")
    first = incident.history.get()
    assert first.history_type == "+" and first.history_change_reason == "loaded"
    assert first.title_ja == incident.title_ja and first.title_en == incident.title_en


def test_deleting_a_document_records_the_deletion_of_each_part_it_removed(make_editor):
    document = DocumentFactory()
    parts = [NodeFactory(document=document), NodeFactory(document=document)]
    alice = make_editor("alice")
    response = alice.post(admin_url(document, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    for part in parts:
        deletion = Node.history.filter(id=part.pk, history_type="-").get()
        assert deletion.history_user.username == "alice"
        assert deletion.title_en == part.title_en  # what was removed stays readable
    page = alice.get(admin_url(parts[0], "history"))
    assert page.status_code == 200 and page.context["deleted"]


def test_public_pages_show_when_a_record_was_last_updated(make_editor, client, lang):
    incident = IncidentFactory(countries=[CountryFactory()])
    Incident.objects.filter(pk=incident.pk).update(last_updated=None)
    assert "last-updated" not in client.get(f"/{lang}/incidents/{incident.slug}/").content.decode()
    alice = make_editor("alice")
    alice.post(admin_url(incident), form_data(alice.get(admin_url(incident)), summary_en="Edited"))
    incident.refresh_from_db()
    assert incident.last_updated is not None
    html = client.get(f"/{lang}/incidents/{incident.slug}/").content.decode()
    assert 'class="last-updated"' in html
    assert incident.last_updated.astimezone().date().isoformat()[:4] in html
