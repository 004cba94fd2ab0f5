"""Generated events for measuring the site at scale (``load_demo --events N``; ``make bench``).

Bulk-created, deterministic for a given database state, numbered after the events generated
before: titles from the meeting types, dates from 1990 to 2030 (a tenth with times in the
venue's zone), organisers, venues, fields of work and countries drawn from the taxonomy.
"""

import datetime as dt
import random
import time

from django.db import transaction
from django.utils import timezone

from editorial.models import Status
from press.demo import analyze_tables
from taxonomy.models import Country, FieldOfWork, MeetingType, Place, Structure

from .models import Event, EventStatus

BATCH_SIZE = 2000
FIRST_DAY, DAYS = dt.date(1990, 1, 1), 41 * 365
TOPICS = [
    "security sector governance",
    "media freedom",
    "combating trafficking in human beings",
    "cyber/ICT security",
    "election observation",
    "water governance",
    "countering terrorism",
    "gender equality",
]


def generate(count, stdout):
    """Add ``count`` generated events with bulk operations; returns how many."""
    started = time.monotonic()
    types = list(MeetingType.objects.values_list("id", "name"))
    organisers = list(Structure.objects.values_list("id", flat=True))
    places = list(Place.objects.values_list("id", "country_id"))
    fields = list(FieldOfWork.objects.values_list("id", flat=True))
    countries = list(Country.objects.filter(children__isnull=True).values_list("id", flat=True))
    if not (types and organisers):
        stdout.write("No taxonomy: run the taxonomy demo first.\n")
        return 0
    first = Event.objects.filter(slug__startswith="generated-").count() + 1
    rng = random.Random(first)
    now = timezone.now()
    fields_through, countries_through = Event.fields_of_work.through, Event.countries.through
    for batch_start in range(first, first + count, BATCH_SIZE):
        numbers = range(batch_start, min(batch_start + BATCH_SIZE, first + count))
        rows = [_generated(rng, number, now, types, organisers, places) for number in numbers]
        with transaction.atomic():
            Event.objects.bulk_create([event for event, _country in rows], batch_size=1000)
            fields_through.objects.bulk_create(
                [
                    fields_through(event_id=event.pk, fieldofwork_id=field)
                    for event, _country in rows
                    for field in rng.sample(fields, k=min(len(fields), rng.choice((0, 1, 2))))
                ],
                batch_size=5000,
            )
            countries_through.objects.bulk_create(
                [
                    countries_through(event_id=event.pk, country_id=country)
                    for event, venue_country in rows
                    for country in {venue_country, *rng.sample(countries, k=min(len(countries), 1))}
                    if country
                ],
                batch_size=5000,
            )
    analyze_tables([Event, fields_through, countries_through])
    stdout.write(f"Generated {count} events in {time.monotonic() - started:.1f} s.\n")
    return count


def _generated(rng, number, now, types, organisers, places):
    type_id, type_name = rng.choice(types)
    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    end = start + dt.timedelta(days=rng.choice((0, 0, 1, 2, 4)))
    timed = rng.random() < 0.1
    place_id, place_country = rng.choice(places) if places else (None, None)
    title = f"{type_name}: {rng.choice(TOPICS)} ({number})"
    status = EventStatus.CONCLUDED if end < now.date() else EventStatus.SCHEDULED
    if rng.random() < 0.02:
        status = rng.choice((EventStatus.POSTPONED, EventStatus.CANCELLED))
    published_at = min(
        timezone.make_aware(dt.datetime.combine(start, dt.time(9))) - dt.timedelta(days=60), now
    )
    event = Event(
        title=title,
        slug=f"generated-{number}",
        meeting_type_id=type_id,
        organiser_id=rng.choice(organisers),
        venue_id=place_id,
        start_date=start,
        end_date=end,
        start_time=dt.time(10) if timed else None,
        end_time=dt.time(13) if timed else None,
        event_status=status,
        summary=f"{title}: representatives of the participating States and experts meet.",
        status=Status.DRAFT if rng.random() < 0.03 else Status.PUBLISHED,
        published_at=published_at,
        first_published_at=published_at,
    )
    return event, place_country
