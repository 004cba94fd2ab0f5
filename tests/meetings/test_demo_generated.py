"""Generated events (``load_demo --events N``, the benchmark's 10,000): unique on every run, on
the taxonomy, listed and readable like any event."""

from io import StringIO

import pytest
from django.core.management import call_command

from meetings.models import Event

pytestmark = pytest.mark.django_db


def test_generated_events_are_unique_across_runs_and_show_like_any_event(client):
    call_command("load_demo", "--events", "30", stdout=StringIO())
    call_command("load_demo", "--events", "20", stdout=StringIO())
    generated = Event.objects.filter(slug__startswith="generated-")
    assert generated.count() == 50
    assert len(set(generated.values_list("slug", flat=True))) == 50
    assert all(event.end_date >= event.start_date for event in generated)
    assert generated.filter(countries__isnull=False).exists()
    listed = generated.intersection(Event.objects.listed()).count()
    assert 40 <= listed <= 50  # about 3 in 100 are drafts
    sample = Event.objects.listed().filter(slug__startswith="generated-").first()
    assert client.get(sample.get_absolute_url()).status_code == 200
    assert client.get(sample.get_absolute_url() + "event.ics").status_code == 200
    assert client.get("/events/?page=3").status_code == 200
