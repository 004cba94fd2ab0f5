"""Real-browser fixtures: one headless Chromium for the browser tests, a fresh context per test,
Django's live server with the demo content, screenshots and axe-core checks.

Chromium is Debian's (/usr/bin/chromium); no browser is ever downloaded. Without it the tests
are skipped with the reason shown, unless REQUIRE_BROWSER=1 (set by .ci/run) turns that into
a failure.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from .helpers import DESKTOP, MOBILE, PASSWORD

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SCREENSHOTS = HERE / "screenshots"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for every browser test (torn down when the package's tests are done)."""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}: browser tests not run."
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " REQUIRE_BROWSER=1 demands them.", pytrace=False)
        pytest.skip(reason + " Install it (apt-get install chromium) to run them.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread while it is started,
    # which makes Django refuse ORM calls from the test; they are still synchronous here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Starting it also gives this thread a new context, in which Django's connection handler
    # creates new connection objects; carry over what the test database set-up stored on the
    # old ones (the serialized data that serialized rollback restores).
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    playwright = sync_playwright().start()
    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()
    playwright.stop()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(browser, live_server, settings, django_db_serialized_rollback):
    """The live server's address, serving the demo content (and uploaded media).

    The live server reads the database through its own connection, so data is committed
    (transactional database) and flushed after each test; serialized rollback restores what
    the migrations created (groups, permissions) for the tests that follow.
    """
    settings.ROOT_URLCONF = "tests.browser.urls"
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    yield live_server.url
    cache.clear()


class PageProblems:
    """What a visitor's browser complained about: script errors, CSP refusals, broken assets."""

    def __init__(self, page):
        self.messages = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("response", self._on_response)

    def _on_console(self, message):
        # Failed requests are reported by _on_response, which knows whether it was the page
        # itself (a 404 page is expected in some tests) or one of its assets.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.messages.append(f"console on {message.location.get('url')}: {message.text}")

    def _on_response(self, response):
        request = response.request
        if (
            response.status >= 400
            and request.resource_type != "document"
            and not request.url.endswith("/favicon.ico")
        ):
            self.messages.append(f"{response.status} for {request.resource_type} {request.url}")


@pytest.fixture
def new_page(browser, site):
    """Open pages in fresh browser contexts (separate cookies), each checked for problems."""
    contexts = []
    watched = []

    def open_page(*, viewport=DESKTOP, **options):
        context = browser.new_context(base_url=site, viewport=viewport, locale="en-GB", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        watched.append(PageProblems(page))
        return page

    yield open_page
    for context in contexts:
        context.close()
    problems = [message for watcher in watched for message in watcher.messages]
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def page(new_page):
    """A desktop-sized page (1280 px) in its own context."""
    return new_page()


@pytest.fixture
def mobile_page(new_page):
    """A phone-sized page (375 px) with touch, in its own context."""
    return new_page(viewport=MOBILE, has_touch=True, is_mobile=True)


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot of a key screen at desktop and mobile width.

    ``resize=False`` keeps the page's own width, for a state that resizing would end (a menu
    opened by keyboard closes when the focus leaves it as the layout changes).
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    test_name = re.sub(r"[^\w.-]+", "_", request.node.name)

    def take(page, name, *, resize=True):
        original = page.viewport_size
        sizes = (("desktop", DESKTOP), ("mobile", MOBILE)) if resize else (("as-seen", None),)
        for label, size in sizes:
            if size:
                page.set_viewport_size(size)
            path = SCREENSHOTS / f"{test_name}--{name}--{label}.png"
            page.screenshot(path=path, full_page=True, animations="disabled")
        page.set_viewport_size(original)

    return take


@pytest.fixture
def make_user(django_user_model):
    """Create a staff user with a known password; ``groups`` by name, ``scopes`` by structure."""

    def make(username, *, superuser=False, groups=(), scopes=()):
        from django.contrib.auth.models import Group

        from editorial.models import EditorialScope

        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            is_staff=True,
            is_superuser=superuser,
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        for structure in scopes:
            EditorialScope.objects.create(user=user, structure=structure)
        return user

    return make
