"""No lost update: a save based on a stale copy is refused, naming what changed meanwhile and who changed it."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction

from incidents.models import Incident
from tests.factories import CountryFactory, DocumentFactory, IncidentFactory, NodeFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


@pytest.fixture
def incident():
    return IncidentFactory(title_en="Old title", summary_en="Old summary", countries=[CountryFactory()])


def test_two_editors_change_different_fields_and_the_second_is_refused(make_editor, incident):
    alice, bob = make_editor("alice"), make_editor("bob")
    url = change_url(incident)
    alice_page, bob_page = alice.get(url), bob.get(url)  # both open the same incident
    assert alice.post(url, form_data(alice_page, title_en="Alice's title")).status_code == 302
    response = bob.post(url, form_data(bob_page, summary_en="Bob's summary"))
    assert response.status_code == 200  # the form again, with the refusal
    errors = [str(e) for e in response.context["adminform"].form.non_field_errors()]
    assert len(errors) == 1
    assert "Alice" in errors[0] and "title [en]" in errors[0] and "Nothing was overwritten" in errors[0]
    assert "summary" not in errors[0]  # only what changed meanwhile is named
    incident.refresh_from_db()
    assert incident.title_en == "Alice's title"  # the first editor's change stands
    assert incident.summary_en == "Old summary"  # the refused save wrote nothing
    entries = LogEntry.objects.filter(object_id=str(incident.pk), action_flag=CHANGE)
    assert [entry.user.username for entry in entries] == ["alice"]  # the log credits the right editor
    edits = incident.history.filter(history_type="~", history_user__isnull=False)  # not the factory's own
    assert [r.history_user.username for r in edits] == ["alice"]


def test_the_refusal_is_in_the_editors_language(make_editor, incident):
    alice, hanako = make_editor("alice"), make_editor("hanako", language="ja")
    url = change_url(incident)
    alice_page, hanako_page = alice.get(url), hanako.get(url)
    alice.post(url, form_data(alice_page, title_en="Alice's title"))
    response = hanako.post(url, form_data(hanako_page, summary_ja="花子の概要"))
    error = str(response.context["adminform"].form.non_field_errors()[0])
    assert "保存していません" in error and "Alice" in error and "タイトル [en]" in error


def test_the_refused_editor_can_save_after_opening_the_record_again(make_editor, incident):
    alice, bob = make_editor("alice"), make_editor("bob")
    url = change_url(incident)
    alice_page, bob_page = alice.get(url), bob.get(url)
    alice.post(url, form_data(alice_page, title_en="Alice's title"))
    assert bob.post(url, form_data(bob_page, summary_en="Bob's summary")).status_code == 200
    assert bob.post(url, form_data(bob.get(url), summary_en="Bob's summary")).status_code == 302
    incident.refresh_from_db()
    assert (incident.title_en, incident.summary_en) == ("Alice's title", "Bob's summary")


@pytest.mark.parametrize("factory", [DocumentFactory, NodeFactory], ids=["document", "part"])
def test_other_edited_models_are_guarded_the_same_way(make_editor, factory):
    record = factory()
    alice, bob = make_editor("alice"), make_editor("bob")
    url = change_url(record)
    alice_page, bob_page = alice.get(url), bob.get(url)
    assert alice.post(url, form_data(alice_page, title_en="Alice")).status_code == 302
    response = bob.post(url, form_data(bob_page, title_ja="ボブ"))
    assert response.status_code == 200
    record.refresh_from_db()
    assert (record.title_en, record.title_ja != "ボブ") == ("Alice", True)


def test_a_tampered_counter_is_refused_without_a_write(editor, incident):
    url = change_url(incident)
    data = form_data(editor.get(url), title_en="Tampered", lock_version="999")
    response = editor.post(url, data)
    assert response.status_code == 400
    assert Incident.objects.get(pk=incident.pk).title_en == "Old title"


def test_the_database_refuses_a_stale_save_that_races_past_the_form(incident):
    from concurrency.exceptions import RecordModifiedError

    first, second = Incident.objects.get(pk=incident.pk), Incident.objects.get(pk=incident.pk)
    first.title_en = "First"
    first.save()
    second.summary_en = "Second"
    with pytest.raises(RecordModifiedError), transaction.atomic():
        second.save()
    incident.refresh_from_db()
    assert (incident.title_en, incident.summary_en) == ("First", "Old summary")


def test_the_pinned_library_refuses_a_stale_save_of_every_edited_model_on_this_django(kb):
    """django-concurrency 2.8.1 declares Django up to 6.0; this proves its conditional UPDATE on the Django the
    project pins (6.1), on the database the suite runs on (SQLite, then PostgreSQL): for one loaded row of each
    edited model, a save based on a copy read before another save is refused and writes nothing."""
    from importlib.metadata import version

    import django
    from concurrency.exceptions import RecordModifiedError

    from core.editing import VERSION_FIELD
    from core.history import tracked_models

    assert django.VERSION[:2] == (6, 1) and version("django-concurrency") == "2.8.1"
    checked = []
    for model in tracked_models():
        if VERSION_FIELD not in {f.name for f in model._meta.concrete_fields}:
            continue
        row = model._default_manager.order_by("pk").first()
        if row is None:
            continue
        first, stale = model._default_manager.get(pk=row.pk), model._default_manager.get(pk=row.pk)
        first.save()
        assert getattr(first, VERSION_FIELD) != getattr(stale, VERSION_FIELD)
        with pytest.raises(RecordModifiedError), transaction.atomic():
            stale.save()
        assert getattr(model._default_manager.get(pk=row.pk), VERSION_FIELD) == getattr(first, VERSION_FIELD)
        checked.append(model._meta.model_name)
    assert {"incident", "document", "node", "act", "provision", "organisation", "term"} <= set(checked)
