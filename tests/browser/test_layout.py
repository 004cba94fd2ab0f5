"""Layout on every public page type: reflow at 320 CSS px (WCAG 2.2 SC 1.4.10), layout
stability (the Layout Instability API), and a mega-menu that holds any number of items."""

import io

import pytest

from press.demo import load_newsroom
from taxonomy import trees
from taxonomy.models import MenuItem

from .test_accessibility import public_pages, visit

NARROW = {"width": 320, "height": 640}

OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const outside = box.right > width + 0.5 || box.left < -0.5;
    return box.width && style.visibility !== "hidden" && outside
      && !el.closest(".visually-hidden, .skip-link, .site-search__label, [hidden]");
  });
  return {
    scroll: document.documentElement.scrollWidth,
    width,
    wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 160)),
  };
}"""


def test_every_public_page_reflows_at_320_css_pixels(new_page):
    page = new_page(viewport=NARROW, has_touch=True, is_mobile=True)
    problems = []
    pages = [
        *public_pages(),
        ("home in Russian", "/ru/", 200),
        ("newsroom in German", "/de/press-releases/", 200),
    ]
    for name, path, status in pages:
        visit(page, path, status)
        found = page.evaluate(OVERFLOW_JS)
        if found["scroll"] > found["width"] or found["wide"]:
            problems.append(f"{name} {path}: {found}")
    assert not problems, "Horizontal scrolling at 320 px:\n" + "\n".join(problems)


# Lighthouse's mobile emulation (Moto G Power) and the desktop size of the other tests.
LIGHTHOUSE_MOBILE = {"width": 412, "height": 823}
SHIFTS_JS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        sources: (entry.sources || []).map((source) => source.node
          ? (source.node.outerHTML || source.node.nodeName).slice(0, 120) : "?"),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(shifts), 1500);
})"""


def layout_shifts(page, path):
    """The Layout Instability API's shifts from navigation until 1.5 s after load."""
    page.goto(path, wait_until="load")
    return page.evaluate(SHIFTS_JS)


@pytest.mark.parametrize("viewport", [LIGHTHOUSE_MOBILE, {"width": 1280, "height": 800}])
def test_pages_do_not_shift_after_they_appear(new_page, viewport):
    load_newsroom(io.StringIO(), size=30)  # cards and the home page's top story with pictures
    page = new_page(viewport=viewport, has_touch=viewport["width"] < 500)
    release = public_pages()[4][1]
    problems = []
    for path in ("/", "/press-releases/", "/press-releases/?field_of_work=policing", release):
        shifts = layout_shifts(page, path)
        total = sum(shift["value"] for shift in shifts)
        if total >= 0.05:
            problems.append(f"{path}: cumulative layout shift {total:.3f}: {shifts}")
    assert not problems, "\n".join(problems)


# Top-level items a site administrator might add, in the longer words of German and Russian.
EXTRA_TOP_LEVEL = [
    "Strukturen, Institutionen und Feldoperationen",
    "Совещания, конференции и мероприятия",
    "Veröffentlichungen",
]

BAR_JS = """() => {
  const items = [...document.querySelectorAll(".main-nav__list > .main-nav__item")];
  return items.map((item) => {
    const box = item.firstElementChild.getBoundingClientRect();
    return { label: item.innerText.split("\\n")[0], top: box.top, bottom: box.bottom,
             left: box.left, right: box.right };
  });
}"""


def add_top_level_items():
    menu_id = MenuItem.objects.filter(menu__slug="main").values_list("menu_id", flat=True)[0]
    for label in EXTRA_TOP_LEVEL:
        item = trees.create_node(MenuItem, menu_id=menu_id, label=label, is_heading=True)
        for child in ("Erste Seite", "Вторая страница"):
            trees.create_node(MenuItem, parent=item, menu_id=menu_id, label=child, named_url="home")


@pytest.mark.parametrize("width", [1024, 1280, 1440])
@pytest.mark.parametrize("language", ["de", "ru"])
def test_the_mega_menu_holds_eight_long_top_level_items_on_one_row(new_page, width, language):
    add_top_level_items()
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(f"/{language}/")
    bar = page.evaluate(BAR_JS)
    assert len(bar) == 8
    assert len({round(item["top"]) for item in bar}) == 1, f"the bar wraps: {bar}"
    assert all(item["left"] >= 0 and item["right"] <= width for item in bar), bar
    lowest = max(item["bottom"] for item in bar)
    for toggle in page.locator(".main-nav__toggle").all():
        toggle.click()
        panel = page.locator(f"#{toggle.get_attribute('aria-controls')}")
        assert panel.is_visible()
        assert panel.bounding_box()["y"] >= lowest - 1, "an open panel covers the bar"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_on_phones_the_filters_fold_behind_a_button_that_counts_them(new_page):
    page = new_page(viewport=LIGHTHOUSE_MOBILE, has_touch=True, is_mobile=True)
    page.goto("/press-releases/?field_of_work=policing&country=belarus&q=")
    form = page.locator("#newsroom-filters")
    toggle = page.get_by_role("button", name="Filter (2 active)")
    assert not form.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert form.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.locator("#id_date_from").fill("2016-01-01")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**date_from=2016-01-01**")
    query = page.url.split("?", 1)[1]
    assert sorted(query.split("&")) == [
        "country=belarus",
        "date_from=2016-01-01",
        "field_of_work=policing",
    ]


def test_on_desktops_the_filters_stay_beside_the_results(page):
    page.goto("/press-releases/")
    assert page.locator("#newsroom-filters").is_visible()
    assert not page.locator("[data-filters-toggle]").is_visible()
