"""The seed page's press release and generated releases; built by `manage.py load_demo`.

Relies on the taxonomy demo (taxonomy.demo), whose nodes have slugify(name) slugs.
"""

import random
import re
import time
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from osce_cms.caching import bump_generation
from taxonomy.models import Country, FieldOfWork, Place, Structure

from . import demo_images, demo_translations
from .images import make_renditions
from .models import CoIssuer, Kind, PressRelease, Status

VIENNA = ZoneInfo("Europe/Vienna")

SEED_SLUG = (
    "osce-works-to-develop-co-operation-among-eastern-european-law-enforcement-agencies-in-"
    "countering-illicit-trafficking-in-new-psychoactive-substances"
)
SEED_TITLE = (
    "OSCE works to develop co-operation among Eastern European law enforcement agencies in "
    "countering illicit trafficking in New Psychoactive Substances"
)
SEED_PARAGRAPHS = [
    "MINSK, 17 February 2016 – More than 40 representatives of law enforcement agencies from "
    "Belarus, Bulgaria, Latvia, Lithuania, Moldova, the Russian Federation and Ukraine, and "
    "experts from eight international organizations concluded a two-day discussion in Minsk "
    "today on greater co-operation among law enforcement agencies in combating the increasing "
    "spread of new psychoactive substances.",
    "The roundtable discussion was aimed at developing appropriate national legislative "
    "measures, procedures and operational practices in dealing with the supply of New "
    "Psychoactive Substances in Eastern Europe through promoting best practices and successful "
    "experiences, as well as strengthening the networking capacities of law enforcement "
    "authorities in the region.",
    "The discussion was organized by the Strategic Police Matters Unit of the OSCE Transnational "
    "Threat Department in co-operation with the Belarusian Interior Ministry upon the request "
    "of Belarus.",
    "“The Republic of Belarus, due to its geographical location and rapidly developing "
    "migration, and integration processes, faces the multi-faceted challenge of illicit drugs "
    "and New Psychoactive Substances,” said Valentin Mikhnevich, First Deputy Interior Minister "
    "of Belarus. “The Belarusian authorities in co-operation with other member states of the "
    "Collective Security Treaty Organization have taken a number of legislative measures, "
    "including internet-related, in order to protect the country’s population, especially the "
    "youth, against this challenge.”",
    "Guy Vinet, Head of the OSCE’s Strategic Police Matters Unit, said that “New Psychoactive "
    "Substances pose an evolving global threat to at least more than 100 countries and "
    "territories, with the majority of them in Europe. New Psychoactive Substances include "
    "those that are not controlled under international law, and by the time authorities spot "
    "and regulate them, organized crime quickly switches to selling completely new substances. "
    "Robust legislative measures and co-ordinated operational practices are needed to overcome "
    "this situation.”",
]
SEED_LEAD = (
    "More than 40 representatives of law enforcement agencies from Belarus, Bulgaria, Latvia, "
    "Lithuania, Moldova, the Russian Federation and Ukraine, and experts from eight "
    "international organizations concluded a two-day discussion in Minsk on greater "
    "co-operation among law enforcement agencies in combating the increasing spread of new "
    "psychoactive substances."
)
SEED_COUNTRIES = [
    "belarus",
    "bulgaria",
    "latvia",
    "lithuania",
    "moldova",
    "russian-federation",
    "ukraine",
]


SEED_RU_SLUG = f"{SEED_SLUG}-ru"


def seed_body(paragraphs=SEED_PARAGRAPHS):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


