"""The demo library: some fifty documents of every type, their PDFs made here (never
downloaded), several in two or more languages, decisions with their reference numbers.

Built by ``manage.py load_demo --newsroom`` while the library is empty; relies on the taxonomy
demo (``taxonomy.demo``, slugs are ``slugify(name)``). The files are the project's own, so
their page count, text and cover are derived in this process rather than by the worker.
"""

import random
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from editorial.models import Status
from taxonomy.models import Country, DocumentType, FieldOfWork, Structure

from . import processing
from .models import Document, DocumentFile
from .pdf_writer import make_pdf
from .search import refresh_vectors

VIENNA = ZoneInfo("Europe/Vienna")

# Language -> (the decision's title pattern, the paragraphs of its text).
DECISION_TEXT = {
    "en": (
        "Decision No. {number}: {subject}",
        [
            "The Permanent Council, recalling the commitments of the participating States, "
            "decides to {subject_lower}.",
            "The Council requests the Secretary General to report on the implementation of "
            "this decision before the end of the year, and to keep the participating States "
            "informed of any developments.",
        ],
    ),
    "fr": (
        "Décision no {number} : {subject}",
        [
            "Le Conseil permanent, rappelant les engagements des États participants, décide de "
            "donner suite à la présente décision.",
            "Le Conseil prie le Secrétaire général de faire rapport sur la mise en œuvre de la "
            "présente décision avant la fin de l’année.",
        ],
    ),
    "de": (
        "Beschluss Nr. {number}: {subject}",
        [
            "Der Ständige Rat, eingedenk der Verpflichtungen der Teilnehmerstaaten, beschließt, "
            "diesem Beschluss Folge zu leisten.",
            "Der Rat ersucht den Generalsekretär, vor Jahresende über die Umsetzung dieses "
            "Beschlusses zu berichten.",
        ],
    ),
    "es": (
        "Decisión Nº {number}: {subject}",
        [
            "El Consejo Permanente, recordando los compromisos de los Estados participantes, "
            "decide dar curso a la presente decisión.",
            "El Consejo pide al Secretario General que informe sobre la aplicación de la "
            "presente decisión antes de fin de año.",
        ],
    ),
    "it": (
        "Decisione N. {number}: {subject}",
        [
            "Il Consiglio permanente, richiamando gli impegni degli Stati partecipanti, decide "
            "di dare seguito alla presente decisione.",
            "Il Consiglio chiede al Segretario generale di riferire sull’attuazione della "
            "presente decisione entro la fine dell’anno.",
        ],
    ),
}
SUBJECTS = [
    (
        "Extension of the mandate of the Mission to Moldova",
        "field-operations",
        "conflict-prevention-and-resolution",
    ),
    ("Dates and place of the next Ministerial Council", "chairpersonship", "arms-control"),
    ("Agenda of the Annual Security Review Conference", "chairpersonship", "arms-control"),
    (
        "Extension of the mandate of the Programme Office in Bishkek",
        "field-operations",
        "good-governance",
    ),
    (
        "Combating trafficking in human beings",
        "secretariat",
        "combating-trafficking-in-human-beings",
    ),
    ("Approval of the Unified Budget", "secretariat", "good-governance"),
    ("Border security and management concept", "secretariat", "border-management"),
    ("Strengthening co-operation against terrorism", "secretariat", "countering-terrorism"),
    ("Promoting gender equality", "gender-issues-programme", "gender-equality"),
    (
        "Media freedom and the safety of journalists",
        "representative-on-freedom-of-the-media",
        "media-freedom-and-development",
    ),
    ("Preventing and combating corruption", "secretariat", "good-governance"),
    ("Environmental security and climate change", "secretariat", "environmental-activities"),
]
# Other types: (type slug, title pattern, issuer slug, field of work slug, how many).
OTHERS = [
    ("statements", "Statement by the Chairpersonship on {topic}", "chairpersonship", 8),
    ("reports", "Annual report on {topic}", "secretariat", 8),
    (
        "publications",
        "Handbook on {topic}",
        "office-for-democratic-institutions-and-human-rights",
        6,
    ),
    ("speeches", "Address of the Secretary General on {topic}", "secretary-general", 4),
    ("factsheets", "Factsheet: {topic}", "secretariat", 4),
]
TOPICS = [
    "election observation", "policing", "border management", "media freedom",
    "national minorities", "the rule of law", "cybersecurity", "water and energy security",
    "tolerance and non-discrimination", "the safety of journalists", "youth and security",
    "small arms and light weapons",
]  # fmt: skip
LANGUAGE_SETS = [("en",), ("en", "fr"), ("en", "de", "fr"), ("en", "es", "it"), ("en",)]


