"""WCAG 2.0/2.1/2.2 A and AA on every kind of public page (axe-core), and the structure that
assistive technology relies on: landmarks, skip link, one h1, labels, aria-current, language,
reduced motion."""

import io
import re
from collections import defaultdict

from django.conf import settings
from playwright.sync_api import expect

from press.demo import generate
from press.models import PressRelease
from taxonomy.models import Country, FieldOfWork, MeetingType, Page, Place, Structure

from .helpers import BREADCRUMBS, DESKTOP, MAIN_MENU, MOBILE, axe_violations, focused, log_in


def public_pages():
    """(name, path, expected status) of one page of each kind, from the demo content."""
    release = PressRelease.objects.listed().first()
    return [
        ("home", "/", 200),
        ("newsroom", "/press-releases/", 200),
        ("newsroom filtered", "/press-releases/?field_of_work=policing&country=belarus", 200),
        ("newsroom empty result", "/press-releases/?q=xylophonically", 200),
        ("release", release.get_absolute_url(), 200),
        ("fields of work", "/fields-of-work/", 200),
        ("field of work", FieldOfWork.objects.get(slug="policing").get_absolute_url(), 200),
        ("countries", "/countries/", 200),
        ("country group", Country.objects.get(slug="participating-states").get_absolute_url(), 200),
        ("country", Country.objects.get(slug="belarus").get_absolute_url(), 200),
        ("structures", "/structures/", 200),
        ("structure", Structure.objects.get(slug="secretariat").get_absolute_url(), 200),
        (
            "nested structure",
            Structure.objects.get(slug="mission-in-kosovo").get_absolute_url(),
            200,
        ),
        ("meetings", "/meetings/", 200),
        (
            "meeting type",
            MeetingType.objects.order_by("tree_id", "lft").first().get_absolute_url(),
            200,
        ),
        ("place", Place.objects.get(slug="minsk").get_absolute_url(), 200),
        ("simple page", Page.objects.get(slug="about-us").get_absolute_url(), 200),
        ("not found", "/no-such-page/", 404),
    ]


def visit(page, path, status):
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"


def test_public_pages_have_no_wcag_a_or_aa_violations(page, screenshot):
    where = defaultdict(list)  # each finding once, with the pages and widths it occurs on
    for name, path, status in public_pages():
        visit(page, path, status)
        for label, size in (("desktop", DESKTOP), ("mobile", MOBILE)):
            page.set_viewport_size(size)
            for violation in axe_violations(page):
                for node in violation["nodes"]:
                    finding = (
                        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                        f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}\n"
                        f"    {node.get('failureSummary', '')[:400]}"
                    )
                    where[finding].append(f"{name} {path} ({label})")
        screenshot(page, re.sub(r"\W+", "-", name))
    report = [f"- {finding}\n    on: {', '.join(pages)}" for finding, pages in where.items()]
    assert not report, "axe-core found WCAG violations:\n" + "\n".join(report)


STRUCTURE_JS = """() => {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const controls = [...document.querySelectorAll("input, select, textarea")].filter(
    (el) => el.type !== "hidden" && visible(el)
  );
  const unlabelled = controls.filter(
    (el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
      && !el.getAttribute("aria-labelledby")
  );
  const firstFocusable = document.querySelector("a[href], button, input, select, textarea");
  return {
    lang: document.documentElement.lang,
    h1: [...document.querySelectorAll("h1")].map((h) => h.innerText.trim()),
    unlabelled: unlabelled.map((el) => el.outerHTML.slice(0, 120)),
    firstFocusable: firstFocusable && firstFocusable.getAttribute("href"),
  };
}"""


def test_public_pages_have_landmarks_one_h1_a_language_and_labelled_controls(page):
    problems = []
    for name, path, status in public_pages():
        visit(page, path, status)
        facts = page.evaluate(STRUCTURE_JS)
        if facts["lang"] != "en":
            problems.append(f"{name}: <html lang> is {facts['lang']!r}")
        if len(facts["h1"]) != 1 or not facts["h1"][0]:
            problems.append(f"{name}: expected one non-empty h1, found {facts['h1']}")
        if facts["unlabelled"]:
            problems.append(f"{name}: controls without a label: {facts['unlabelled']}")
        if facts["firstFocusable"] != "#main":
            problems.append(f"{name}: the first focusable element is not the skip link")
        for role, least in (("banner", 1), ("main", 1), ("contentinfo", 1), ("navigation", 1)):
            count = page.get_by_role(role).count()
            if count < least or (role != "navigation" and count != 1):
                problems.append(f"{name}: {count} {role} landmark(s)")
    assert not problems, "\n".join(problems)


def test_skip_link_moves_the_focus_to_the_main_content(page):
    page.goto("/fields-of-work/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert focused(page)["visible"]

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    in_main = page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert in_main, f"Tab after the skip link left the main content: {focused(page)}"


def test_current_page_is_marked_in_the_menu_and_ends_the_breadcrumbs(page):
    page.goto("/fields-of-work/policing/")
    menu = page.get_by_role("navigation", name=MAIN_MENU)
    current = menu.locator("[aria-current=page]")
    expect(current).to_have_count(1)
    expect(current).to_have_text("Policing")
    expect(current).to_have_attribute("href", "/fields-of-work/policing/")
    breadcrumbs = page.get_by_role("navigation", name=BREADCRUMBS)
    expect(breadcrumbs.get_by_role("listitem").last).to_contain_text("Policing")


def test_newsroom_pagination_marks_the_current_page(page):
    generate(45, stdout=io.StringIO())
    assert PressRelease.objects.listed().count() > 20
    page.goto("/press-releases/?page=2")
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages.locator("[aria-current=page]")).to_have_count(1)
    expect(pages.locator("[aria-current=page]")).to_contain_text("2")


