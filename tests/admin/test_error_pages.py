"""The admin's 403, 404, 500 and refused-form pages are the site's error page, in the reader's language, and the
500 page needs no database."""

import pytest
from django.db import connection
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def assert_site_page(response, status, language):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert 'href="/static/css/site.css"' in html and "style=" not in html
    assert '<a href="/admin/">' in html  # back to the admin
    return html


@pytest.mark.parametrize(("language", "text"), [("en", "Access denied"), ("ja", "アクセスできません")])
def test_a_page_outside_the_role_gets_the_403_page(editor_client, language, text):
    client = editor_client("Incident editors", language)
    html = assert_site_page(client.get("/admin/strategy/document/add/"), 403, language)
    assert text in html


def test_a_missing_admin_page_gets_the_404_page(admin_client):
    html = assert_site_page(admin_client.get("/admin/strategy/no-such-page/"), 404, "en")
    assert "There is no page at this address" in html


def test_a_form_with_an_expired_token_gets_the_403_page():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    html = assert_site_page(client.post("/admin/login/", {"username": "a", "password": "b"}), 403, "en")
    assert "The form has expired" in html


def test_a_host_the_site_does_not_serve_gets_the_400_page_not_a_500():
    response = Client(HTTP_HOST="evil.example").get("/en/")
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def refuse_queries(execute, sql, params, many, context):
    raise RuntimeError("the database is not available")


@override_settings(ROOT_URLCONF="tests.admin.failing_urls")
@pytest.mark.parametrize(("language", "text"), [("en", "Server error"), ("ja", "サーバーエラー")])
def test_the_500_page_needs_no_database(admin_client, language, text):
    admin_client.raise_request_exception = False  # a logged-in editor, as the reader Django's handler sees
    with connection.execute_wrapper(refuse_queries):
        response = admin_client.get("/admin/test-failure/", HTTP_ACCEPT_LANGUAGE=language)
    html = assert_site_page(response, 500, language)
    assert text in html
