"""Redirect targets that the visitor controls never leave the site."""

from urllib.parse import urlsplit

import pytest

from .conftest import make_user

HOSTILE_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "http:/\\/evil.example",
    " https://evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://testserver@evil.example/",
    "/%2F%2Fevil.example",
    "/%09/evil.example",
]


def assert_stays_on_site(response):
    assert response.status_code in {301, 302}
    location = response.headers["Location"]
    assert location.startswith("/"), location
    assert not location.startswith(("//", "/\\")), location
    parts = urlsplit(location.replace("\\", "/"))
    assert not parts.scheme and not parts.netloc, location


@pytest.mark.django_db
@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_admin_login_next_never_leaves_the_site(client, target):
    make_user("officer", password="officer-pass-1")
    response = client.post(
        "/admin/login/", {"username": "officer", "password": "officer-pass-1", "next": target}
    )
    assert_stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_language_switch_never_leaves_the_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": target})
    assert_stays_on_site(response)


@pytest.mark.django_db
def test_language_switch_ignores_a_foreign_referer(client):
    response = client.post(
        "/i18n/setlang/", {"language": "de"}, HTTP_REFERER="https://evil.example/page"
    )
    assert_stays_on_site(response)


@pytest.mark.django_db
def test_language_switch_follows_a_local_next(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/press-releases/"})
    assert response.headers["Location"] == "/fr/press-releases/"  # the French page


@pytest.mark.django_db
@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_admin_logout_next_never_leaves_the_site(client, target):
    client.force_login(make_user("officer"))
    response = client.post("/admin/logout/", {"next": target})
    if response.status_code in {301, 302}:
        assert_stays_on_site(response)
    else:
        assert response.status_code == 200