@transaction.atomic
def load(stdout):
    """Create the seed press release while the site has no release at all.

    Once there, releases belong to the newsroom: loading again never re-publishes, reverts or
    restores anything an editor changed (the trash counts, so a deleted seed stays deleted).
    """
    if PressRelease.objects.exists():
        stdout.write("Press releases: the site has its own, none created.\n")
        return None
    release = PressRelease.objects.create(
        slug=SEED_SLUG,
        title=SEED_TITLE,
        published_at=datetime(2016, 2, 17, 15, 30, tzinfo=VIENNA),
        place=Place.objects.get(slug="minsk"),
        source=Structure.objects.get(slug="secretariat"),
        lead=SEED_LEAD,
        body=seed_body(),
        language="en",
        status=Status.PUBLISHED,
        first_published_at=datetime(2016, 2, 17, 15, 30, tzinfo=VIENNA),
    )
    release.fields_of_work.set([FieldOfWork.objects.get(slug="policing")])
    release.countries.set(Country.objects.filter(slug__in=SEED_COUNTRIES))
    release.add_place_country()
    stdout.write(f"Press release created: {release.title}\n")
    russian = PressRelease.objects.create(
        slug=SEED_RU_SLUG,
        title=demo_translations.SEED_RU_TITLE,
        published_at=release.published_at,
        place=release.place,
        source=release.source,
        lead=demo_translations.SEED_RU_LEAD,
        body=seed_body(demo_translations.SEED_RU_PARAGRAPHS),
        language="ru",
        translation_key=release.translation_key,
        translation_of=release,
        translated_at=release.published_at,
        status=Status.PUBLISHED,
        first_published_at=release.published_at,
    )
    russian.fields_of_work.set(release.fields_of_work.all())
    russian.countries.set(release.countries.all())
    stdout.write(f"Its Russian version: {russian.title}\n")
    return release


# Generated releases: realistic headlines assembled from parts, spread over every vocabulary.
ACTIONS = [
    "OSCE supports",
    "OSCE trains",
    "OSCE helps strengthen",
    "OSCE promotes",
    "OSCE discusses",
    "OSCE launches project on",
    "OSCE concludes workshop on",
    "OSCE hosts conference on",
    "OSCE experts review",
    "OSCE and partners advance",
]
SUBJECTS = [
    "border security co-operation",
    "media freedom and journalists' safety",
    "gender equality in the security sector",
    "countering violent extremism",
    "election observation methodology",
    "cyber security confidence-building measures",
    "combating trafficking in human beings",
    "environmental governance",
    "police reform",
    "rule of law and judicial independence",
    "the rights of national minorities",
    "small arms and light weapons destruction",
    "youth engagement in conflict prevention",
    "good governance and anti-corruption",
    "water management and disaster risk reduction",
    "community policing",
    "tolerance and non-discrimination",
    "economic connectivity",
]
AUDIENCES = [
    "for law enforcement officers",
    "with civil society representatives",
    "for young leaders",
    "with national authorities",
    "for journalists",
    "with parliamentarians",
    "for judges and prosecutors",
    "with local communities",
]
SENTENCES = [
    "Participants exchanged good practices and agreed on concrete next steps.",
    "The event brought together representatives of government, international organizations "
    "and civil society.",
    "Experts presented recent developments and discussed the challenges ahead.",
    "The activity is part of a long-term project funded by participating States.",
    "The host authorities thanked the Organization for its continued support.",
    "A follow-up meeting is planned for later in the year.",
    "Training materials were developed together with national institutions.",
    "The discussion focused on practical tools and regional co-operation.",
]
BATCH_SIZE = 5000
FIRST_YEAR, LAST_YEAR = 2010, 2026
# How often each kind occurs, and how often a release is issued jointly (with one or two
# current structures besides its source).
KIND_WEIGHTS = {
    Kind.PRESS_RELEASE: 70,
    Kind.NEWS_ITEM: 15,
    Kind.PRESS_STATEMENT: 10,
    Kind.MEDIA_ADVISORY: 5,
}
JOINT_SHARE = 0.12


