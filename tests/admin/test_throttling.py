"""Login throttling (django-axes): after five failures for an account or from an address the admin login is refused,
even with the right password, with a page in the editor's language, until the cool-off period has passed."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, override_settings

pytestmark = [
    pytest.mark.django_db,
    # A fast hasher: each attempt checks a password, and the default one takes a noticeable time on purpose.
    pytest.mark.usefixtures("fast_hasher"),
]

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def fast_hasher():
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def editor(django_user_model, kb):
    return django_user_model.objects.create_user("test-throttled", password=PASSWORD, is_staff=True)


def attempt(username, password, address="192.0.2.10", language="en"):
    """One login through the admin's own form, from `address`. Returns the response."""
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def logged_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def test_settings_match_the_documented_policy():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert datetime.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_the_sixth_attempt_fails_even_with_the_right_password(editor):
    for _ in range(4):
        response = attempt(editor.username, "wrong password")
        assert response.status_code == 200 and not logged_in(response)  # the login form, with its error
    assert attempt(editor.username, "wrong password").status_code == 429  # the fifth failure: locked from now on
    refused = attempt(editor.username, PASSWORD)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Too many failed logins for this account or from this address" in html
    assert "15 minutes" in html
    assert 'href="/static/css/site.css"' in html and "style=" not in html  # the site's page, under the CSP
    assert "Content-Security-Policy" in refused.headers
    assert '<a href="/admin/">' in html  # under the admin, the page links back to it


def test_the_refusal_is_in_the_editors_language(editor):
    for _ in range(5):
        attempt(editor.username, "wrong password", language="ja")
    html = attempt(editor.username, PASSWORD, language="ja").content.decode()
    assert '<html lang="ja">' in html
    assert "ログインの失敗が続いた" in html and "15分" in html


def test_after_the_cool_off_the_right_password_works_again(editor):
    for _ in range(6):
        attempt(editor.username, "wrong password")
    assert attempt(editor.username, PASSWORD).status_code == 429
    # Let the cool-off period pass: the attempts are dated as if made that long ago.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME)
    assert logged_in(attempt(editor.username, PASSWORD))
    assert not AccessAttempt.objects.filter(username=editor.username).exists()  # a success clears the failures


def test_an_account_is_locked_whatever_the_address(editor):
    for number in range(5):
        attempt(editor.username, "wrong password", address=f"198.51.100.{number + 1}")
    assert attempt(editor.username, PASSWORD, address="203.0.113.7").status_code == 429


def test_an_address_is_locked_whatever_the_account(editor, django_user_model):
    for number in range(5):
        attempt(f"test-nobody-{number}", "wrong password", address="192.0.2.99")
    assert attempt(editor.username, PASSWORD, address="192.0.2.99").status_code == 429
    assert logged_in(attempt(editor.username, PASSWORD, address="192.0.2.100"))


def test_four_failures_then_the_right_password_log_in(editor):
    for _ in range(4):
        attempt(editor.username, "wrong password")
    assert logged_in(attempt(editor.username, PASSWORD))
