"""The anonymous page cache is never wrong: with it on, every change shows on the next request.

Each test runs against the local-memory cache and, when ``REDIS_TEST_URL`` is set (CI sets it),
against a real Redis. Writes run inside ``committed()``, which executes the on-commit callbacks as
a real commit would: that is when the content generation advances.
"""

import contextlib
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils import timezone

from editorial import workflow
from osce_cms.caching import bump_generation, memoize_for_generation
from press.models import PressRelease, Status
from taxonomy.models import FieldOfWork, Page, Structure


def _form_with_csrf_token(request):
    return HttpResponse(f'<form method="post"><input value="{get_token(request)}"></form>')


# Used by the test that proves a CSRF-bearing page is never shared (ROOT_URLCONF = this module).
urlpatterns = [path("form/", _form_with_csrf_token)]


@pytest.fixture
def secretariat(db):
    return Structure.objects.create(name="Secretariat", slug="secretariat", path="secretariat")


@pytest.fixture
def chief(db):
    return User.objects.create_superuser("chief", password="secret-pass-123")


def edit(item, user, **values):
    """Change ``item`` as the admin does, through the engine."""
    for name, value in values.items():
        setattr(item, name, value)
    return workflow.save_edit(item, user, expected_version=item.version)


def make_release(source, title, *, status=Status.PUBLISHED, published_at=None):
    return PressRelease.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        source=source,
        lead="A short summary.",
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
    )


def sneak_update(instance, **values):
    """Change a row without any signal, as a stale cache would not notice."""
    type(instance).objects.filter(pk=instance.pk).update(**values)


def test_page_is_served_from_the_cache_until_the_generation_advances(
    page_cache, client, committed, secretariat
):
    release = make_release(secretariat, "Training ends in Minsk")
    url = release.get_absolute_url()
    assert "Training ends in Minsk" in client.get(url).text

    sneak_update(release, title="Changed behind the back of the cache")
    assert "Training ends in Minsk" in client.get(url).text

    with committed():
        bump_generation()
    assert "Changed behind the back of the cache" in client.get(url).text


def test_publishing_a_release_shows_it_on_the_next_request(
    page_cache, client, committed, secretariat, chief
):
    release = make_release(secretariat, "Draft about policing", status=Status.DRAFT)
    newsroom = client.get("/press-releases/")
    assert newsroom.status_code == 200
    assert "Draft about policing" not in newsroom.text
    assert client.get(release.get_absolute_url()).status_code == 404

    with committed():
        workflow.force_publish(release, chief, "Urgent")

    assert "Draft about policing" in client.get("/press-releases/").text
    assert client.get(release.get_absolute_url()).status_code == 200


def test_editing_a_release_shows_on_the_next_request(
    page_cache, client, committed, secretariat, chief
):
    release = make_release(secretariat, "Old title")
    assert "Old title" in client.get(release.get_absolute_url()).text
    assert "Old title" in client.get("/press-releases/").text

    with committed():
        edit(release, chief, title="Corrected title")

    assert "Corrected title" in client.get(release.get_absolute_url()).text
    assert "Corrected title" in client.get("/press-releases/").text


def test_unpublishing_a_release_removes_it_on_the_next_request(
    page_cache, client, committed, secretariat, chief
):
    release = make_release(secretariat, "Soon withdrawn")
    assert client.get(release.get_absolute_url()).status_code == 200
    assert "Soon withdrawn" in client.get("/press-releases/").text

    with committed():
        workflow.unpublish(release, chief)

    assert client.get(release.get_absolute_url()).status_code in {404, 410}
    assert "Soon withdrawn" not in client.get("/press-releases/").text


def test_scheduled_release_appears_exactly_on_time_with_no_write(
    page_cache, client, committed, secretariat, chief
):
    due = timezone.now().replace(microsecond=0) + timedelta(minutes=5)
    release = make_release(secretariat, "Embargoed statement", status=Status.SUBMITTED)
    with committed():
        workflow.schedule(release, chief, due)
    url = release.get_absolute_url()

    with time_machine.travel(due - timedelta(seconds=1), tick=False):
        assert "Embargoed statement" not in client.get("/press-releases/").text
        assert client.get(url).status_code == 404
        # The newsroom is cached now: prove it by changing nothing visible but the time.
        assert "Embargoed statement" not in client.get("/press-releases/").text

    with time_machine.travel(due, tick=False):
        assert "Embargoed statement" in client.get("/press-releases/").text
        assert client.get(url).status_code == 200


def test_editing_a_taxonomy_node_shows_on_the_next_request(page_cache, client, committed):
    with committed():
        field = FieldOfWork.objects.create(name="Policing", slug="policing")
    url = field.get_absolute_url()
    assert "Policing" in client.get(url).text

    with committed():
        field.name = "Policing and border security"
        field.save()

    assert "Policing and border security" in client.get(url).text


