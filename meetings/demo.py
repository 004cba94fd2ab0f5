"""The demo's meetings and conferences: real past meetings, and the standing ones ahead.

Loaded while the site has no event at all; once there, events belong to their editors and
loading again changes nothing.
"""

import datetime as dt

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from editorial.models import Status
from press.models import PressRelease
from taxonomy import trees
from taxonomy.demo import named
from taxonomy.models import Country, FieldOfWork, MeetingType, Place, Structure

from . import demo_events as data
from .models import Event, EventStatus

VIENNA = dt.timezone(dt.timedelta(hours=1))
AGENDA_ITEMS = [
    "Opening session: welcome by the Chairperson-in-Office",
    "Statements by heads of delegation",
    "Working session: the security situation in the OSCE area",
    "Working session: economic, environmental and human dimension commitments",
    "Adoption of decisions and declarations",
    "Closing session and press conference",
]


def agenda_html(items):
    return "<ol>" + "".join(f"<li><p>{escape(item)}</p></li>" for item in items) + "</ol>"


def past_events():
    for title, city, code, start, end in data.SUMMITS:
        yield {
            "title": title,
            "type": "summit-meetings",
            "place": (city, code),
            "start": start,
            "end": end,
            "organiser": "chairpersonship",
            "summary": f"Heads of State or Government of the participating States met in {city}.",
        }
    for number, city, code, start, end in data.MINISTERIAL_COUNCILS:
        yield {
            "title": f"{data.ordinal(number)} OSCE Ministerial Council, {city} {start.year}",
            "type": "ministerial-council-meetings",
            "place": (city, code),
            "start": start,
            "end": end,
            "organiser": "chairpersonship",
            "summary": f"The foreign ministers of the participating States met in {city} for the "
            f"{data.ordinal(number)} meeting of the Ministerial Council, the organisation's "
            "central decision-making and governing body.",
        }
    for title, city, code, start, end in data.HUMAN_DIMENSION:
        yield {
            "title": title,
            "type": "human-rights-meetings",
            "place": (city, code),
            "start": start,
            "end": end,
            "organiser": "office-for-democratic-institutions-and-human-rights",
            "fields": ["human-rights", "democratization"],
            "summary": "Europe's largest annual human rights conference, where participating "
            "States and civil society review the implementation of human dimension commitments.",
        }


# Letters that Unicode does not decompose into a Latin one (slugify would drop them).
LATIN = str.maketrans({"Ł": "L", "ł": "l"})


def place(city, code):
    slug = slugify(city.translate(LATIN))
    found = Place.objects.filter(slug=slug).first()
    if found:
        return found
    country = Country.objects.filter(iso_code=code).first()
    return trees.create_node(Place, slug=slug, country=country, **named(city))


def releases_about(releases, start, end):
    """Of ``releases`` (oldest first), at most three published from a week before ``start`` to
    three days after ``end``: a demo event names only releases of its own days (it named the
    seed release of February 2016 on every summit since 1990)."""
    first = timezone.make_aware(dt.datetime.combine(start - dt.timedelta(days=7), dt.time.min))
    last = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=3), dt.time.max))
    return [release for release in releases if first <= release.published_at <= last][:3]


def load(stdout):
    if Event.objects.exists():
        stdout.write("Events: the site has its own, none created.\n")
        return []
    today = timezone.localdate()
    specs = [*past_events(), *data.upcoming(today)]
    types = {node.slug: node for node in MeetingType.objects.all()}
    structures = {node.slug: node for node in Structure.objects.all()}
    fields = {node.slug: node for node in FieldOfWork.objects.all()}
    releases = list(PressRelease.objects.listed().order_by("published_at").only("published_at"))
    created = []
    for spec in specs:
        start = spec["start"]
        times = spec.get("times", (None, None))
        published = min(
            dt.datetime.combine(start, dt.time(9), tzinfo=VIENNA) - dt.timedelta(days=30),
            timezone.now(),
        )
        event = Event.objects.create(
            title=spec["title"],
            meeting_type=types[spec["type"]],
            start_date=start,
            end_date=spec["end"],
            start_time=times[0],
            end_time=times[1],
            venue=place(*spec["place"]),
            address=spec.get("address", ""),
            organiser=structures[spec["organiser"]],
            event_status=spec.get(
                "status", EventStatus.CONCLUDED if spec["end"] < today else EventStatus.SCHEDULED
            ),
            status_note=spec.get("status_note", ""),
            summary=spec.get("summary")
            or f"{spec['title']}: a meeting of the participating States' representatives.",
            agenda=agenda_html(AGENDA_ITEMS),
            accreditation="Media representatives wishing to cover the meeting must register "
            "with the Press and Public Information Section.",
            accreditation_deadline=start - dt.timedelta(days=7) if start > today else None,
            status=Status.PUBLISHED,
            published_at=published,
            first_published_at=published,
        )
        event.fields_of_work.set(
            [fields[slug] for slug in spec.get("fields", []) if slug in fields]
        )
        if country := event.venue.country:
            event.countries.set([country])
        event.related_releases.set(releases_about(releases, start, spec["end"]))
        created.append(event)
    stdout.write(f"Events: {len(created)} created.\n")
    return created
