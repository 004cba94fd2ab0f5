"""HTTP caching: validators, 304 answers, Cache-Control for public and private responses, Vary."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from press.models import PressRelease, Status
from taxonomy.models import Structure


@pytest.fixture
def release(db):
    source = Structure.objects.create(name="Secretariat", slug="secretariat", path="secretariat")
    return PressRelease.objects.create(
        title="Validators",
        slug="validators",
        source=source,
        lead="Lead.",
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )


@pytest.fixture
def page_cache_on(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "http-caching-tests",
        }
    }
    # Each test's database counts generations from 1 again: pages of earlier tests must go.
    cache.clear()


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password="secret-pass-123", is_staff=True)


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def vary(response):
    return {part.strip().lower() for part in response["Vary"].split(",")}


@pytest.mark.parametrize("cache_enabled", [False, True])
def test_anonymous_public_page_is_publicly_cacheable_for_a_short_while(
    client, settings, release, cache_enabled
):
    settings.PAGE_CACHE_ENABLED = cache_enabled
    settings.HTTP_MAX_AGE = 60
    settings.HTTP_STALE_WHILE_REVALIDATE = 30
    response = client.get(release.get_absolute_url())

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60", "stale-while-revalidate=30"}
    assert {"cookie", "accept-language"} <= vary(response)
    assert response["ETag"]
    assert not response.cookies


@pytest.mark.parametrize("cache_enabled", [False, True])
def test_conditional_get_with_the_current_etag_gives_304(client, settings, release, cache_enabled):
    settings.PAGE_CACHE_ENABLED = cache_enabled
    url = release.get_absolute_url()
    etag = client.get(url)["ETag"]

    not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag

    head = client.head(url, headers={"if-none-match": etag})
    assert head.status_code == 304


def test_a_stale_etag_gets_the_new_page(
    client, release, page_cache_on, django_capture_on_commit_callbacks
):
    url = release.get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        release.title = "Validators, corrected"
        release.save()

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Validators, corrected" in response.text


def test_last_modified_answers_if_modified_since(client, release, page_cache_on):
    url = release.get_absolute_url()
    last_modified = client.get(url)["Last-Modified"]

    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304
    earlier = http_date((timezone.now() - timedelta(days=30)).timestamp())
    assert client.get(url, headers={"if-modified-since": earlier}).status_code == 200


def test_two_changes_within_one_second_never_give_a_stale_304(
    client, release, page_cache_on, django_capture_on_commit_callbacks
):
    url = release.get_absolute_url()
    second = timezone.now().replace(microsecond=0) + timedelta(seconds=5)
    with time_machine.travel(second + timedelta(milliseconds=200), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            release.title = "First edit"
            release.save()
        seen = client.get(url)
    with time_machine.travel(second + timedelta(milliseconds=700), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            release.title = "Second edit"
            release.save()
        response = client.get(url, headers={"if-modified-since": seen["Last-Modified"]})

    assert "First edit" in seen.text
    assert response.status_code == 200
    assert "Second edit" in response.text
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(seen["Last-Modified"])


def test_logged_in_responses_are_private_and_not_stored(client, editor, release):
    client.force_login(editor)
    for url in (release.get_absolute_url(), "/"):
        response = client.get(url)
        assert response.status_code == 200
        assert {"private", "no-store"} <= cache_control(response)
        assert "public" not in cache_control(response)
        assert "cookie" in vary(response)


def test_admin_is_never_cacheable(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert {"private", "no-store"} <= cache_control(response)
    login_page = type(client)().get("/admin/login/")
    assert {"private", "no-store"} <= cache_control(login_page)


def test_not_found_and_posts_are_not_publicly_cacheable(client, db):
    missing = client.get("/press-releases/no-such-release/")
    assert missing.status_code == 404
    assert "public" not in cache_control(missing)
    posted = client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert "public" not in cache_control(posted)
