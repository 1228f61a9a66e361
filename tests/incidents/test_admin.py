"""The admin: incidents are never saved without a source; only http(s) source addresses are accepted."""

import pytest
from django.core.exceptions import ValidationError

from incidents.models import Incident
from laws.models import Source
from tests.factories import AttackTypeFactory, CountryFactory, IncidentFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, kb):
    # No password: hashing one costs seconds, and force_login does not need it.
    user = django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin follows the browser's language
    return client


@pytest.fixture
def rows():
    """The source, country and attack type an incident form refers to."""
    return {"source": SourceFactory(), "country": CountryFactory(), "attack_type": AttackTypeFactory()}


def incident_form(rows, **overrides):
    data = {
        "slug": "test-incident",
        "status": "published",
        "title_ja": "テスト事案",
        "title_en": "Test incident",
        "summary_ja": "概要",
        "summary_en": "Summary",
        "start_date": "2016-02-01",
        "start_precision": "month",
        "end_date": "",
        "end_precision": "day",
        "deck_label": "",
        "deck_date": "",
        "deck_precision": "month",
        "countries": [rows["country"].code],
        "attack_types": [str(rows["attack_type"].pk)],
        "sources": [str(rows["source"].pk)],
        "attribution_ja": "",
        "attribution_en": "",
        "attribution_source": "",
    }
    for prefix in ("figures", "links"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_incident_without_a_source_is_refused_with_a_form_error(admin_client, rows):
    before = Incident.objects.count()
    response = admin_client.post("/admin/incidents/incident/add/", incident_form(rows, sources=None))
    assert response.status_code == 200  # the form again, not a redirect
    errors = response.context["adminform"].form.errors
    assert "sources" in errors and errors.as_data()["sources"][0].code == "no_source"
    assert "at least one source" in response.content.decode()
    assert Incident.objects.count() == before
    assert not Incident.objects.filter(slug="test-incident").exists()


def test_the_same_incident_with_a_source_is_saved(admin_client, rows):
    response = admin_client.post("/admin/incidents/incident/add/", incident_form(rows))
    assert response.status_code == 302, response.context["adminform"].form.errors
    incident = Incident.objects.get(slug="test-incident")
    assert [s.key for s in incident.sources.all()] == [rows["source"].key]


def test_attribution_without_its_source_is_refused(admin_client, rows):
    response = admin_client.post("/admin/incidents/incident/add/", incident_form(rows, attribution_en="State X"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert errors["attribution_source"][0].code == "attribution_without_source"
    assert not Incident.objects.filter(slug="test-incident").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/incidents/incident/",
        "/admin/incidents/incident/add/",
        "/admin/incidents/incident/?q=Mitsubishi",
        "/admin/incidents/attacktype/",
        "/admin/incidents/attacktype/add/",
        "/admin/incidents/country/",
    ],
)
def test_admin_pages_open(admin_client, url):
    assert admin_client.get(url).status_code == 200


def test_admin_search_uses_both_language_columns(admin_client):
    from incidents.admin import IncidentAdmin

    assert {"title_ja", "title_en"} <= set(IncidentAdmin.search_fields)
    incident = IncidentFactory(title_ja="試験重工業へのサイバー攻撃", title_en="Attack on Testbridge Heavy Industries")
    other = IncidentFactory()
    for query in ("試験重工業", "Testbridge"):
        response = admin_client.get("/admin/incidents/incident/", {"q": query})
        assert list(response.context["cl"].queryset) == [incident], query
        html = response.content.decode()
        assert f"/admin/incidents/incident/{incident.pk}/change/" in html
        assert f"/admin/incidents/incident/{other.pk}/change/" not in html


def test_an_existing_incident_can_be_changed_in_the_admin(admin_client):
    country = CountryFactory()
    incident = IncidentFactory(countries=[country])
    response = admin_client.get(f"/admin/incidents/incident/{incident.pk}/change/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["slug"] == incident.slug
    assert [c.code for c in form.initial["countries"]] == [country.code]


@pytest.mark.parametrize("url", ["ftp://example.org/report.pdf", "javascript:alert(1)", "file:///etc/passwd"])
def test_only_http_and_https_source_urls_are_accepted(url):
    source = Source(key="bad-scheme", title="A source", url=url)
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict


def test_an_https_source_url_is_accepted():
    Source(key="good-scheme", title="A source", url="https://www.nisc.go.jp/").full_clean()
