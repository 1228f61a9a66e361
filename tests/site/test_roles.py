"""Editors see only what their role allows; nobody edits the Japanese statute text."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import ProvisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model, kb):
    def login(role):
        user = django_user_model.objects.create(username=role.replace(" ", "-"), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return login


def test_roles_exist_after_migrate(kb):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Law editors", "Policy editors", "Incident editors"}


def test_incident_editor_sees_incidents_but_not_strategy(editor):
    client = editor("Incident editors")
    assert client.get("/admin/incidents/incident/").status_code == 200
    assert client.get("/admin/strategy/document/add/").status_code == 403  # may look documents up, not edit
    assert client.get("/admin/strategy/organisation/").status_code == 403
    assert client.get("/admin/laws/provision/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403


def test_policy_editor_cannot_touch_incidents(editor):
    client = editor("Policy editors")
    assert client.get("/admin/strategy/document/").status_code == 200
    assert client.get("/admin/incidents/incident/").status_code == 403


def test_law_editor_translates_but_cannot_rewrite_the_statute(editor):
    from laws.models import Provision

    client = editor("Law editors")
    paragraph = ProvisionFactory(kind=Provision.Kind.PARAGRAPH, parent=ProvisionFactory(), number="1")
    response = client.get(f"/admin/laws/provision/{paragraph.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="text_en"' in html
    assert 'name="text_ja"' not in html  # shown read-only
    assert client.get("/admin/laws/provision/add/").status_code == 403
    assert client.get("/admin/strategy/document/").status_code == 403
