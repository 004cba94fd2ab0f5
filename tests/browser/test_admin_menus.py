"""A site administrator rearranges the main menu without dragging (WCAG 2.2 SC 2.5.7): with
the keyboard alone and with single clicks on each row's Up, Down, In and Out buttons; visitors
see the new arrangement on their next page load.

(Dragging the rows, django-mptt's own way, stays available; its move goes through the same
``trees.move_node`` as the buttons and is covered by tests/taxonomy/test_admin.py.)
"""

from playwright.sync_api import expect

from taxonomy.models import Menu, MenuItem

from .helpers import MAIN_MENU, log_in

TOP_LEVEL_JS = """(nav) => [...nav.querySelectorAll(":scope > ul > li")].map(
  (item) => item.querySelector("button, a").innerText.trim()
)"""
PANEL_GROUPS_JS = """(button) => {
  const panel = document.getElementById(button.getAttribute("aria-controls"));
  return [...panel.querySelector("ul").querySelectorAll(":scope > li")].map(
    (item) => item.firstElementChild.innerText.trim()
  );
}"""


def step_button(page, item, step):
    names = {
        "up": f"Move “{item}” up",
        "down": f"Move “{item}” down",
        "in": f"Move “{item}” in, under the entry above it",
        "out": f"Move “{item}” out, one level up",
    }
    return page.get_by_role("button", name=names[step], exact=True)


def click_step(page, item, step):
    """One single click on a step button; waits for the changelist to come back."""
    with page.expect_navigation():
        step_button(page, item, step).click()


def top_level(visitor):
    visitor.reload()
    return visitor.get_by_role("navigation", name=MAIN_MENU).evaluate(TOP_LEVEL_JS)


def test_site_administrator_rearranges_the_menu_by_keyboard_and_single_clicks(
    new_page, make_user, screenshot
):
    visitor = new_page()
    visitor.goto("/")
    before = top_level(visitor)
    assert before.index("Countries") < before.index("Structures and institutions")

    page = new_page()
    log_in(page, make_user("site-admin", groups=["Site administrator"]))
    main = Menu.objects.get(slug="main")
    page.goto(f"/admin/taxonomy/menuitem/?menu__id__exact={main.pk}")

    # Keyboard: Tab to the button, then Enter; the page comes back with the focus on it.
    up = step_button(page, "Structures and institutions", "up")
    up.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(up).to_be_focused()
    item = MenuItem.objects.get(menu=main, parent=None, label="Structures and institutions")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#step-{item.pk}-up"
    expect(page.locator(".messagelist")).to_contain_text(
        "Structures and institutions has been successfully moved"
    )
    expect(up).to_be_focused()  # back at the button it came from
    page.keyboard.press("Tab")
    expect(step_button(page, "Structures and institutions", "down")).to_be_focused()

    # A step that has nowhere to go is refused with the reason, and nothing moves.
    click_step(page, "Our work", "up")
    expect(page.locator(".messagelist")).to_contain_text(
        "“Our work” is already the first of its level."
    )

    # Single clicks: "Projects" goes in under the entry above it, then out twice, to the top.
    click_step(page, "Projects", "in")
    expect(page.locator(".messagelist")).to_contain_text("Projects has been successfully moved")
    projects = MenuItem.objects.get(menu=main, label="Projects")
    assert projects.parent.label == "Field operations"
    click_step(page, "Projects", "out")
    projects.refresh_from_db()
    assert projects.parent.label == "Our work"
    click_step(page, "Projects", "out")
    projects.refresh_from_db()
    assert projects.parent is None
    screenshot(page, "admin-tree-steps")

    expected = [label for label in before if label != "Structures and institutions"]
    expected.insert(expected.index("Countries"), "Structures and institutions")
    expected.insert(expected.index("Our work") + 1, "Projects")
    assert top_level(visitor) == expected
    our_work = visitor.get_by_role("navigation", name=MAIN_MENU).get_by_role(
        "button", name="Our work", exact=True
    )
    our_work.click()
    expect(our_work).to_have_attribute("aria-expanded", "true")
    assert "Projects" not in our_work.evaluate(PANEL_GROUPS_JS)
