"""Every value the admin accepts renders everywhere: inconsistent values are refused by the admin with a field
error in plain words, and by the database; rendering never raises on a stored value."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.dates import DatePrecision, PartialDate, format_partial_date
from incidents.models import Incident, IncidentLink
from strategy.models import Document, Node, ProvisionLink
from tests.factories import (
    ActFactory,
    ArticleIdentityFactory,
    CountryFactory,
    DocumentFactory,
    IncidentFactory,
    NodeFactory,
    ProvisionLinkFactory,
    VersionFactory,
)

from .conftest import form_data, form_errors

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/ja/", "/en/", "/ja/incidents/", "/en/incidents/", "/ja/timeline/", "/en/timeline/"]


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


def test_a_february_season_is_refused_with_a_field_error_and_the_site_stays_up(editor, client):
    incident = IncidentFactory(
        start_date=datetime.date(2016, 3, 1), start_precision=DatePrecision.SEASON, countries=[CountryFactory()]
    )
    page = editor.get(change_url(incident))
    response = editor.post(change_url(incident), form_data(page, start_date="2016-02-10"))
    errors = form_errors(response)
    assert list(errors) == ["start_date"] and "1 March (spring)" in errors["start_date"][0], errors
    incident.refresh_from_db()
    assert incident.start_date == datetime.date(2016, 3, 1)
    for url in [*PUBLIC_PAGES, f"/ja/incidents/{incident.slug}/", f"/en/incidents/{incident.slug}/"]:
        assert client.get(url).status_code == 200, url


def test_the_error_reads_in_the_editors_language(make_editor):
    japanese = make_editor("hanako", language="ja")
    incident = IncidentFactory(
        start_date=datetime.date(2016, 3, 1), start_precision=DatePrecision.SEASON, countries=[CountryFactory()]
    )
    page = japanese.get(change_url(incident))
    errors = form_errors(japanese.post(change_url(incident), form_data(page, start_date="2016-02-10")))
    assert "3月1日" in errors["start_date"][0], errors


def test_the_database_refuses_a_season_in_february_too():
    incident = IncidentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(start_precision="season", start_date=datetime.date(2016, 2, 10))
    document = DocumentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(decided_precision="month", decided_on=datetime.date(2016, 2, 10))


def test_an_end_before_the_start_is_an_error_on_the_end_in_plain_words(editor):
    incident = IncidentFactory(start_date=datetime.date(2016, 5, 1), countries=[CountryFactory()])
    page = editor.get(change_url(incident))
    errors = form_errors(editor.post(change_url(incident), form_data(page, end_date="2016-04-01")))
    assert errors["end_date"] == ["The end cannot be before the start: check both dates."]
    assert "__all__" not in errors and "violated" not in str(errors)


def test_the_constraint_itself_is_reported_on_its_field_when_clean_is_bypassed():
    incident = IncidentFactory(start_date=datetime.date(2016, 5, 1))
    incident.end_date = datetime.date(2016, 4, 1)
    with pytest.raises(ValidationError) as error:
        incident.validate_constraints()
    assert error.value.message_dict == {"end_date": ["The end cannot be before the start: check both dates."]}


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        (datetime.date(2016, 2, 10), "season"),
        (datetime.date(2016, 2, 10), "month"),
        (datetime.date(2016, 2, 10), "early"),
        (datetime.date(2016, 2, 10), "mid"),
        (datetime.date(2016, 2, 10), "year"),
        (datetime.date(2016, 2, 10), "fortnight"),
        (datetime.date(2016, 2, 10), ""),
    ],
)
def test_rendering_never_raises_on_a_stored_value(date, precision, lang):
    text = format_partial_date(date, precision, language=lang)
    assert "2016" in text
    assert PartialDate(date, precision).iso.startswith("2016")


def test_an_inconsistent_stored_season_shows_the_month_it_is_sure_of():
    assert format_partial_date(datetime.date(2016, 2, 10), "season", language="en") == "February 2016"
    assert format_partial_date(datetime.date(2016, 2, 10), "season", language="ja").startswith("2016年2月")
    assert format_partial_date(datetime.date(2016, 3, 1), "season", language="en") == "spring 2016"


def test_a_part_cannot_get_a_parent_in_another_document(editor):
    own, other = DocumentFactory(), DocumentFactory()
    node, stranger = NodeFactory(document=own), NodeFactory(document=other)
    page = editor.get(change_url(node))
    errors = form_errors(editor.post(change_url(node), form_data(page, parent=str(stranger.pk))))
    assert list(errors) == ["parent"]  # the tree admin offers only this document's parts
    node.refresh_from_db()
    assert node.parent_id is None
    node.parent = stranger
    message = "The parent must be a part of the same document: choose one of this document’s parts."
    with pytest.raises(ValidationError) as error:
        node.full_clean()
    assert error.value.message_dict["parent"] == [message]
    with pytest.raises(ValidationError):
        node.save()  # any other way in is refused too
    assert Node.objects.get(pk=node.pk).parent_id is None


def test_an_incident_link_to_a_part_of_another_document_is_refused(editor):
    incident = IncidentFactory(countries=[CountryFactory()])
    document, elsewhere = DocumentFactory(), NodeFactory()
    page = editor.get(change_url(incident))
    data = form_data(
        page,
        **{
            "links-TOTAL_FORMS": "1",
            "links-0-relation_type": "prompted",
            "links-0-document": str(document.pk),
            "links-0-node": str(elsewhere.pk),
        },
    )
    response = editor.post(change_url(incident), data)
    assert response.status_code == 200
    inline = next(f for f in response.context["inline_admin_formsets"] if f.formset.model is IncidentLink)
    assert "another document" in str(inline.formset.forms[0].errors["node"])
    assert not IncidentLink.objects.filter(incident=incident).exists()
    with pytest.raises(ValidationError):
        IncidentLink.objects.create(incident=incident, document=document, node=elsewhere, relation_type="prompted")


def test_a_provision_link_from_a_part_of_another_document_is_refused():
    link = ProvisionLinkFactory()
    link.node = NodeFactory()
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "node" in error.value.message_dict
    with pytest.raises(ValidationError):
        link.save()


def test_a_link_citing_a_version_of_another_act_is_refused():
    article = ArticleIdentityFactory()
    foreign_version = VersionFactory(act=ActFactory())
    link = ProvisionLink(
        document=DocumentFactory(), identity=article, cited_version=foreign_version, relation_type="legal_basis"
    )
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert error.value.message_dict["cited_version"] == [
        "The version cited must be a version of the act the article belongs to."
    ]
    with pytest.raises(ValidationError):
        link.save()


@pytest.mark.parametrize("year", [1, 9999])
def test_an_incident_at_the_edge_of_the_calendar_renders(client, year):
    incident = IncidentFactory(start_date=datetime.date(year, 1, 1), start_precision=DatePrecision.YEAR)
    for url in [f"/en/incidents/{incident.slug}/", f"/ja/timeline/?from={year}&to={year}", "/en/incidents/chart/"]:
        assert client.get(url).status_code == 200, url
