"""An editor's journey in a real Chromium against the site served in production mode (strict CSP, DEBUG off):
log in, change the English caption of a measure in the tabbed admin, see it on the public page, revert it
from the history, see the old caption again."""

import json
import secrets

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

MEASURE = ("cs-strategy-2015", "m-5-2-3")


@pytest.fixture(scope="module")
def account(served_site, served_manage):
    """A superuser of the served site: (user name, password)."""
    password = secrets.token_urlsafe(18)
    served_manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('journey-editor', 'editor@example.org', {password!r})",
    )
    return "journey-editor", password


@pytest.fixture(scope="module")
def measure(served_site, served_manage):
    """(primary key, English title as loaded) of the measure the journey edits."""
    script = (
        "import json; from strategy.models import Node; "
        f"n = Node.objects.get(document__slug={MEASURE[0]!r}, key={MEASURE[1]!r}); "
        "print(json.dumps([n.pk, n.title_en]))"
    )
    pk, title = json.loads(served_manage("shell", "-c", script).stdout.strip().splitlines()[-1])
    return pk, title


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and page.console_errors.append(f"{page.url}: {message.text} {message.location.get('url', '')}")
        ),
    )
    yield page
    context.close()


def public_heading(page, base):
    page.goto(f"{base}/en/strategy/documents/{MEASURE[0]}/{MEASURE[1]}/")
    return page.locator("h1").inner_text()


def test_an_editor_changes_a_caption_sees_it_and_reverts_it(page, served_site, account, measure):
    pk, loaded_title = measure
    assert loaded_title and loaded_title in public_heading(page, served_site)

    page.goto(f"{served_site}/admin/login/?next=/admin/")
    page.fill("#id_username", account[0])
    page.fill("#id_password", account[1])
    page.click("input[type=submit]")
    page.wait_for_url(f"{served_site}/admin/")

    page.goto(f"{served_site}/admin/strategy/node/{pk}/change/")
    page.click('a[href="#tab_id_title_en"]')  # the English tab of the title
    page.fill("#id_title_en", "Caption changed in the browser")
    page.click('input[name="_continue"]')  # "Save and continue editing": the form again, with the message
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1
    assert page.locator("#id_title_en").input_value() == "Caption changed in the browser"

    assert "Caption changed in the browser" in public_heading(page, served_site)

    page.goto(f"{served_site}/admin/strategy/node/{pk}/history/")
    page.locator("section.history-version").last.locator("a.revert-link").click()  # the version as loaded
    page.wait_for_load_state()
    changed = page.locator("tr.field-change[data-field=title_en] td.new-value").inner_text()
    assert changed == loaded_title
    page.click('input[type="submit"]')
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1

    heading = public_heading(page, served_site)
    assert loaded_title in heading and "Caption changed in the browser" not in heading
    assert page.console_errors == [], sorted(set(page.console_errors))  # no CSP violation, no missing asset
