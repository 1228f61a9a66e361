"""Clients of the admin: a superuser and an editor of each role, logged in without a password (force_login)."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def admin_client(client, django_user_model, kb):
    """A superuser's client; the admin speaks English (it follows the browser's language)."""
    user = django_user_model.objects.create(username="test-admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def editor_client(client, django_user_model, kb):
    """editor_client(role, language="en"): the client of a staff user in one of policy_kb.roles' groups."""

    def login(role, language="en"):
        user = django_user_model.objects.create(username=f"test-{role.split()[0].lower()}", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
        return client

    return login
