"""The admin's redirects lead only to this site's pages: any other address is refused with a field error in the
editor's language, so no stored redirect can send a reader elsewhere or fail."""

import pytest
from django.test import Client

from policy_kb.models import Redirect

pytestmark = pytest.mark.django_db
REFUSED = {
    "ja": "/ja/ または /en/ で始まる、このサイトのアドレス",
    "en": "Enter an address of this site that starts with /ja/ or /en/",
}


@pytest.fixture(params=["ja", "en"])
def editor(request, django_user_model):
    user = django_user_model.objects.create(username="root", is_staff=True, is_superuser=True)
    client = Client(HTTP_ACCEPT_LANGUAGE=request.param)
    client.force_login(user)
    client.language = request.param
    return client


def add(client, old_path, new_path):
    return client.post("/admin/policy_kb/redirect/add/", {"old_path": old_path, "new_path": new_path})


@pytest.mark.parametrize(
    "new_path",
    [
        "https://evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "data:text/html,x",
        "/ja/a b/",
        "/ja/\\evil.example",
        "/ja/x\x00",
        "/fr/incidents/",
        "incidents/",
        "",
    ],
)
@pytest.mark.parametrize("field", ["new_path", "old_path"])
def test_an_address_outside_the_site_is_refused_with_a_field_error(editor, new_path, field):
    values = {"old_path": "/ja/incidents/old-name/", "new_path": "/ja/incidents/opm-2015/", field: new_path}
    response = add(editor, **values)
    assert response.status_code == 200
    assert REFUSED[editor.language] in " ".join(response.context["adminform"].form.errors[field])
    assert not Redirect.objects.exists()


def test_a_redirect_to_itself_is_refused(editor):
    response = add(editor, "/en/incidents/a/", "/en/incidents/a/")
    assert response.status_code == 200 and "new_path" in response.context["adminform"].form.errors
    assert not Redirect.objects.exists()


def test_a_path_of_the_site_is_kept_and_answers_with_a_301(editor, client, kb):
    assert add(editor, "/en/incidents/old-name/", "/en/incidents/opm-2015/").status_code == 302
    response = client.get("/en/incidents/old-name/?x=1")
    assert (response.status_code, response["Location"]) == (301, "/en/incidents/opm-2015/?x=1")