def test_moving_a_tree_node_shows_on_the_next_request(page_cache, client, committed):
    with committed():
        first = FieldOfWork.objects.create(name="Arms control", slug="arms-control")
        second = FieldOfWork.objects.create(name="Youth", slug="youth")
    text = client.get("/fields-of-work/").text
    assert text.index("Arms control") < text.index("Youth")

    with committed():
        second.move_to(first, "left")

    text = client.get("/fields-of-work/").text
    assert text.index("Youth") < text.index("Arms control")


def test_editing_a_page_shows_on_the_next_request(page_cache, client, committed, chief):
    page = Page.objects.create(title="About us", slug="about-us", status=Status.PUBLISHED)
    assert "About us" in client.get(page.get_absolute_url()).text

    with committed():
        edit(page, chief, title="About the organisation")

    assert "About the organisation" in client.get(page.get_absolute_url()).text


def test_a_change_after_a_rolled_back_one_in_the_same_transaction_still_shows(
    page_cache, client, committed, secretariat, chief
):
    release = make_release(secretariat, "First title")
    url = release.get_absolute_url()
    assert "First title" in client.get(url).text

    with committed():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            edit(release, chief, title="Rolled back title")
            raise RuntimeError
        release.refresh_from_db()
        edit(release, chief, title="Second title")

    assert "Second title" in client.get(url).text


# Logged-in visitors and the shared cache -------------------------------------------------------


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password="secret-pass-123", is_staff=True)


def test_logged_in_visitor_is_never_served_the_cached_anonymous_page(
    page_cache, client, editor, secretariat
):
    release = make_release(secretariat, "Cached for the public")
    url = release.get_absolute_url()
    assert "Cached for the public" in client.get(url).text
    sneak_update(release, title="Current for editors")

    client.force_login(editor)
    response = client.get(url)

    assert "Current for editors" in response.text
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_logged_in_visitor_never_fills_the_shared_cache(page_cache, client, editor, secretariat):
    release = make_release(secretariat, "What the editor saw")
    url = release.get_absolute_url()
    client.force_login(editor)
    assert "What the editor saw" in client.get(url).text

    sneak_update(release, title="What the public sees")
    client.logout()

    assert "What the public sees" in client.get(url).text


def test_page_bearing_a_csrf_token_is_never_shared(page_cache, client, settings):
    settings.ROOT_URLCONF = __name__
    first = client.get("/form/")
    assert first.cookies.get(settings.CSRF_COOKIE_NAME)
    assert "private" in first["Cache-Control"]

    other_visitor = type(client)()
    second = other_visitor.get("/form/")

    assert second.cookies.get(settings.CSRF_COOKIE_NAME)
    assert second.content != first.content


def test_forged_host_headers_give_400_and_poison_nothing(page_cache, client, secretariat):
    release = make_release(secretariat, "Host test")
    url = release.get_absolute_url()

    assert client.get(url, headers={"host": "evil.example"}).status_code == 400
    forwarded = client.get(
        url,
        headers={"x-forwarded-host": "evil.example", "x-http-method-override": "DELETE"},
    )
    assert forwarded.status_code == 200
    assert "evil.example" not in forwarded.text

    later = client.get(url)
    assert later.status_code == 200
    assert "evil.example" not in later.text
    assert PressRelease.objects.filter(pk=release.pk).exists()


def test_each_language_is_cached_separately(page_cache, client):
    # The language comes from the path (/de/...; English unprefixed), never from the browser.
    german = client.get("/de/", headers={"accept-language": "en"})
    english = client.get("/", headers={"accept-language": "de"})
    assert german["Content-Language"] == "de"
    assert english["Content-Language"] == "en"
    assert client.get("/de/")["Content-Language"] == "de"
    assert client.get("/", headers={"accept-language": "de"})["Content-Language"] == "en"


def test_memoized_value_is_recomputed_after_any_content_change(page_cache, committed):
    calls = []

    def compute():
        calls.append(1)
        return FieldOfWork.objects.count()

    assert memoize_for_generation("fields", ("all",), compute) == 0
    assert memoize_for_generation("fields", ("all",), compute) == 0
    assert len(calls) == 1

    with committed():
        FieldOfWork.objects.create(name="Youth", slug="youth")

    assert memoize_for_generation("fields", ("all",), compute) == 1
    assert len(calls) == 2


# The staff's memoized admin list (per viewer, never looked up by the page cache) ---------------


def test_admin_release_list_shows_each_change_on_the_next_request(
    page_cache, client, committed, secretariat, chief
):
    client.force_login(chief)
    url = reverse("admin:press_pressrelease_changelist")
    release = make_release(secretariat, "First headline")
    assert "First headline" in client.get(url).text

    with committed():
        edit(release, chief, title="Second headline")
    with committed():
        draft = PressRelease(title="A new draft", slug="a-new-draft", source=secretariat, lead="x")
        workflow.save_new(draft, chief)

    page = client.get(url).text
    assert "Second headline" in page and "First headline" not in page
    assert "A new draft" in page
    assert "private" in client.get(url)["Cache-Control"]