def _node(model, slug, default):
    return model.objects.filter(slug=slug).first() or default


def _published(day):
    return datetime.combine(day, time(10, 0), tzinfo=VIENNA)


def _make(*, title, slug, kind, reference, day, issuer, field, countries, languages, texts):
    document = Document.objects.create(
        title=title,
        slug=slug,
        document_type=kind,
        reference_number=reference,
        date=day,
        issuer=issuer,
        summary=texts["en"][0][:300],
        status=Status.PUBLISHED,
        published_at=_published(day),
        first_published_at=_published(day),
    )
    if field is not None:
        document.fields_of_work.add(field)
    document.countries.add(*countries)
    for position, language in enumerate(languages):
        data = make_pdf(texts[language][1], texts[language][0], pages=1 + position)
        document_file = DocumentFile(document=document, language=language, position=position)
        document_file.file.save(f"{slug}-{language}.pdf", ContentFile(data), save=False)
        processing.apply(document_file, processing.derive(data))
        document_file.save()
    return document


def load_library(stdout, count=None):
    """Build the demo library if it has no document yet; returns the number made."""
    if Document.objects.exists():
        stdout.write("Documents library: kept as it is.")
        return 0
    rng = random.Random(14)
    fallback_issuer = Structure.objects.order_by("tree_id", "lft").first()
    fallback_kind = DocumentType.objects.order_by("tree_id", "lft").first()
    if fallback_issuer is None or fallback_kind is None:
        stdout.write("Documents library: no structures or document types to file under.")
        return 0
    countries = list(Country.objects.exclude(iso_code="").order_by("tree_id", "lft")[:40])
    made = []
    with transaction.atomic():
        pc = _node(DocumentType, "permanent-council-decisions", fallback_kind)
        mc = _node(DocumentType, "ministerial-council-decisions", fallback_kind)
        for index, (subject, issuer, field) in enumerate(SUBJECTS):
            number = 1400 + index
            day = date(2018 + index % 8, 1 + index % 12, 1 + index * 2)
            languages = LANGUAGE_SETS[index % len(LANGUAGE_SETS)]
            texts = {}
            for language in languages:
                pattern, paragraphs = DECISION_TEXT[language]
                heading = pattern.format(number=number, subject=subject)
                body = [
                    p.format(subject_lower=subject[0].lower() + subject[1:]) for p in paragraphs
                ]
                texts[language] = (body, heading)
            made.append(
                _make(
                    title=f"Decision No. {number}: {subject}",
                    slug=f"pc-dec-{number}",
                    kind=pc,
                    reference=f"PC.DEC/{number}",
                    day=day,
                    issuer=_node(Structure, issuer, fallback_issuer),
                    field=_node(FieldOfWork, field, None),
                    countries=rng.sample(countries, k=min(2, len(countries))),
                    languages=languages,
                    texts=texts,
                )
            )
        for index in range(8):
            year = 18 + index
            subject = SUBJECTS[(index * 5) % len(SUBJECTS)][0]
            made.append(
                _make(
                    title=f"Ministerial Council Decision No. {index + 1}/{year}: {subject}",
                    slug=f"mc-dec-{index + 1}-{year}",
                    kind=mc,
                    reference=f"MC.DEC/{index + 1}/{year}",
                    day=date(2000 + year, 12, 6),
                    issuer=_node(Structure, "chairpersonship", fallback_issuer),
                    field=None,
                    countries=[],
                    languages=("en", "fr") if index % 2 else ("en",),
                    texts={
                        language: (
                            [DECISION_TEXT[language][1][0], DECISION_TEXT[language][1][1]],
                            f"MC.DEC/{index + 1}/{year}",
                        )
                        for language in ("en", "fr")
                    },
                )
            )
        for slug, pattern, issuer, number in OTHERS:
            kind = _node(DocumentType, slug, fallback_kind)
            for index in range(number):
                topic = TOPICS[(index * 7 + len(slug)) % len(TOPICS)]
                title = pattern.format(topic=topic)
                paragraphs = [
                    f"This document sets out the Organization's work on {topic} in "
                    f"{2019 + index}, with the results achieved and the next steps.",
                    f"It was prepared with the participating States and the field operations; "
                    f"its recommendations on {topic} are addressed to the authorities.",
                ] * (3 + index)
                made.append(
                    _make(
                        title=title,
                        slug=f"{slugify(title)}-{2019 + index}",
                        kind=kind,
                        reference="",
                        day=date(2019 + index, 3 + index % 9, 10 + index),
                        issuer=_node(Structure, issuer, fallback_issuer),
                        field=_node(FieldOfWork, slugify(topic), None),
                        countries=rng.sample(countries, k=min(1 + index % 3, len(countries))),
                        languages=("en",),
                        texts={"en": (paragraphs, title)},
                    )
                )
    refresh_vectors([document.pk for document in made])
    stdout.write(f"Documents library: {len(made)} document(s) created.")
    return len(made)