def generate(count, stdout):
    """Add ``count`` generated press releases with bulk operations (deterministic per run).

    Each run continues numbering after the releases generated before it, so slugs never
    clash and the content is reproducible for a given database state.
    """
    started = time.monotonic()
    fields = list(FieldOfWork.objects.values_list("id", flat=True))
    countries = list(Country.objects.filter(children__isnull=True).values_list("id", flat=True))
    places = list(Place.objects.values_list("id", "country_id"))
    sources = list(Structure.objects.values_list("id", flat=True))
    partners = list(Structure.objects.current().values_list("id", flat=True))
    if not (fields and sources):
        stdout.write("No taxonomy: run the taxonomy demo first.\n")
        return 0
    first = PressRelease.objects.filter(slug__startswith="generated-").count() + 1
    rng = random.Random(first)
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=VIENNA)
    span = (datetime(LAST_YEAR, 12, 31, tzinfo=VIENNA) - start).total_seconds()
    now = timezone.now()
    fields_through = PressRelease.fields_of_work.through
    countries_through = PressRelease.countries.through
    for batch_start in range(first, first + count, BATCH_SIZE):
        numbers = range(batch_start, min(batch_start + BATCH_SIZE, first + count))
        releases, tags = [], []
        for number in numbers:
            release, release_fields, release_countries = _generated(
                rng, number, start, span, now, fields, countries, places, sources
            )
            releases.append(release)
            tags.append((release_fields, release_countries, _co_issuers(rng, release, partners)))
        with transaction.atomic():
            PressRelease.objects.bulk_create(releases, batch_size=1000)
            if releases[0].pk is None:  # backends that do not return ids (none we use)
                slugs = [release.slug for release in releases]
                ids = dict(PressRelease.objects.filter(slug__in=slugs).values_list("slug", "id"))
                for release in releases:
                    release.pk = ids[release.slug]
            fields_through.objects.bulk_create(
                [
                    fields_through(pressrelease_id=release.pk, fieldofwork_id=field)
                    for release, (release_fields, _c, _i) in zip(releases, tags, strict=True)
                    for field in release_fields
                ],
                batch_size=5000,
            )
            countries_through.objects.bulk_create(
                [
                    countries_through(pressrelease_id=release.pk, country_id=country)
                    for release, (_f, release_countries, _i) in zip(releases, tags, strict=True)
                    for country in release_countries
                ],
                batch_size=5000,
            )
            CoIssuer.objects.bulk_create(
                [
                    CoIssuer(release_id=release.pk, structure_id=structure, position=position)
                    for release, (_f, _c, co_issuers) in zip(releases, tags, strict=True)
                    for position, structure in enumerate(co_issuers)
                ],
                batch_size=5000,
            )
    analyze_tables([PressRelease, fields_through, countries_through, CoIssuer])
    elapsed = time.monotonic() - started
    stdout.write(f"Generated {count} press releases in {elapsed:.1f} s.\n")
    return count


def analyze_tables(models):
    """Give PostgreSQL's planner statistics for the bulk-loaded rows: without them it expects
    one row per table and picks plans a thousand times slower (nested loops over the archive).
    """
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _generated(rng, number, start, span, now, fields, countries, places, sources):
    title = f"{rng.choice(ACTIONS)} {rng.choice(SUBJECTS)} {rng.choice(AUDIENCES)}"
    published_at = start + timedelta(seconds=rng.uniform(0, span))
    place_id, place_country = rng.choice(places) if places and rng.random() < 0.9 else (None, None)
    release_fields = rng.sample(fields, k=min(len(fields), rng.choice((1, 1, 2, 3))))
    release_countries = set(rng.sample(countries, k=min(len(countries), rng.randint(0, 3))))
    if place_country:
        release_countries.add(place_country)
    paragraphs = rng.sample(SENTENCES, k=4)
    lead = f"{title}. {paragraphs[0]}"
    status = Status.PUBLISHED if published_at <= now else Status.SCHEDULED
    if rng.random() < 0.03:
        status = Status.DRAFT
    release = PressRelease(
        title=title,
        slug=f"generated-{number}-{slugify(title)}"[:300],
        published_at=published_at,
        place_id=place_id,
        source_id=rng.choice(sources),
        lead=lead,
        body="".join(f"<p>{escape(sentence)}</p>" for sentence in paragraphs),
        status=status,
        first_published_at=published_at if status != Status.DRAFT else None,
        kind=rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0],
    )
    return release, release_fields, sorted(release_countries)


def _co_issuers(rng, release, partners):
    """A few releases are issued jointly: one or two current structures besides the source."""
    if rng.random() >= JOINT_SHARE:
        return []
    others = [pk for pk in partners if pk != release.source_id]
    return rng.sample(others, k=min(len(others), rng.choice((1, 1, 2))))


# The demo newsroom of `make run`: enough releases to judge filters, facets, pagination and the
# home page, a third of them with lead images (a few distinct ones, each shared by several).
NEWSROOM_SIZE = 320
NEWSROOM_IMAGES = 16


