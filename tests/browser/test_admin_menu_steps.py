"""A site administrator reorders the main menu without dragging: with the keyboard alone and
with single clicks on the Up, Down, In and Out buttons (WCAG 2.2 SC 2.5.7)."""

from playwright.sync_api import expect

from taxonomy.models import Menu, MenuItem

from .helpers import MAIN_MENU, log_in
from .test_admin_menus import TOP_LEVEL_JS


def test_site_administrator_reorders_the_menu_with_keyboard_and_single_clicks(
    new_page, make_user, screenshot
):
    page = new_page()
    log_in(page, make_user("site-admin", groups=["Site administrator"]))
    main = Menu.objects.get(slug="main")
    page.goto(f"/admin/taxonomy/menuitem/?menu__id__exact={main.pk}")

    # Keyboard: Tab to the button, then Enter; the page comes back at the same button.
    up = page.get_by_role("button", name="Move “Structures and institutions” up", exact=True)
    up.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(up).to_be_focused()
    item = MenuItem.objects.get(menu=main, parent=None, label="Structures and institutions")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#step-{item.pk}-up")
    expect(page.locator(".messagelist")).to_contain_text(
        "Structures and institutions has been successfully moved"
    )
    assert page.evaluate("location.hash") == f"#step-{item.pk}-up"
    expect(up).to_be_focused()  # back at the button it came from
    page.keyboard.press("Tab")
    expect(
        page.get_by_role("button", name="Move “Structures and institutions” down", exact=True)
    ).to_be_focused()

    # Single clicks: "Projects" goes in under the item above it, then back out.
    page.get_by_role("button", name="Move “Projects” in, under the entry above it").click()
    expect(page.locator(".messagelist")).to_contain_text("Projects has been successfully moved")
    projects = MenuItem.objects.get(menu=main, label="Projects")
    assert projects.parent.label == "Field operations"
    page.get_by_role("button", name="Move “Projects” out, one level up").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Move “Projects” out, one level up")).to_be_visible()
    projects.refresh_from_db()
    assert projects.parent.label == "Our work"
    screenshot(page, "admin-tree-steps")

    visitor = new_page()
    visitor.goto("/")
    order = visitor.get_by_role("navigation", name=MAIN_MENU).evaluate(TOP_LEVEL_JS)
    assert order.index("Structures and institutions") < order.index("Countries")
