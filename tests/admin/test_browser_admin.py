"""An editor in a real Chromium against the site served by gunicorn in production mode (strict CSP, DEBUG off):
moving a document part in the tree admin, and a form error that the language tabs show where the editor looks."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

EDITOR, PASSWORD = "browser-policy-editor", "a long passphrase for the browser editor"
DOCUMENT = "cs-strategy-2015"


@pytest.fixture(scope="module")
def policy_editor(served_site, served_manage):
    """A Policy editor created with the project's own command, on the served site's database."""
    served_manage("create_editor", EDITOR, "--role", "policy", POLICY_KB_EDITOR_PASSWORD=PASSWORD)
    return EDITOR


@pytest.fixture
def page(browser):
    """A page in English that records console errors and every Content Security Policy violation."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.problems.append(f"{message.text} {message.location}"),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on(
        "response",
        lambda response: response.status >= 400 and page.problems.append(f"{response.status} {response.url}"),
    )
    page.expose_function("reportViolation", lambda text: page.problems.append(f"CSP violation: {text}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
    )
    yield page
    context.close()


def log_in(page, site, username):
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")


def public_order(page, site, *keys):
    """The keys of the document's parts, as the public page orders them."""
    page.goto(f"{site}/ja/strategy/documents/{DOCUMENT}/")
    found = page.eval_on_selector_all("li.node", "items => items.map(item => item.id)")
    return [key for key in found if key in keys]


def test_an_editor_moves_a_part_and_the_public_page_follows(page, served_site, policy_editor):
    log_in(page, served_site, policy_editor)
    assert public_order(page, served_site, "principle-2", "principle-3") == ["principle-2", "principle-3"]

    page.goto(f"{served_site}/admin/strategy/node/?q=principle")
    assert page.locator("span.tree-node.tree-level-1").count() == 5  # the five principles, indented by class
    rule_of_law = page.locator("tr", has=page.locator("td.field-key", has_text="principle-2"))
    indent = rule_of_law.locator("span.tree-node").evaluate("el => getComputedStyle(el).paddingInlineStart")
    assert indent not in ("", "0px")  # the stylesheet's indentation applies under the CSP
    rule_of_law.get_by_role("button", name="Move down").click()
    page.wait_for_load_state()
    assert page.locator("ul.messagelist li.success").is_visible()
    assert "?q=principle" in page.url  # back on the same filtered list
    assert public_order(page, served_site, "principle-2", "principle-3") == ["principle-3", "principle-2"]

    page.goto(f"{served_site}/admin/strategy/node/?q=principle")
    page.locator("tr", has=page.locator("td.field-key", has_text="principle-2")).get_by_role(
        "button", name="Move up"
    ).click()
    page.wait_for_load_state()
    assert public_order(page, served_site, "principle-2", "principle-3") == ["principle-2", "principle-3"]

    page.goto(f"{served_site}/admin/strategy/node/")
    page.goto(f"{served_site}/admin/strategy/node/?q=principle-2")
    page.locator("th.field-tree_title a").first.click()
    page.wait_for_load_state()
    assert "/admin/strategy/node/" in page.url and "/change/" in page.url
    assert page.problems == []


def test_a_missing_japanese_title_opens_and_marks_the_japanese_tab(page, served_site, policy_editor):
    log_in(page, served_site, policy_editor)
    page.goto(f"{served_site}/admin/strategy/document/?q={DOCUMENT}")
    page.locator("th.field-title a").first.click()
    page.wait_for_load_state()
    japanese_tab = page.locator("li:has(a[href='#tab_id_title_ja'])")
    english_tab = page.locator("li:has(a[href='#tab_id_title_en'])")
    assert english_tab.get_attribute("class").count("ui-tabs-active") == 1  # the admin in English opens English
    japanese_tab.locator("a").click()
    page.fill("#id_title_ja", "")
    english_tab.locator("a").click()
    assert not page.locator("#id_title_ja").is_visible()
    page.click("input[name=_save]")
    page.wait_for_load_state()

    assert page.locator("#errornote-fields a[href='#id_title_ja']").is_visible()  # named above the form
    assert "ui-tab-has-errors" in japanese_tab.get_attribute("class")
    assert "ui-tabs-active" in japanese_tab.get_attribute("class")  # opened
    assert japanese_tab.locator(".tab-error-marker").text_content() == "(error)"
    assert "ui-tab-has-errors" not in english_tab.get_attribute("class")
    assert page.locator("#id_title_ja").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_title_ja"  # the cursor is in the field to correct
    assert page.problems == []
