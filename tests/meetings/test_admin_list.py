"""The events' change list: its date hierarchy lists the years of the events, by probes."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .builders import event

YEAR_LINK = re.compile(r'href="\?start_date__year=(\d+)"')


def test_the_event_list_offers_the_years_that_have_events(client, db, world_nodes):
    for year in (2011, 2014, 2014, 2019):
        event(world_nodes, title=f"Council {year}", start=dt.date(year, 12, 31))
    client.force_login(get_user_model().objects.create_superuser("chief", "", "pw-123456"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/meetings/event/")

    assert response.status_code == 200
    assert [int(y) for y in YEAR_LINK.findall(response.content.decode())] == [2011, 2014, 2019]
    assert not [q for q in queries.captured_queries if "DISTINCT" in q["sql"].upper()]
