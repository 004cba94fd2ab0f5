"""A walk through a large list to the end, on PostgreSQL (the production database).

The suite walks 5,000 releases (50 pages); ``API_WALK_SIZE=100000`` walks the issue's 100,000
(1,000 pages; minutes on a busy machine, so not in every run).
"""

import os
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.pagination import KeysetPagination
from press.models import PressRelease, Status

SIZE = int(os.environ.get("API_WALK_SIZE", "5000"))
pytestmark = pytest.mark.postgres


@pytest.fixture
def archive(taxonomy, db):
    if connection.vendor != "postgresql":
        pytest.skip("the 100,000-release walk runs on PostgreSQL")
    start = timezone.now() - timedelta(days=1)
    # Groups of ten share a publication time: the cursor must order ties by id. Built in bulk
    # (no signals): the generation and the page cache play no part here.
    PressRelease.objects.bulk_create(
        (
            PressRelease(
                title=f"Release {number}",
                slug=f"release-{number}",
                lead="Lead.",
                source=taxonomy.secretariat,
                status=Status.PUBLISHED,
                published_at=start - timedelta(minutes=number // 10),
            )
            for number in range(SIZE)
        ),
        batch_size=5000,
    )
    # And some that must never be walked into.
    for status in (Status.DRAFT, Status.WITHDRAWN):
        PressRelease.objects.create(
            title=status,
            slug=f"hidden-{status}",
            lead=".",
            source=taxonomy.secretariat,
            status=status,
            published_at=start,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE press_pressrelease")
    return SIZE


def test_walk_to_the_end_of_a_large_list_sees_each_release_once_in_order(client, archive, settings):
    settings.REST_FRAMEWORK = {  # one client walking 1,000 pages is not abuse here
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"client": "100000/minute", "key": "100000/minute"},
    }
    seen, queries_per_page = [], set()
    url = "/api/v1/press-releases/?page_size=100"
    # The first request after the load advances the generation and reads the vocabularies
    # for it (api/plain.py); every page after that costs the same.
    client.get(url)
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        seen += [(item["published_at"], item["slug"]) for item in body["results"]]
        queries_per_page.add(len(queries))
        url = body["next"]
    assert len(seen) == archive
    assert len({slug for _at, slug in seen}) == archive
    assert not any(slug.startswith("hidden-") for _at, slug in seen)
    expected = list(
        PressRelease.objects.listed()
        .order_by("-published_at", "-id")
        .values_list("slug", flat=True)
    )
    assert [slug for _at, slug in seen] == expected
    assert len(queries_per_page) == 1  # the last page costs what the first does


def test_a_deep_page_starts_in_the_index_instead_of_scanning_to_its_place(archive):
    listed = PressRelease.objects.listed().order_by("-published_at", "-id")
    last = listed[archive - 150]  # where the second-to-last page of 100 starts
    paginator = KeysetPagination()
    condition = paginator._after([("-published_at", last.published_at), ("-id", last.pk)])
    plan = (
        PressRelease.objects.listed()
        .filter(condition)
        .order_by("-published_at", "-id")[:101]
        .explain(analyze=True)
    )
    assert "Index Cond" in plan and "published_at <=" in plan.replace('"', ""), plan
    rows_read = [int(rows) for rows in re.findall(r"actual time=\S+ rows=(\d+)", plan)]
    assert rows_read and max(rows_read) <= 200, plan  # a page and a group of ties, not 5,000
