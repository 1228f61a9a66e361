"""Editors in the admin: logged-in staff accounts, and the data an admin change form would post back."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client


@pytest.fixture
def make_editor(django_user_model, kb):
    """make_editor(name, language="en", role=None): a logged-in Client of a staff account (a superuser unless a
    role group is named), speaking `language` to the admin."""

    def make(name, language="en", role=None):
        user = django_user_model.objects.create(
            username=name, first_name=name.capitalize(), is_staff=True, is_superuser=role is None
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(user)
        client.user = user
        return client

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor("alice")


def form_data(response, **changes):
    """What the admin change (or add) form in `response` posts when submitted unchanged, with `changes` applied
    (a value of None removes a field): the main form, its hidden concurrency counter, and every inline formset
    with its management form."""
    context = response.context
    forms = [context["adminform"].form]
    data = {}
    for inline in context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        forms += list(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def form_errors(response):
    """{field name: [messages]} of the admin form in a response that re-showed it (status 200)."""
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    form = response.context["adminform"].form
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}
