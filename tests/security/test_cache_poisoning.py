"""Caching and forged headers beyond tests/test_caching.py: absolute URLs (robots, sitemap,
feed) under a forged X-Forwarded-Host, method overrides, and private authenticated pages."""

import pytest

from .conftest import make_user

ABSOLUTE_URL_PAGES = ["/robots.txt", "/sitemap.xml", "/press-releases/feed/"]


@pytest.fixture
def page_cache(settings, world):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "security-page-cache",
        }
    }
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.mark.parametrize("path", ABSOLUTE_URL_PAGES)
def test_forwarded_host_never_reaches_absolute_urls_or_the_cache(client, page_cache, path):
    forged = client.get(
        path, headers={"x-forwarded-host": "evil.example", "x-forwarded-proto": "javascript"}
    )
    assert forged.status_code == 200
    assert b"evil.example" not in forged.content
    assert b"javascript:" not in forged.content
    later = client.get(path)
    assert b"evil.example" not in later.content and b"testserver" in later.content


@pytest.mark.parametrize("path", [*ABSOLUTE_URL_PAGES, "/"])
def test_a_forged_host_on_any_page_is_a_400(client, page_cache, path):
    for host in ("evil.example", "testserver.evil.example", "testserver:80@evil.example"):
        assert client.get(path, headers={"host": host}).status_code == 400


def test_method_override_headers_are_ignored(client, page_cache, world):
    url = world["release"].get_absolute_url()
    for method in ("DELETE", "PUT", "POST"):
        response = client.get(url, headers={"x-http-method-override": method})
        assert response.status_code == 200
    assert client.post(url, headers={"x-http-method-override": "GET"}).status_code in {403, 405}
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("path", ["/", "/press-releases/", "/admin/"])
def test_authenticated_responses_are_private(client, page_cache, path):
    client.force_login(make_user("editor", superuser=True))
    response = client.get(path)
    assert response.status_code == 200
    cache_control = response.headers.get("Cache-Control", "")
    assert "private" in cache_control or "no-store" in cache_control, cache_control
    assert "public" not in cache_control


def test_an_editors_page_is_never_served_to_an_anonymous_visitor(client, page_cache, world):
    url = world["release"].get_absolute_url()
    editor = make_user("editor-with-a-unique-name", superuser=True)
    client.force_login(editor)
    editor_page = client.get(url)
    client.logout()
    anonymous_page = client.get(url)
    assert editor_page.status_code == anonymous_page.status_code == 200
    assert b"editor-with-a-unique-name" not in anonymous_page.content
    assert b"/admin/press/pressrelease/" not in anonymous_page.content
    assert "private" not in anonymous_page.headers.get("Cache-Control", "")
