"""/api/v1/press-releases/: the newsroom's filters, keyset pages, details, bad input, cost."""

import base64
import json
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.models import ChangeNote
from press.api import ReleaseSerializer
from press.models import CoIssuer, Kind, PressContact, PressRelease, Status

from ..documents import world
from .conftest import assert_list_is_what_the_serializer_writes, walk

LIST = "/api/v1/press-releases/"


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def tagged(taxonomy, make_release):
    """One release per tree position, so each subtree filter has an exact answer."""
    t = taxonomy
    return {
        "community": make_release(slug="community", fields=[t.community], countries=[t.belarus]),
        "policing": make_release(slug="policing", fields=[t.policing], countries=[t.japan]),
        "borders": make_release(
            slug="borders", fields=[t.borders], source=t.ttd, place=t.vienna, language="fr"
        ),
        "kosovo": make_release(
            slug="kosovo", fields=[t.borders], source=t.kosovo, place=t.minsk, days_ago=400
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["community", "policing", "borders", "kosovo"]),
        ({"field_of_work": "policing"}, ["community", "policing"]),  # with its sub-topic
        ({"field_of_work": "community-policing"}, ["community"]),
        (
            {"field_of_work": ["community-policing", "border-management"]},
            ["community", "borders", "kosovo"],
        ),
        ({"country": "participating-states"}, ["community"]),
        ({"country": "asian-partners"}, ["policing"]),
        ({"source": "secretariat"}, ["community", "policing", "borders"]),
        ({"source": "field-operations"}, ["kosovo"]),
        ({"place": "minsk"}, ["kosovo"]),
        ({"language": "fr"}, ["borders"]),
        ({"field_of_work": "border-management", "source": "secretariat"}, ["borders"]),
    ],
)
def test_filters_are_the_newsrooms_with_subtrees(api_get, tagged, query, expected):
    assert slugs(api_get(LIST, query)) == expected


def test_date_filters_are_whole_days(api_get, tagged):
    day = timezone.localdate(tagged["kosovo"].published_at).isoformat()
    assert slugs(api_get(LIST, {"date_from": day, "date_to": day})) == ["kosovo"]
    assert "kosovo" not in slugs(
        api_get(LIST, {"date_from": (timezone.localdate() - timedelta(days=30)).isoformat()})
    )


def test_words_search_title_and_lead(api_get, tagged):
    PressRelease.objects.filter(slug="borders").update(lead="Okapi spotted at the border")
    assert slugs(api_get(LIST, {"q": "okapi"})) == ["borders"]


def test_release_in_a_list_has_the_fields_of_the_contract(api_get, tagged, taxonomy):
    item = api_get(LIST, {"place": "minsk"}).json()["results"][0]
    release = tagged["kosovo"]
    assert item["url"] == f"http://testserver/press-releases/{release.slug}/"
    assert item["api_url"] == f"http://testserver/api/v1/press-releases/{release.slug}/"
    # ISO 8601 with the offset of the site's time zone.
    assert item["published_at"] == timezone.localtime(release.published_at).isoformat()
    assert item["published_at"][-6:] in {"+01:00", "+02:00"}
    assert item["source"] == {
        "slug": "mission-in-kosovo",
        "name": "Mission in Kosovo",
        "path": "field-operations/mission-in-kosovo",
    }
    assert item["place"] == {"slug": "minsk", "name": "Minsk"}
    assert item["fields_of_work"] == [{"slug": "border-management", "name": "Border management"}]
    assert item["language"] == "en"
    assert item["lead"] == release.lead
    assert "body" not in item


def test_a_release_names_its_public_translations_never_a_draft(api_get, make_release):
    english = make_release(slug="talks", language="en")
    russian = make_release(
        slug="peregovory", language="ru", translation_key=english.translation_key
    )
    make_release(
        slug="negociations",
        language="fr",
        status=Status.DRAFT,
        translation_key=english.translation_key,
    )
    make_release(slug="alone")

    listed = {item["slug"]: item["translations"] for item in api_get(LIST).json()["results"]}
    detail = api_get(f"{LIST}peregovory/").json()

    assert listed["talks"] == [
        {
            "language": "ru",
            "url": f"http://testserver/ru/press-releases/{russian.slug}/",
            "api_url": f"http://testserver/api/v1/press-releases/{russian.slug}/",
        }
    ]
    assert listed["alone"] == []
    assert "negociations" not in listed
    assert [version["language"] for version in detail["translations"]] == ["en"]
    assert detail["translations"][0]["url"] == "http://testserver/press-releases/talks/"


