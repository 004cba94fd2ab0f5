"""Every registered endpoint answers as the OpenAPI schema says: lists, details and errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api.registry import router
from editorial.models import ChangeNote, Status
from meetings.models import Event
from press.models import PressContact
from taxonomy.models import DocumentType, MeetingType

from ..documents import world

ENDPOINTS = sorted(prefix for prefix, _viewset, _basename in router.registry)


def test_every_content_type_and_vocabulary_of_the_issue_is_registered():
    assert {"press-releases", "fields-of-work", "countries", "structures", "places"} | {
        "meeting-types",
        "events",
    } <= set(ENDPOINTS)


def test_schema_describes_every_registered_endpoint(client, db):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert schema["openapi"].startswith("3.")
    for prefix in ENDPOINTS:
        assert f"/api/v1/{prefix}/" in schema["paths"]
        assert f"/api/v1/{prefix}/{{slug}}/" in schema["paths"]


@pytest.fixture
def full_world(taxonomy, make_release):
    """Content for every endpoint, with every optional part of a release filled in."""
    DocumentType.objects.create(name="Decisions", slug="decisions")
    release = make_release(
        title="Full release",
        slug="full-release",
        place=taxonomy.minsk,
        countries=[taxonomy.belarus],
        fields=[taxonomy.policing, taxonomy.community],
        body="<p>Body <strong>text</strong></p>",
    )
    PressContact.objects.create(release=release, name="Press Officer", email="press@example.org")
    report = world.document(
        taxonomy.secretariat, status=Status.PUBLISHED, title="Report", files=[("en", world.pdf())]
    )
    report.release_links.create(release=release)
    ChangeNote.objects.create(item=release, note="Figures corrected.")
    make_release(title="Second release")
    councils = MeetingType.objects.create(name="Ministerial Council", slug="ministerial-council")
    conference = Event.objects.create(
        title="Full conference",
        slug="full-conference",
        meeting_type=councils,
        organiser=taxonomy.secretariat,
        venue=taxonomy.vienna,
        start_date=datetime.date(2026, 12, 3),
        end_date=datetime.date(2026, 12, 4),
        summary="Everything filled in.",
        status=Status.PUBLISHED,
        first_published_at=timezone.now(),
    )
    session = Event.objects.create(
        title="Opening session",
        slug="opening-session",
        meeting_type=councils,
        organiser=taxonomy.ttd,
        parent=conference,
        start_date=datetime.date(2026, 12, 3),
        end_date=datetime.date(2026, 12, 3),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        time_zone="Asia/Almaty",
        summary="The first session.",
        agenda="<ol><li><p>Opening</p></li></ol>",
        livestream_url="https://example.org/live",
        accreditation_deadline=datetime.date(2026, 11, 20),
        status=Status.PUBLISHED,
        first_published_at=timezone.now(),
    )
    conference.co_organisers.add(taxonomy.ttd)
    conference.related_releases.add(release)
    conference.fields_of_work.add(taxonomy.policing)
    conference.countries.add(taxonomy.austria)
    report.event_links.create(event=conference)
    assert session.parent == conference
    return release


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_list_and_detail_match_the_schema(api_get, full_world, prefix):
    listing = api_get(f"/api/v1/{prefix}/")
    assert listing.status_code == 200
    results = listing.json()["results"]
    assert results, f"{prefix}: nothing to check"
    detail = api_get(f"/api/v1/{prefix}/{results[0]['slug']}/")
    assert detail.status_code == 200
    assert detail.json()["slug"] == results[0]["slug"]
    for item in results[1:]:  # every kind of row (an event with and without times, ...)
        assert api_get(item["api_url"]).status_code == 200


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_unknown_slug_is_a_json_404_that_matches_the_schema(api_get, full_world, prefix):
    response = api_get(f"/api/v1/{prefix}/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_malformed_cursor_is_a_json_400_that_matches_the_schema(api_get, full_world, prefix):
    response = api_get(f"/api/v1/{prefix}/", {"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_second_page_matches_the_schema(api_get, full_world):
    first = api_get("/api/v1/press-releases/", {"page_size": 1}).json()
    second = api_get(first["next"])
    assert second.status_code == 200
    assert second.json()["next"] is None


def test_unknown_api_address_is_json_not_the_site_404(client, db):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no such address in the API."}


def test_writes_are_refused_with_json_405(client, full_world):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method("/api/v1/press-releases/full-release/")
        assert response.status_code == 405
        assert response.json()["detail"]
