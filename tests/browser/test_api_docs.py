"""A partner's developer reads the API documentation: Swagger UI from the site's own static
files, under the site's CSP (any refused script or style fails the test, see conftest)."""

from playwright.sync_api import expect


def test_api_documentation_renders_every_endpoint_under_the_csp(page):
    response = page.goto("/api/v1/docs/")
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    expect(page.get_by_role("heading", name="OSCE open data API")).to_be_visible()
    operation = page.locator(".opblock-summary-path", has_text="/api/v1/press-releases/").first
    expect(operation).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/api/v1/meeting-types/").first
    ).to_be_visible()
    operation.click()
    expect(page.get_by_text("field_of_work", exact=True).first).to_be_visible()
