"""The API over HTTP: CORS, conditional requests, the page cache, rate limits and API keys."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework_api_key.models import APIKey

from press.models import PressRelease, Status

LIST = "/api/v1/press-releases/"


@pytest.fixture
def release(make_release):
    return make_release(slug="first-release", title="First release")


def test_any_origin_may_read_the_api(client, release):
    response = client.get(LIST, headers={"Origin": "https://partner.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_reads_with_a_key_header(client, release):
    response = client.options(
        LIST,
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_the_sites_pages_are_not_opened_to_other_origins(client, release):
    response = client.get("/press-releases/", headers={"Origin": "https://partner.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_unchanged_answer_is_a_304_by_etag(client, release):
    first = client.get(LIST)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    assert "Cookie" not in first.get("Vary", "")
    again = client.get(LIST, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_error_answers_are_not_marked_shareable(client, release):
    response = client.get(f"{LIST}no-such-release/")
    assert response.status_code == 404
    assert "ETag" not in response
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 3600


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_cached_answer_costs_one_query_and_a_change_shows_on_the_next_request(
    page_cache, client, release, committed, make_release
):
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(LIST)
    assert len(queries) == 1, [query["sql"] for query in queries.captured_queries]  # generation
    assert [item["slug"] for item in cached.json()["results"]] == ["first-release"]
    with committed():
        PressRelease.objects.filter(pk=release.pk).update(title="Renamed")
        PressRelease.objects.get(pk=release.pk).save()  # the save's signal advances
    assert client.get(LIST).json()["results"][0]["title"] == "Renamed"
    assert client.get(f"{LIST}first-release/").json()["title"] == "Renamed"


def test_unpublishing_removes_a_release_from_the_cached_api_at_once(
    page_cache, client, release, committed
):
    assert client.get(f"{LIST}first-release/").status_code == 200
    assert client.get(LIST).json()["results"]
    with committed():
        release.status = Status.UNPUBLISHED
        release.save()
    assert client.get(f"{LIST}first-release/").status_code == 404
    assert client.get(LIST).json()["results"] == []


def test_scheduled_release_appears_in_the_cached_api_exactly_on_time(
    page_cache, client, make_release, committed, time_machine
):
    due = timezone.now() + timedelta(hours=1)
    with committed():
        make_release(slug="scheduled", status=Status.SCHEDULED, published_at=due)
    assert client.get(LIST).json()["results"] == []
    time_machine.move_to(due + timedelta(seconds=1))
    assert [item["slug"] for item in client.get(LIST).json()["results"]] == ["scheduled"]


@pytest.fixture
def low_limits(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"client": "3/minute", "key": "5/minute"},
    }


def test_a_client_beyond_its_limit_gets_429_with_retry_after(client, release, low_limits):
    for _ in range(3):
        assert client.get(LIST).status_code == 200
    refused = client.get(LIST, headers={"Origin": "https://partner.example"})
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"]
    assert refused["Access-Control-Allow-Origin"] == "*"  # a browser client can read why
    # Another address has its own allowance.
    assert client.get(LIST, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_the_limit_holds_for_answers_from_the_page_cache_too(
    page_cache, client, release, low_limits
):
    for _ in range(3):
        assert client.get(LIST).status_code == 200
    assert client.get(LIST).status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, release, low_limits):
    for number in range(3):
        client.get(LIST, headers={"X-Forwarded-For": f"198.51.100.{number}"})
    assert client.get(LIST, headers={"X-Forwarded-For": "198.51.100.77"}).status_code == 429


def _key(**fields):
    _record, key = APIKey.objects.create_key(name="Partner agency", **fields)
    return {"Authorization": f"Api-Key {key}"}


def test_a_partner_key_has_its_own_higher_limit(client, release, low_limits):
    for _ in range(3):
        client.get(LIST)
    assert client.get(LIST).status_code == 429  # this address, anonymously
    headers = _key()
    answers = [client.get(LIST, headers=headers).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    other = _key()
    assert client.get(LIST, headers=other).status_code == 200  # counted per key


def test_a_keyed_request_is_answered_from_the_page_cache(page_cache, client, release):
    headers = _key()
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, headers=headers)
    assert response.status_code == 200
    assert len(queries) == 2  # the key, the generation


@pytest.mark.parametrize(
    "header",
    [
        "Api-Key nonsense",
        "Api-Key abcdefgh.ijklmnop",
        "Api-Key",
        "Api-Key a b",
        "Api-Key caf\u00e9.x",
    ],
)
def test_an_unknown_or_malformed_key_is_a_json_401(client, release, header):
    response = client.get(LIST, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"
    assert response.json()["detail"]


def test_revoked_and_expired_keys_are_refused(client, release):
    _record, revoked = APIKey.objects.create_key(name="Old", revoked=True)
    _record, expired = APIKey.objects.create_key(
        name="Past", expiry_date=timezone.now() - timedelta(days=1)
    )
    for key in (revoked, expired):
        response = client.get(LIST, headers={"Authorization": f"Api-Key {key}"})
        assert response.status_code == 401


def test_a_site_administrator_issues_a_key_in_the_admin_and_it_works(admin_client, client, release):
    response = admin_client.post(
        "/admin/rest_framework_api_key/apikey/add/", {"name": "News agency"}, follow=True
    )
    assert response.status_code == 200
    message = next(str(m) for m in response.context["messages"])
    key = message.split("is: ", 1)[1].split(". ", 1)[0]
    assert APIKey.objects.get(name="News agency").is_valid(key)
    assert client.get(LIST, headers={"Authorization": f"Api-Key {key}"}).status_code == 200


def test_the_key_list_in_the_admin_is_for_those_allowed_only(client, django_user_model, release):
    staff = django_user_model.objects.create_user("clerk", password="x-long-pass-1", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/rest_framework_api_key/apikey/").status_code == 403
    assert client.get("/admin/rest_framework_api_key/apikey/add/").status_code == 403