GENERATED_WORDS = [
    "security",
    "co-operation",
    "mandate",
    "mission",
    "monitoring",
    "elections",
    "borders",
    "policing",
    "media",
    "minorities",
    "environment",
    "water",
    "energy",
    "trafficking",
    "terrorism",
    "cyber",
    "gender",
    "youth",
    "tolerance",
]


def generate(count, stdout, batch=2000):
    """Add ``count`` generated documents (the benchmark's library), in bulk.

    Each has one English file row sharing one stored PDF, with a generated text to search; no
    cover. Signals are not sent (bulk writes): the search vectors are refreshed here and the
    content generation advanced once.
    """
    from osce_cms.caching import bump_generation

    rng = random.Random(count)
    kinds = list(DocumentType.objects.all()) or []
    issuers = list(Structure.objects.all())
    if not kinds or not issuers:
        stdout.write("Documents: no structures or document types to file under.")
        return 0
    fields = list(FieldOfWork.objects.values_list("pk", flat=True))
    countries = list(Country.objects.exclude(iso_code="").values_list("pk", flat=True))
    shared = DocumentFile(language="en")
    shared.file.save("generated.pdf", ContentFile(make_pdf("Generated", ["Text."])), save=False)
    start = Document.objects.count()
    made = 0
    while made < count:
        size = min(batch, count - made)
        documents = []
        for offset in range(size):
            number = start + made + offset + 1
            day = date(2000 + rng.randrange(27), rng.randrange(1, 13), rng.randrange(1, 29))
            words = " ".join(rng.choices(GENERATED_WORDS, k=6))
            documents.append(
                Document(
                    title=f"Generated document {number}: {words}",
                    slug=f"generated-document-{number}",
                    document_type=rng.choice(kinds),
                    date=day,
                    issuer=rng.choice(issuers),
                    summary=f"A generated document about {words}.",
                    status=Status.PUBLISHED,
                    published_at=_published(day),
                    first_published_at=_published(day),
                )
            )
        with transaction.atomic():
            documents = Document.objects.bulk_create(documents)
            DocumentFile.objects.bulk_create(
                DocumentFile(
                    document=document,
                    language="en",
                    file=shared.file.name,
                    size=shared.file.size,
                    page_count=1,
                    text=" ".join(rng.choices(GENERATED_WORDS, k=200)),
                    processed_file=shared.file.name,
                )
                for document in documents
            )
            tags = Document.fields_of_work.through
            tags.objects.bulk_create(
                tags(document_id=document.pk, fieldofwork_id=rng.choice(fields))
                for document in documents
                if fields
            )
            places = Document.countries.through
            places.objects.bulk_create(
                places(document_id=document.pk, country_id=rng.choice(countries))
                for document in documents
                if countries
            )
            refresh_vectors([document.pk for document in documents])
        made += size
    bump_generation()
    stdout.write(f"Documents: {made} generated document(s) added.")
    return made