def load_newsroom(stdout, size=NEWSROOM_SIZE):
    """Generate the demo newsroom while the site has no release but the seed (never again)."""
    if PressRelease.objects.exclude(slug__in=[SEED_SLUG, SEED_RU_SLUG]).exists():
        stdout.write("Demo newsroom: the site has releases of its own, none generated.\n")
        return 0
    generate(size, stdout)
    releases = PressRelease.objects.filter(slug__startswith="generated-").order_by("pk")[::3]
    images = [_demo_image(number) for number in range(min(NEWSROOM_IMAGES, len(releases)))]
    for index, release in enumerate(releases):
        image = images[index % len(images)]
        release.lead_image = image["name"]
        release.lead_image_width = image["renditions"]["width"]
        release.lead_image_height = image["renditions"]["height"]
        release.lead_image_renditions = image["renditions"]
        release.lead_image_alt = image["alt"]
    PressRelease.objects.bulk_update(
        releases,
        [
            "lead_image",
            "lead_image_width",
            "lead_image_height",
            "lead_image_renditions",
            "lead_image_alt",
        ],
        batch_size=500,
    )
    translated = _translate_share()
    bump_generation()  # bulk writes send no signals
    stdout.write(
        f"Demo newsroom: {size} press releases, {len(releases)} with lead images, "
        f"{translated} translations.\n"
    )
    return size


# A share of the generated newsroom also exists in French or Russian: one release in eight in
# each, as linked translations with the same tags (editorial/translations.py).
TRANSLATED_SHARE = {0: "fr", 4: "ru"}
COPIED = [
    "published_at",
    "first_published_at",
    "status",
    "place_id",
    "source_id",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_renditions",
    "lead_image_alt",
]


def _translate_share():
    sources = list(
        PressRelease.objects.filter(
            slug__startswith="generated-", status=Status.PUBLISHED, translation_of__isnull=True
        ).order_by("pk")
    )
    copies = []
    for index, source in enumerate(sources):
        language = TRANSLATED_SHARE.get(index % 8)
        if language is None:
            continue
        title, paragraphs = translated_text(source, language)
        copies.append(
            PressRelease(
                **{name: getattr(source, name) for name in COPIED},
                title=title,
                slug=f"{source.slug[: 300 - 3]}-{language}",
                lead=f"{title}. {paragraphs[0]}",
                body="".join(f"<p>{escape(sentence)}</p>" for sentence in paragraphs),
                language=language,
                translation_key=source.translation_key,
                translation_of_id=source.pk,
                translated_at=source.published_at,
            )
        )
    with transaction.atomic():
        PressRelease.objects.bulk_create(copies, batch_size=1000)
        by_source = {copy.translation_of_id: copy.pk for copy in copies}
        for through, column in (
            (PressRelease.fields_of_work.through, "fieldofwork_id"),
            (PressRelease.countries.through, "country_id"),
        ):
            rows = through.objects.filter(pressrelease_id__in=by_source).values_list(
                "pressrelease_id", column
            )
            through.objects.bulk_create(
                [
                    through(pressrelease_id=by_source[source], **{column: tag})
                    for source, tag in rows
                ],
                batch_size=5000,
            )
    return len(copies)


def translated_text(release, language):
    """(title, paragraphs) of a generated release in ``language``, from its English parts."""
    parts = demo_translations.GENERATED[language]
    action = next(a for a in ACTIONS if release.title.startswith(f"{a} "))
    audience = next(a for a in AUDIENCES if release.title.endswith(f" {a}"))
    subject = release.title[len(action) + 1 : -len(audience) - 1]
    title = " ".join(
        [parts["actions"][action], parts["subjects"][subject], parts["audiences"][audience]]
    )
    sentences = [unescape(text) for text in re.findall(r"<p>(.*?)</p>", release.body)]
    return title, [parts["sentences"][sentence] for sentence in sentences]


def _demo_image(number):
    data, alt = demo_images.draw(number)
    name = default_storage.save(f"press/images/demo/demo-{number}.jpg", ContentFile(data))
    field = PressRelease._meta.get_field("lead_image")
    return {
        "name": name,
        "alt": alt,
        "renditions": make_renditions(field.attr_class(None, field, name)),
    }
