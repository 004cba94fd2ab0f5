"""What the browser tests share besides fixtures: axe-core runs and logging in."""

import re

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple 42"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
MAIN_MENU = re.compile(r"^main", re.I)
BREADCRUMBS = re.compile(r"^Breadcrumb$")


def axe_violations(page, context=None):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, context=context, options=options).response["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def log_in(page, user):
    """Log in to the admin through its login form, as a person would."""
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


FOCUS_STATE_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    name: (el.getAttribute("aria-label") || el.innerText || el.value || "").trim(),
    tag: el.tagName.toLowerCase(),
    visible: outline || style.boxShadow !== "none",
  };
}"""


def focused(page):
    """What has the keyboard focus: its accessible text, tag and whether a focus ring shows."""
    return page.evaluate(FOCUS_STATE_JS)


def horizontal_overflow(page):
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