MOTION_JS = """(root) => {
  const seconds = (value) => Math.max(...value.split(",").map((part) => {
    part = part.trim();
    return part.endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part);
  }));
  return [root, ...root.querySelectorAll("*")].map((el) => {
    const style = getComputedStyle(el);
    return {
      element: el.tagName.toLowerCase() + (el.className ? "." + el.className : ""),
      transition: seconds(style.transitionDuration),
      animation: style.animationName === "none" ? 0 : seconds(style.animationDuration),
    };
  }).filter((item) => item.transition > 0.01 || item.animation > 0.01);
}"""


def test_menu_does_not_animate_for_visitors_who_prefer_reduced_motion(new_page):
    page = new_page(reduced_motion="reduce")
    page.goto("/")
    menu = page.get_by_role("navigation", name=MAIN_MENU)
    our_work = menu.get_by_role("button", name="Our work", exact=True)
    our_work.click()
    expect(our_work).to_have_attribute("aria-expanded", "true")
    moving = menu.evaluate(MOTION_JS)
    assert not moving, f"Animated despite prefers-reduced-motion: {moving}"


def test_admin_press_release_form_has_no_violations_from_our_code(new_page, make_user):
    """Axe on the admin login and the forms with the rich-text editor. Findings in markup that
    Django's admin produces (its chrome, widgets and vendored select2, recognised also by
    occurring on the stock auth pages) and in the third-party editor's toolbar are reported, not
    failed; anything else, the editor's editing area included (osce_cms.admin_editor names it),
    comes from our templates, forms or admin code and fails."""
    anonymous = new_page()
    anonymous.goto("/admin/login/")
    expect(anonymous.get_by_label("Username")).to_be_visible()
    found = {"login": classify(anonymous, axe_violations(anonymous), baseline=set())}

    page = new_page()
    log_in(page, make_user("site-admin", superuser=True))
    baseline = set()
    stock_pages = ["/admin/auth/group/add/", "/admin/auth/user/", "/admin/auth/user/add/"]
    for path in stock_pages:
        page.goto(path)
        baseline |= {kind for kind, _origin, _text in classify(page, axe_violations(page), set())}

    # A page's body is translated: one editor per site language, each named with its language.
    page_bodies = [rf"^Body \[{code}\]" for code, _name in settings.LANGUAGES]
    for name, path, names in [
        ("press release form", "/admin/press/pressrelease/add/", [r"^Body\b"]),
        ("simple page form", "/admin/taxonomy/page/add/", page_bodies),
    ]:
        page.goto(path)
        # The rich-text editor's editing area is named after the field's label (our script).
        editing_areas = page.locator(".prose-editor [contenteditable]")
        expect(editing_areas).to_have_count(len(names))
        for index, accessible_name in enumerate(names):
            expect(editing_areas.nth(index)).to_have_accessible_name(re.compile(accessible_name))
        found[name] = classify(page, axe_violations(page), baseline)

    ours = []
    print("\nAdmin accessibility findings not from our code (reported, not failed):")
    for page_name, items in found.items():
        for _kind, origin, text in items:
            if origin == "ours":
                ours.append(f"{page_name}: {text}")
            else:
                print(f"  [{origin}] {page_name}: {text}")
    assert not ours, "Accessibility violations from our admin code:\n" + "\n".join(ours)


ORIGIN_JS = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return {kind: selector, origin: "ours"};
  const parts = [];
  for (let node = el, depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    const classes = [...node.classList].sort().map((name) => "." + name).join("");
    parts.push(node.tagName.toLowerCase() + classes);
  }
  let origin = "ours";
  if (el.closest(".select2-container")) origin = "Django admin (select2 autocomplete)";
  else if (el.closest(".prose-editor") && !el.isContentEditable)
    origin = "third party (django-prose-editor toolbar)";
  else if (el.matches("input[type=file]") && !el.labels.length && el.closest("fieldset"))
    origin = "Django admin (file input rendered in a fieldset without a label)";
  return {kind: parts.join(" < "), origin};
}"""


def classify(page, violations, baseline):
    """(kind, origin, description) per failing element. The kind (rule, element and its two
    ancestors' tag and classes) recognises the same finding on Django's stock admin pages."""
    found = []
    for violation in violations:
        for node in violation["nodes"]:
            target = node["target"][-1]
            where = page.evaluate(ORIGIN_JS, target if isinstance(target, str) else "")
            kind = (violation["id"], where["kind"])
            origin = where["origin"]
            if origin == "ours" and kind in baseline:
                origin = "Django admin (also on its stock auth pages)"
            found.append((kind, origin, f"{violation['id']}: {target}: {node['html'][:160]}"))
    return found
