"""A form error in a language tab is named at the top of the page (with or without JavaScript), and the static
script that marks and opens the tab is served from the site itself."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def document_form(client, document):
    form = client.get(reverse("admin:strategy_document_change", args=[document.pk])).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    data["sources"] = []
    data.update(
        {
            "provision_links-TOTAL_FORMS": "0",
            "provision_links-INITIAL_FORMS": "0",
            "provision_links-MIN_NUM_FORMS": "0",
            "provision_links-MAX_NUM_FORMS": "1000",
        }
    )
    return data


def test_the_page_names_the_field_and_its_language_above_the_form(admin_client):
    document = DocumentFactory()
    data = document_form(admin_client, document)
    data["title_ja"] = ""
    response = admin_client.post(reverse("admin:strategy_document_change", args=[document.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = html[html.index('id="errornote-fields"') : html.index("</div>", html.index('id="errornote-fields"'))]
    assert '<a href="#id_title_ja">Title [ja]</a>: This field is required.' in summary
    assert "title_en" not in summary
    assert html.index('id="errornote-fields"') < html.index('name="title_ja"')


def test_a_form_without_errors_has_no_summary_and_loads_the_tab_script(admin_client):
    document = DocumentFactory()
    html = admin_client.get(reverse("admin:strategy_document_change", args=[document.pk])).content.decode()
    assert "errornote-fields" not in html
    assert '<script src="/static/js/admin-tabs.js" id="admin-tabs-script" data-error-label="(error)" defer>' in html
    assert finders.find("js/admin-tabs.js")
    assert "<script>" not in html and "style=" not in html