def test_detail_adds_body_images_contacts_documents_and_change_notes(
    api_get, make_release, taxonomy
):
    release = make_release(slug="full", body='<p>Hello <a href="https://example.org">x</a></p>')
    PressRelease.objects.filter(pk=release.pk).update(
        body='<p>Hi</p><script>alert(1)</script><img src=x onerror="alert(2)">',
        lead_image="press/images/a.jpg",
        lead_image_width=1600,
        lead_image_height=900,
        lead_image_alt="A river",
        lead_image_caption="The Danube",
        lead_image_renditions={
            "width": 1600,
            "height": 900,
            "fallback_type": "image/jpeg",
            "webp": [[480, 270, "press/images/a-480.webp"]],
            "fallback": [[480, 270, "press/images/a-480.jpg"]],
        },
    )
    PressContact.objects.create(release=release, name="Ana", role="Spokesperson", position=2)
    PressContact.objects.create(release=release, name="Ben", position=1)
    report = world.document(
        taxonomy.secretariat, status=Status.PUBLISHED, title="Report", slug="report",
        files=[("en", world.pdf()), ("fr", world.pdf())],
    )  # fmt: skip
    report.release_links.create(release=release)
    world.document(taxonomy.secretariat, title="Draft annex").release_links.create(release=release)
    ChangeNote.objects.create(item=release, note="Date corrected.")
    body = api_get(f"{LIST}full/").json()
    # Sanitised on output too, even if a raw write skipped the sanitiser on save.
    assert "<script" not in body["body"] and "onerror" not in body["body"]
    assert "<p>Hi</p>" in body["body"]
    assert [contact["name"] for contact in body["contacts"]] == ["Ben", "Ana"]
    page = "http://testserver/documents/report/"
    assert body["documents"] == [
        {"title": "Report", "language": "en", "url": f"{page}en.pdf", "page": page},
        {"title": "Report", "language": "fr", "url": f"{page}fr.pdf", "page": page},
    ]
    assert body["change_notes"][0]["note"] == "Date corrected."
    image = body["lead_image"]
    assert image["alt"] == "A river" and image["caption"] == "The Danube"
    assert image["webp"] == [
        {"width": 480, "height": 270, "url": "http://testserver/media/press/images/a-480.webp"}
    ]
    assert body["withdrawn_at"] is None


def test_walk_reaches_the_end_with_every_release_once_in_order(api_get, make_release):
    made = [make_release() for _ in range(23)]
    results, pages = walk(api_get, LIST, {"page_size": 5})
    assert pages == 5
    expected = sorted(made, key=lambda r: (r.published_at, r.pk), reverse=True)
    assert [item["slug"] for item in results] == [release.slug for release in expected]


def test_walk_is_stable_when_releases_share_a_time_and_others_arrive(api_get, make_release):
    moment = timezone.now() - timedelta(days=1)
    same = [make_release(published_at=moment) for _ in range(6)]
    first = api_get(LIST, {"page_size": 4}).json()
    make_release(published_at=timezone.now() - timedelta(minutes=1))  # arrives on top
    rest, _pages = walk(api_get, first["next"])
    seen = [item["slug"] for item in first["results"] + rest]
    assert sorted(seen) == sorted(release.slug for release in same)
    assert len(seen) == len(set(seen))


