"""A site administrator rearranges the main menu by drag and drop in the admin tree, and
visitors see the new order on their next page load."""

import re

from playwright.sync_api import expect

from taxonomy.models import Menu

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


def row(page, label):
    """The changelist row of the menu item labelled exactly ``label``."""
    title = page.get_by_role("link", name=label, exact=True)
    rows = page.locator("#result_list tbody tr").filter(has=title)
    expect(rows).to_have_count(1)
    return rows


def drag(page, item, onto, *, part):
    """Drag ``item``'s handle onto a row: part "top" drops before it (as a sibling)."""
    handle = row(page, item).locator(".drag-handle")
    start = handle.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    target = row(page, onto).bounding_box()
    y = target["y"] + target["height"] * {"top": 0.15, "middle": 0.5}[part]
    page.mouse.move(target["x"] + 200, y, steps=12)
    expect(page.locator("#drag-line")).to_be_visible()
    with page.expect_navigation():  # the admin reloads the tree once the move is saved
        page.mouse.up()
    expect(page.locator(".messagelist")).to_contain_text(f"{item} has been successfully moved")


def test_site_administrator_reorders_and_reparents_main_menu_items(new_page, make_user, screenshot):
    visitor = new_page()
    visitor.goto("/")
    nav = visitor.get_by_role("navigation", name=MAIN_MENU)
    before = nav.evaluate(TOP_LEVEL_JS)
    assert before.index("Meetings and conferences") < before.index("Structures and institutions")

    page = new_page()
    log_in(page, make_user("site-admin", groups=["Site administrator"]))
    main = Menu.objects.get(slug="main")
    page.goto(f"/admin/taxonomy/menuitem/?menu__id__exact={main.pk}")
    # Tall enough that no row is near the window's edge, where the tree would scroll mid-drag.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1280, "height": height + 400})

    drag(page, "Structures and institutions", onto="Meetings and conferences", part="top")
    drag(page, "Projects", onto="Chairpersonship", part="top")
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "admin-tree")

    visitor.reload()
    nav = visitor.get_by_role("navigation", name=MAIN_MENU)
    after = nav.evaluate(TOP_LEVEL_JS)
    expected = [label for label in before if label != "Structures and institutions"]
    expected.insert(expected.index("Meetings and conferences"), "Structures and institutions")
    assert after == expected

    structures = nav.get_by_role("button", name="Structures and institutions", exact=True)
    structures.click()
    expect(structures).to_have_attribute("aria-expanded", "true")
    groups = structures.evaluate(PANEL_GROUPS_JS)
    assert groups[:2] == ["Projects", "Chairpersonship"], groups
    screenshot(visitor, "menu-after-move")
    our_work = nav.get_by_role("button", name="Our work", exact=True)
    our_work.click()
    assert "Projects" not in our_work.evaluate(PANEL_GROUPS_JS)
    expect(nav.locator("a", has_text=re.compile(r"^Projects$"))).to_have_count(1)
