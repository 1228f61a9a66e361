"""The translation queue lists missing and stale English per kind of record, with links to edit; public pages
mark stale English, with the current Japanese original."""

import pytest

from tests.factories import CountryFactory, IncidentFactory, NodeFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


def queue_rows(response):
    return {row.record: (row.missing, row.stale) for group in response.context["groups"] for row in group.rows}


def test_english_changed_after_the_japanese_is_stale_until_the_english_is_saved(make_editor, client):
    incident = IncidentFactory(title_ja="旧題", title_en="Old title", countries=[CountryFactory()])
    missing = NodeFactory(title_en="")
    alice = make_editor("alice")
    url = change_url(incident)
    alice.post(url, form_data(alice.get(url), title_ja="新しい題"))
    incident.refresh_from_db()
    assert incident.stale_fields() == ["title"]

    rows = queue_rows(alice.get("/admin/translations/"))
    assert rows[incident] == ([], ["title [en]"])
    assert rows[missing] == (["title [en]"], [])
    html = alice.get("/admin/translations/").content.decode()
    assert f'href="{change_url(incident)}"' in html and f'href="{change_url(missing)}"' in html

    page = client.get(f"/en/incidents/{incident.slug}/").content.decode()
    assert "English not yet updated" in page and '<span lang="ja">新しい題</span>' in page
    assert "English not yet updated" not in client.get(f"/ja/incidents/{incident.slug}/").content.decode()

    alice.post(url, form_data(alice.get(url), title_en="New title"))
    incident.refresh_from_db()
    assert incident.stale_fields() == []
    assert incident not in queue_rows(alice.get("/admin/translations/"))
    assert "English not yet updated" not in client.get(f"/en/incidents/{incident.slug}/").content.decode()


def test_the_queue_lists_only_what_the_editor_may_change(make_editor):
    NodeFactory(title_en="")
    incident_editor = make_editor("ines", role="Incident editors")
    labels = {group.label for group in incident_editor.get("/admin/translations/").context["groups"]}
    assert "document parts" not in labels


def test_the_queue_is_for_staff_only(client):
    assert client.get("/admin/translations/").status_code == 302  # to the login page


def test_the_admin_home_links_to_the_queue(editor):
    assert 'href="/admin/translations/"' in editor.get("/admin/").content.decode()
