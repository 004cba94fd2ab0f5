"""Visitors find their way through the main menu: by keyboard only, and on a phone."""

import re

from playwright.sync_api import expect

from .helpers import MAIN_MENU, focused, horizontal_overflow


def main_menu(page):
    return page.get_by_role("navigation", name=MAIN_MENU)


def tab_to(page, name, limit=30):
    """Press Tab until the element named ``name`` has the focus; every stop shows a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["visible"], f"No visible focus indicator on {state}"
        if state["name"] == name:
            return
    raise AssertionError(f"{name!r} not reached within {limit} Tab presses")


def arrow_down_to(page, name, limit=60):
    """Press the down arrow until ``name`` has the focus; return the names passed on the way."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("ArrowDown")
        state = focused(page)
        assert state["visible"], f"No visible focus indicator on {state}"
        passed.append(state["name"])
        if state["name"] == name:
            return passed
    raise AssertionError(f"{name!r} not reached with the arrow keys; focus went to {passed}")


def test_keyboard_user_opens_our_work_and_reaches_policing(page, screenshot):
    page.goto("/")
    our_work = main_menu(page).get_by_role("button", name="Our work", exact=True)
    expect(our_work).to_have_attribute("aria-expanded", "false")
    policing = main_menu(page).get_by_role("link", name="Policing", exact=True)
    expect(policing).to_be_hidden()

    tab_to(page, "Our work")
    expect(our_work).to_be_focused()
    page.keyboard.press("Enter")
    expect(our_work).to_have_attribute("aria-expanded", "true")
    expect(
        main_menu(page).get_by_role("link", name="Fields of work", exact=True).first
    ).to_be_visible()

    passed = arrow_down_to(page, "Policing")
    assert "Fields of work" in passed, f"The arrow keys skipped Fields of work: {passed}"
    expect(policing).to_be_visible()
    screenshot(page, "our-work-open", resize=False)

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fields-of-work/policing/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Policing")
    expect(main_menu(page).get_by_role("button", name="Our work", exact=True)).to_have_attribute(
        "aria-expanded", "false"
    )
    screenshot(page, "policing")


def test_escape_closes_the_open_menu_and_returns_focus_to_its_button(page):
    page.goto("/")
    our_work = main_menu(page).get_by_role("button", name="Our work", exact=True)
    tab_to(page, "Our work")
    page.keyboard.press("Space")
    expect(our_work).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(our_work).not_to_be_focused()

    page.keyboard.press("Escape")
    expect(our_work).to_have_attribute("aria-expanded", "false")
    expect(our_work).to_be_focused()
    assert focused(page)["visible"], "The focus returned to the button without a focus ring"
    expect(main_menu(page).get_by_role("link", name="Policing", exact=True)).to_be_hidden()


def test_phone_visitor_opens_the_menu_button_and_reaches_policing(mobile_page, screenshot):
    page = mobile_page
    page.goto("/")
    assert horizontal_overflow(page) <= 0, "The home page scrolls sideways at 375 px"
    our_work = main_menu(page).get_by_role("button", name="Our work", exact=True)
    expect(our_work).to_be_hidden()
    screenshot(page, "home")

    menu_button = page.get_by_role("button", name=re.compile(r"\bmenu\b", re.I))
    expect(menu_button).to_have_attribute("aria-expanded", "false")
    menu_button.tap()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    our_work.tap()
    expect(our_work).to_have_attribute("aria-expanded", "true")
    policing = main_menu(page).get_by_role("link", name="Policing", exact=True)
    policing.scroll_into_view_if_needed()
    expect(policing).to_be_visible()
    assert horizontal_overflow(page) <= 0, "The open menu makes the page scroll sideways"
    screenshot(page, "menu-open", resize=False)

    policing.tap()
    expect(page).to_have_url(re.compile(r"/fields-of-work/policing/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Policing")
    assert horizontal_overflow(page) <= 0, "The Policing page scrolls sideways at 375 px"
    expect(page.get_by_role("button", name=re.compile(r"\bmenu\b", re.I))).to_have_attribute(
        "aria-expanded", "false"
    )
    screenshot(page, "policing")
