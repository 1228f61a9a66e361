"""Chromium against the production-mode site: the API's Swagger page and JSON-LD pages raise no CSP violation."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def violations(page):
    """CSP violations the page reported (collected by a listener added before any script ran)."""
    return page.evaluate("window.__violations || []")


def watch(page):
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )


def test_swagger_documentation_works_under_the_content_security_policy(page, served_site):
    watch(page)
    response = page.goto(f"{served_site}/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .opblock-summary", timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() > 10
    page.locator(".opblock-summary-path", has_text="/api/v1/records/{key}").first.click()
    page.wait_for_selector(".opblock-body", timeout=10000)
    assert violations(page) == [] and page.problems == []


def test_json_ld_data_blocks_raise_no_violation(page, served_site):
    watch(page)
    for path in ("/en/laws/basic-act-on-cybersecurity/articles/26/", "/ja/incidents/opm-2015/", "/en/glossary/"):
        page.goto(f"{served_site}{path}")
        blocks = page.eval_on_selector_all(
            'script[type="application/ld+json"]', "nodes => nodes.map(n => JSON.parse(n.textContent)['@context'])"
        )
        assert blocks and set(blocks) == {"https://schema.org"}
        assert violations(page) == [] and page.problems == [], path
