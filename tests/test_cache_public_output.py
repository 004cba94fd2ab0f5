"""Cached pages change only when the public can see the difference (issue 11).

The newsroom, a release page, a taxonomy page and the feed are served from the cache, with the
same ``Last-Modified``, after each step nobody outside can see (proved by changing a row behind
the cache's back: a page from the cache does not show it), and are fresh after each public step.
Run on local memory and, with ``REDIS_TEST_URL``, on a real Redis (``page_cache``).
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.utils import timezone

from editorial import preview, workflow
from editorial.models import Status
from press.models import PressRelease
from taxonomy import trees
from taxonomy.models import FieldOfWork, Menu, MenuItem, Page, Structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    unit = Structure.objects.create(name="Secretariat", slug="secretariat", path="secretariat")
    field = FieldOfWork.objects.create(name="Policing", slug="policing")
    chief = User.objects.create_superuser("chief", password="secret-pass-123")
    writer = User.objects.create_superuser("writer", password="secret-pass-123")
    public = PressRelease.objects.create(
        title="Public statement",
        slug="public-statement",
        source=unit,
        lead="Known to all.",
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
        first_published_at=timezone.now() - timedelta(days=1),
    )
    public.fields_of_work.add(field)
    draft = PressRelease(title="Quiet draft", slug="quiet-draft", source=unit, lead="Not yet.")
    workflow.save_new(draft, writer)
    draft.fields_of_work.add(field)
    return {
        "unit": unit,
        "field": field,
        "chief": chief,
        "writer": writer,
        "public": public,
        "draft": draft,
    }


def urls(site):
    return [
        "/press-releases/",
        site["public"].get_absolute_url(),
        site["field"].get_absolute_url(),
        "/press-releases/feed/",
    ]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), response.get("Last-Modified")


def behind_the_cache(release, title):
    PressRelease.objects.filter(pk=release.pk).update(title=title)


def refreshed(release):
    release.refresh_from_db()
    return release


def edit(item, user, **values):
    for name, value in values.items():
        setattr(item, name, value)
    return workflow.save_edit(item, user, expected_version=item.version)


def assert_still_cached(client, site, committed, step):
    before = {url: fetch(client, url) for url in urls(site)}
    behind_the_cache(site["public"], "Sneaked title")
    with committed():
        step()
    for url in urls(site):
        text, last_modified = fetch(client, url)
        assert "Sneaked title" not in text, f"{url} was rendered again"
        assert last_modified == before[url][1], url
    behind_the_cache(site["public"], "Public statement")


def test_steps_nobody_outside_sees_leave_every_cached_page_alone(
    page_cache, client, committed, site
):
    chief, writer = site["chief"], site["writer"]
    draft = site["draft"]
    later = timezone.now() + timedelta(days=2)
    steps = [
        lambda: workflow.save_new(
            PressRelease(title="Second draft", slug="second-draft", source=site["unit"], lead="x"),
            writer,
        ),
        lambda: edit(refreshed(draft), writer, title="Quiet draft, edited"),
        lambda: workflow.submit(refreshed(draft), writer),
        lambda: workflow.reject(refreshed(draft), chief, "Shorter."),
        lambda: workflow.submit(refreshed(draft), writer),
        lambda: workflow.schedule(refreshed(draft), chief, later),
        lambda: workflow.reschedule(refreshed(draft), chief, later + timedelta(hours=1)),
        lambda: preview.create_link(refreshed(draft), chief, timezone.now() + timedelta(days=1)),
        lambda: workflow.cancel_schedule(refreshed(draft), chief),
        lambda: workflow.delete(refreshed(draft), chief),
    ]
    for step in steps:
        assert_still_cached(client, site, committed, step)


def test_public_steps_show_on_the_next_request(page_cache, client, committed, site):
    chief, writer = site["chief"], site["writer"]
    draft, public = site["draft"], site["public"]
    for url in urls(site):
        fetch(client, url)

    with committed():
        workflow.force_publish(refreshed(draft), chief, "Urgent")
    assert "Quiet draft" in fetch(client, "/press-releases/")[0]
    assert "Quiet draft" in fetch(client, site["field"].get_absolute_url())[0]

    with committed():
        edit(refreshed(public), writer, title="Corrected statement")
    for url in ["/press-releases/", "/press-releases/feed/", site["field"].get_absolute_url()]:
        assert "Corrected statement" in fetch(client, url)[0], url

    with committed():
        workflow.withdraw(refreshed(public), chief, "Superseded.")
    assert "Corrected statement" not in fetch(client, "/press-releases/")[0]
    assert "Superseded." in fetch(client, public.get_absolute_url())[0]

    with committed():
        workflow.unpublish(refreshed(public), chief)
    assert client.get(public.get_absolute_url()).status_code == 410


def test_a_scheduled_time_coming_due_shows_on_time(page_cache, client, committed, site):
    draft = site["draft"]
    due = timezone.now().replace(microsecond=0) + timedelta(minutes=10)
    with committed():
        workflow.schedule(refreshed(draft), site["chief"], due)
    with time_machine.travel(due - timedelta(seconds=1), tick=False):
        assert "Quiet draft" not in fetch(client, "/press-releases/")[0]
    with time_machine.travel(due, tick=False):
        assert "Quiet draft" in fetch(client, "/press-releases/")[0]
        assert "Quiet draft" in fetch(client, "/press-releases/feed/")[0]


def test_public_trees_menus_and_pages_show_on_the_next_request(page_cache, client, committed, site):
    field = site["field"]
    for url in urls(site):
        fetch(client, url)
    with committed():
        field.name = "Policing and borders"
        field.save()
    assert "Policing and borders" in fetch(client, field.get_absolute_url())[0]

    menu = Menu.objects.create(name="Main menu", slug="main")
    with committed():
        trees.create_node(MenuItem, menu=menu, label="Newsroom of record", named_url="home")
    assert "Newsroom of record" in fetch(client, "/press-releases/")[0]

    page = Page(title="About us", slug="about-us")
    workflow.save_new(page, site["writer"])
    assert client.get("/pages/about-us/").status_code == 404
    with committed():
        workflow.force_publish(refreshed(page), site["chief"], "Launch")
    assert "About us" in fetch(client, "/pages/about-us/")[0]