def _cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"field_of_work": "no-such-field"}, "filters"),
        ({"country": ["belarus", "atlantis"]}, "filters"),
        ({"source": "nowhere"}, "filters"),
        ({"date_from": "2024-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"q": "word " * 100}, "q"),
        ({"language": "xx"}, "language"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"cursor": "%%%"}, "cursor"),
        ({"cursor": "x" * 600}, "cursor"),
        ({"cursor": _cursor(["2024-01-01T00:00:00+00:00"])}, "cursor"),
        ({"cursor": _cursor(["not a date", 5])}, "cursor"),
        ({"cursor": _cursor(["2024-01-01T00:00:00+00:00", "five"])}, "cursor"),
        ({"cursor": _cursor([None, 5])}, "cursor"),
        ({"cursor": _cursor({"a": 1})}, "cursor"),
        ({"cursor": base64.urlsafe_b64encode(b"\xff\xfe").decode()}, "cursor"),
    ],
)
def test_bad_input_is_a_json_400_naming_the_parameter(api_get, tagged, query, parameter):
    response = api_get(LIST, query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_unknown_slug_filter_names_the_value(api_get, tagged):
    response = api_get(LIST, {"country": "atlantis"})
    assert "atlantis" in response.json()["errors"]["filters"][0]


def test_dates_at_the_ends_of_the_calendar_are_not_a_500(api_get, tagged):
    assert api_get(LIST, {"date_from": "0001-01-01", "date_to": "9999-12-31"}).status_code == 200


def _queries(client, url, cold=True):
    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize(
    ("url", "expected", "trees"),
    [
        (LIST, 3, 0),
        (f"{LIST}?page_size=100", 3, 0),
        (f"{LIST}?field_of_work=policing&country=participating-states&q=release", 3, 2),
    ],
)
def test_list_cost_does_not_grow_with_releases(
    client, make_release, taxonomy, url, expected, trees
):
    def add(count):
        for _ in range(count):
            make_release(
                fields=[taxonomy.policing, taxonomy.community],
                countries=[taxonomy.belarus, taxonomy.ukraine],
                place=taxonomy.minsk,
            )

    add(3)
    small, _ = _queries(client, url)
    add(40)
    large, sql = _queries(client, url)
    warm, warm_sql = _queries(client, url, cold=False)
    assert large == small, "\n".join(sql)
    # The releases (their tags' ids with them), their translations and the generation; after
    # a change, each vocabulary once besides (sources, places, fields of work, countries)
    # and each tree filter's slugs: api/plain.py and the filter form keep them until the next
    # change.
    assert warm == expected, "\n".join(warm_sql)
    assert small == warm + 4 + trees, "\n".join(sql)


def test_detail_cost_does_not_grow(client, make_release, taxonomy):
    few = make_release(slug="few")
    many = make_release(
        slug="many",
        fields=[taxonomy.policing, taxonomy.community, taxonomy.borders],
        countries=[taxonomy.belarus, taxonomy.ukraine, taxonomy.austria],
    )
    one = world.document(taxonomy.secretariat, status=Status.PUBLISHED, files=[("en", world.pdf())])
    one.release_links.create(release=few)
    for index in range(5):
        PressContact.objects.create(release=many, name=f"Contact {index}")
        document = world.document(
            taxonomy.secretariat, status=Status.PUBLISHED, files=[("en", world.pdf())]
        )
        document.release_links.create(release=many)
        ChangeNote.objects.create(item=many, note=f"Note {index}")
    small, _ = _queries(client, f"{LIST}{few.slug}/")
    large, sql = _queries(client, f"{LIST}{many.slug}/")
    # The release, two tag prefetches, documents and their files, contacts, notes, translations.
    assert large == small == 8, "\n".join(sql)


def test_later_pages_cost_the_same_as_the_first(client, make_release):
    for _ in range(30):
        make_release()
    first = client.get(LIST, {"page_size": 5}).json()
    third = client.get(client.get(first["next"]).json()["next"]).json()["next"]
    assert _queries(client, third)[0] == _queries(client, f"{LIST}?page_size=5")[0]


def test_withdrawn_release_has_its_detail_with_the_notice_but_leaves_the_list(
    api_get, make_release
):
    release = make_release(slug="withdrawn-one", status=Status.WITHDRAWN)
    PressRelease.objects.filter(pk=release.pk).update(
        withdrawn_at=timezone.now(), withdrawal_note="Issued in error."
    )
    assert "withdrawn-one" not in slugs(api_get(LIST))
    body = api_get(f"{LIST}withdrawn-one/").json()
    assert body["withdrawal_note"] == "Issued in error."
    assert body["withdrawn_at"] is not None


def test_kinds_are_listed_and_filtered_and_an_unknown_one_is_a_400(api_get, make_release):
    make_release(slug="release")
    make_release(slug="advisory", kind=Kind.MEDIA_ADVISORY)
    make_release(slug="news", kind=Kind.NEWS_ITEM)
    listing = api_get(LIST).json()["results"]
    assert {item["slug"]: item["kind"] for item in listing} == {
        "release": "press-release",
        "advisory": "media-advisory",
        "news": "news-item",
    }
    assert slugs(api_get(LIST, {"kind": "media-advisory"})) == ["advisory"]
    assert slugs(api_get(LIST, {"kind": ["news-item", "media-advisory"]})) == ["advisory", "news"]
    response = api_get(LIST, {"kind": "rumour"})
    assert response.status_code == 400
    assert "rumour" in str(response.json()["errors"])


def test_issuers_come_in_order_and_a_co_issuer_finds_the_release(api_get, make_release, taxonomy):
    joint = make_release(slug="joint", source=taxonomy.kosovo)
    CoIssuer.objects.create(release=joint, structure=taxonomy.ttd, position=2)
    CoIssuer.objects.create(release=joint, structure=taxonomy.secretariat, position=1)
    make_release(slug="alone", source=taxonomy.kosovo)
    assert slugs(api_get(LIST, {"source": "transnational-threats-department"})) == ["joint"]
    assert slugs(api_get(LIST, {"source": "secretariat"})) == ["joint"]  # listed once
    item = next(item for item in api_get(LIST).json()["results"] if item["slug"] == "joint")
    assert item["source"]["slug"] == "mission-in-kosovo"
    assert item["issuers"] == [
        {
            "slug": "mission-in-kosovo",
            "name": "Mission in Kosovo",
            "path": "field-operations/mission-in-kosovo",
        },
        {"slug": "secretariat", "name": "OSCE Secretariat", "path": "secretariat"},
        {
            "slug": "transnational-threats-department",
            "name": "Transnational Threats Department",
            "path": "secretariat/transnational-threats-department",
        },
    ]
    assert api_get(f"{LIST}joint/").json()["issuers"] == item["issuers"]
    alone = api_get(f"{LIST}alone/").json()
    assert [issuer["slug"] for issuer in alone["issuers"]] == ["mission-in-kosovo"]


def test_the_list_is_what_the_release_serializer_writes(api_get, make_release, taxonomy):
    english = make_release(
        slug="talks",
        fields=[taxonomy.policing, taxonomy.community],
        countries=[taxonomy.ukraine, taxonomy.belarus],
        place=taxonomy.minsk,
        kind=Kind.NEWS_ITEM,
    )
    CoIssuer.objects.create(release=english, structure=taxonomy.kosovo, position=1)
    CoIssuer.objects.create(release=english, structure=taxonomy.ttd, position=0)
    CoIssuer.objects.create(release=english, structure=taxonomy.secretariat, position=2)
    make_release(slug="peregovory", language="ru", translation_key=english.translation_key)
    make_release(slug="plain", fields=[])
    make_release(slug="hidden", status=Status.DRAFT)
    items = PressRelease.objects.listed().order_by("-published_at", "-id")
    assert_list_is_what_the_serializer_writes(api_get, LIST, ReleaseSerializer, items)


def test_a_term_newer_than_the_kept_vocabulary_is_still_named(api_get, make_release, taxonomy):
    # A term created while a request runs, before the generation advances, is not among the
    # vocabulary kept for that generation: it is read afresh, never a 500.
    make_release(slug="tagged", fields=[taxonomy.borders], place=taxonomy.minsk)
    with mock.patch("api.plain.memoize_for_generation", return_value={}):
        (item,) = api_get(LIST).json()["results"]
    assert item["fields_of_work"] == [{"slug": "border-management", "name": "Border management"}]
    assert (item["place"]["slug"], item["source"]["slug"]) == ("minsk", "secretariat")
