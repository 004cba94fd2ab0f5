"""The demo's events as data: publicly known past meetings, and recurring ones ahead.

Each past entry is a real meeting (CSCE/OSCE summits and Ministerial Councils with their host
cities and dates; Warsaw human dimension meetings). Entries marked ``recurring`` follow the
organisation's standing pattern (the Permanent Council meets in Vienna on Thursdays, the Forum
for Security Co-operation on Wednesdays) and are dated relative to the day the demo is loaded.

Fields: title, meeting type (by name, as in ``taxonomy.demo.MEETING_TYPES``), place name and
country code, start date, end date, organiser (structure path of slugs), fields of work.
"""

import datetime as dt

D = dt.date

SUMMITS = [
    (
        "Conference on Security and Co-operation in Europe: Helsinki Summit",
        "Helsinki",
        "FI",
        D(1975, 7, 30),
        D(1975, 8, 1),
    ),
    ("CSCE Paris Summit", "Paris", "FR", D(1990, 11, 19), D(1990, 11, 21)),
    ("CSCE Helsinki Summit", "Helsinki", "FI", D(1992, 7, 9), D(1992, 7, 10)),
    ("CSCE Budapest Summit", "Budapest", "HU", D(1994, 12, 5), D(1994, 12, 6)),
    ("OSCE Lisbon Summit", "Lisbon", "PT", D(1996, 12, 2), D(1996, 12, 3)),
    ("OSCE Istanbul Summit", "Istanbul", "TR", D(1999, 11, 18), D(1999, 11, 19)),
    ("OSCE Astana Summit", "Astana", "KZ", D(2010, 12, 1), D(2010, 12, 2)),
]

# (ordinal, host city, country code, start, end)
MINISTERIAL_COUNCILS = [
    (21, "Basel", "CH", D(2014, 12, 4), D(2014, 12, 5)),
    (22, "Belgrade", "RS", D(2015, 12, 3), D(2015, 12, 4)),
    (23, "Hamburg", "DE", D(2016, 12, 8), D(2016, 12, 9)),
    (24, "Vienna", "AT", D(2017, 12, 7), D(2017, 12, 8)),
    (25, "Milan", "IT", D(2018, 12, 6), D(2018, 12, 7)),
    (26, "Bratislava", "SK", D(2019, 12, 5), D(2019, 12, 6)),
    (27, "Tirana", "AL", D(2020, 12, 3), D(2020, 12, 4)),
    (28, "Stockholm", "SE", D(2021, 12, 2), D(2021, 12, 3)),
    (29, "Łódź", "PL", D(2022, 12, 1), D(2022, 12, 2)),
    (30, "Skopje", "MK", D(2023, 11, 30), D(2023, 12, 1)),
    (31, "Ta' Qali", "MT", D(2024, 12, 5), D(2024, 12, 6)),
]

HUMAN_DIMENSION = [
    ("Human Dimension Implementation Meeting 2019", "Warsaw", "PL", D(2019, 9, 16), D(2019, 9, 27)),
    ("Warsaw Human Dimension Conference 2023", "Warsaw", "PL", D(2023, 10, 2), D(2023, 10, 13)),
    ("Warsaw Human Dimension Conference 2024", "Warsaw", "PL", D(2024, 9, 30), D(2024, 10, 11)),
]


def ordinal(number):
    """English ordinal of ``number`` ("21st", "22nd", "23rd", "24th")."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def upcoming(today):
    """Meetings ahead of ``today``, on the organisation's standing pattern (illustrative)."""

    def next_weekday(weekday, weeks_ahead):
        days = (weekday - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=days + 7 * weeks_ahead)

    events = []
    for week in range(4):
        day = next_weekday(3, week)  # Thursdays
        events.append(
            {
                "title": f"Plenary meeting of the Permanent Council, {day:%d %B %Y}",
                "type": "plenary-meetings-of-the-permanent-council",
                "place": ("Vienna", "AT"),
                "start": day,
                "end": day,
                "times": (dt.time(10, 0), dt.time(13, 0)),
                "organiser": "chairpersonship",
                "address": "Hofburg, Heldenplatz",
            }
        )
    for week in range(3):
        day = next_weekday(2, week)  # Wednesdays
        events.append(
            {
                "title": f"Plenary meeting of the Forum for Security Co-operation, {day:%d %B %Y}",
                "type": "plenary-meetings-of-the-forum-for-security-co-operation",
                "place": ("Vienna", "AT"),
                "start": day,
                "end": day,
                "times": (dt.time(10, 0), dt.time(13, 0)),
                "organiser": "chairpersonship",
                "address": "Hofburg, Heldenplatz",
            }
        )
    year = today.year + 1
    events += [
        {
            "title": f"Annual Security Review Conference {year}",
            "type": "security-review-conferences",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 6, 23),
            "end": dt.date(year, 6, 25),
            "organiser": "conflict-prevention-centre",
            "fields": ["conflict-prevention-and-resolution", "arms-control"],
        },
        {
            "title": f"Economic and Environmental Forum {year}: first preparatory meeting",
            "type": "economic-and-environmental-forum",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 2, 9),
            "end": dt.date(year, 2, 10),
            "organiser": "office-of-the-co-ordinator-of-osce-economic-and-environmental-activities",
            "fields": ["economic-activities", "environmental-activities"],
        },
        {
            "title": f"Conference of the Alliance against Trafficking in Persons {year}",
            "type": "conference-of-the-alliance-against-trafficking-in-persons",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 4, 20),
            "end": dt.date(year, 4, 21),
            "organiser": "office-of-the-special-representative-and-co-ordinator-for-combating-"
            "trafficking-in-human-beings",
            "fields": ["combating-trafficking-in-human-beings"],
        },
        {
            "title": f"OSCE Cyber/ICT Security Conference {year}",
            "type": "cyberict-security-conferences",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 3, 17),
            "end": dt.date(year, 3, 17),
            "times": (dt.time(9, 30), dt.time(17, 30)),
            "organiser": "transnational-threats-department",
            "fields": ["cyberict-security"],
        },
        {
            "title": f"OSCE Gender Equality Review Conference {year}",
            "type": "gender-equality-conferences",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 5, 12),
            "end": dt.date(year, 5, 13),
            "organiser": "gender-issues-programme",
            "fields": ["gender-equality"],
        },
        {
            "title": f"South East Europe Media Conference {year}",
            "type": "media-conferences",
            "place": ("Skopje", "MK"),
            "start": dt.date(year, 10, 6),
            "end": dt.date(year, 10, 7),
            "organiser": "representative-on-freedom-of-the-media",
            "fields": ["media-freedom-and-development"],
        },
        {
            "title": f"Annual OSCE Mediterranean Conference {year}",
            "type": "annual-osce-mediterranean-conferences",
            "place": ("Valletta", "MT"),
            "start": dt.date(year, 10, 20),
            "end": dt.date(year, 10, 21),
            "organiser": "chairpersonship",
            "status": "postponed",
            "status_note": "Postponed at the request of the host country; new dates will be "
            "announced.",
        },
        {
            "title": f"Annual OSCE Asian Conference {year}",
            "type": "annual-osce-asian-conferences",
            "place": ("Vienna", "AT"),
            "start": dt.date(year, 9, 14),
            "end": dt.date(year, 9, 15),
            "organiser": "chairpersonship",
            "status": "cancelled",
            "status_note": "Cancelled: the conference will be held together with next year's.",
        },
    ]
    return events
