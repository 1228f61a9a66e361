"""Many-to-many fields in the history: an admin save is one version holding its links, the diff names the
linked records before and after, revert restores them, and "last updated" and the translation queue follow."""

import pytest

from core.editor_admin.changes import link_states
from core.history import m2m_fields
from incidents.models import Incident
from strategy.models import Document, Organisation, PlanEdition
from tests.factories import AttackTypeFactory, CountryFactory, IncidentFactory

from .conftest import form_data
from .test_history import admin_url

pytestmark = pytest.mark.django_db


def links(record, name):
    return set(getattr(record, name).values_list("pk", flat=True))


@pytest.fixture
def incident():
    japan = CountryFactory(name_ja="日本", name_en="Japan")
    return IncidentFactory(countries=[japan], attack_types=[])


def test_every_many_to_many_field_of_an_edited_model_is_recorded():
    assert {f.name for f in m2m_fields(Incident)} == {"countries", "sectors", "attack_types", "sources"}
    assert {f.name for f in m2m_fields(Document)} == {"sources"}
    assert {f.name for f in m2m_fields(Organisation)} == {"sources"}
    assert {f.name for f in m2m_fields(PlanEdition)} == {"sectors", "sources"}
    # in the model's order, so their history tables are registered (and backed up) in the same order every time
    assert [f.name for f in m2m_fields(Incident)] == [f.name for f in Incident._meta.many_to_many]


def test_an_admin_save_is_one_version_showing_the_links_before_and_after(make_editor, incident):
    usa = CountryFactory(name_ja="米国", name_en="United States")
    phishing = AttackTypeFactory(name_ja="フィッシング", name_en="Phishing")
    alice = make_editor("alice")
    before = incident.history.count()
    page = alice.get(admin_url(incident))
    response = alice.post(
        admin_url(incident),
        form_data(
            page, countries=[str(c) for c in links(incident, "countries") | {usa.pk}], attack_types=[phishing.pk]
        ),
    )
    assert response.status_code == 302
    assert incident.history.count() == before + 1  # the save and its links: one version
    latest = incident.history.order_by("-history_id").first()
    assert latest.history_user.username == "alice"
    assert set(latest.countries.values_list("country_id", flat=True)) == {*links(incident, "countries")}
    newest = alice.get(admin_url(incident, "history")).context["versions"][0]
    shown = {(c.name, c.old, c.new) for c in newest.changes}
    assert ("countries", "日本", "日本, 米国") in shown  # records are named as everywhere in the admin
    assert ("attack_types", "—", "フィッシング") in shown


def test_revert_restores_the_links_of_the_earlier_version(make_editor, incident):
    original = links(incident, "countries")
    alice = make_editor("alice")
    first = incident.history.order_by("-history_id").first()
    other = CountryFactory()
    alice.post(admin_url(incident), form_data(alice.get(admin_url(incident)), countries=[str(other.pk)]))
    assert links(incident, "countries") == {other.pk}
    revert_url = f"{admin_url(incident, 'history')}{first.history_id}/revert/"
    confirm = alice.get(revert_url)
    assert ("countries", str(other), "日本") in {(c.name, c.old, c.new) for c in confirm.context["changes"]}
    response = alice.post(revert_url, {"lock_version": confirm.context["form"].initial["lock_version"]})
    assert response.status_code == 302
    assert links(incident, "countries") == original
    latest = incident.history.order_by("-history_id").first()
    assert latest.history_change_reason == f"revert:{first.history_id}"
    assert set(latest.countries.values_list("country_id", flat=True)) == original


def test_a_revert_to_links_whose_record_was_deleted_since_is_refused(make_editor, incident):
    alice = make_editor("alice")
    doomed = CountryFactory(name_en="Gone")
    incident.countries.add(doomed)
    with_doomed = incident.history.order_by("-history_id").first()
    incident.countries.remove(doomed)
    doomed.delete()
    revert_url = f"{admin_url(incident, 'history')}{with_doomed.history_id}/revert/"
    lock = alice.get(revert_url).context["form"].initial["lock_version"]
    response = alice.post(revert_url, {"lock_version": lock}, follow=True)
    notes = [str(m) for m in response.context["messages"]]
    assert any("Not reverted" in note and "no longer exists" in note for note in notes), notes
    assert links(incident, "countries") == {c.pk for c in incident.countries.all()}
    assert doomed.pk not in links(incident, "countries")


def test_a_change_made_from_the_other_side_is_recorded_on_the_record_holding_the_field(incident):
    other = CountryFactory()
    before = incident.history.count()
    other.incidents.add(incident)
    assert incident.history.count() == before + 1
    latest = incident.history.order_by("-history_id").first()
    assert other.pk in set(latest.countries.values_list("country_id", flat=True))


def test_a_change_of_links_alone_updates_last_updated_and_keeps_a_stale_translation(incident):
    Incident.objects.filter(pk=incident.pk).update(last_updated=None, stale_translations="title")
    incident.refresh_from_db()
    incident.countries.add(CountryFactory())
    incident.refresh_from_db()
    assert incident.last_updated is not None
    assert incident.stale_fields() == ["title"]  # links say nothing about the English


def test_loaded_content_records_its_links_in_its_first_version(kb):
    for incident in Incident.objects.filter(countries__isnull=False).distinct()[:5]:
        first = incident.history.order_by("history_id").first()
        state = link_states(Incident, [first])[first.history_id]
        assert state["countries"] == frozenset(links(incident, "countries"))
        assert state["sources"] == frozenset(links(incident, "sources"))


def test_versions_written_before_links_were_recorded_leave_links_alone_on_revert(make_editor, incident):
    first = incident.history.order_by("-history_id").first()
    type(first).objects.filter(history_id=first.history_id).update(history_m2m_recorded=False)
    alice = make_editor("alice")
    other = CountryFactory()
    alice.post(admin_url(incident), form_data(alice.get(admin_url(incident)), countries=[str(other.pk)]))
    revert_url = f"{admin_url(incident, 'history')}{first.history_id}/revert/"
    confirm = alice.get(revert_url)
    assert "countries" not in {c.name for c in confirm.context["changes"]}  # unknown, not "none"
    alice.post(revert_url, {"lock_version": confirm.context["form"].initial["lock_version"]})
    assert links(incident, "countries") == {other.pk}


def test_the_history_page_reads_links_in_a_number_of_queries_that_does_not_grow_with_versions(make_editor, incident):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alice = make_editor("alice")
    url = admin_url(incident, "history")

    def cost():
        alice.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert alice.get(url).status_code == 200
        return len(queries)

    few = cost()
    for _n in range(3):
        incident.countries.add(CountryFactory())
    assert cost() == few
