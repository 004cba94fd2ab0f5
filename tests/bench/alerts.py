"""`make bench`, e-mail alerts: matching one published release against 100,000 subscriptions,
and building and sending 10,000 immediate alerts.

    python -m tests.bench.alerts

Builds a dedicated PostgreSQL database afresh (BENCH_ALERTS_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/osce_bench_alerts) with the demo content and
BENCH_SUBSCRIPTIONS (100,000) confirmed subscriptions spread over BENCH_FILTERS (2,000) random
newsroom filters (one to three tree filters, a fifth with a word), then:

1. matching: one release tagged deep in the trees is matched (the term index query and the
   matching subscriptions' ids) and its deliveries recorded; target ≤ 1 s;
2. sending: BENCH_ALERTS (10,000) subscriptions follow the release's field of work; their
   immediate alerts are built and sent to Django's file mail backend; target ≤ 60 s, with the
   process's resident memory sampled throughout (flat: it must not grow with the number sent).

Production settings, DEBUG off. Prints a table and writes tests/bench/results/alerts.md.
"""

import os
import random
import resource
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from .server import PROJECT, ensure_database, manage, production_environment

DATABASE_URL = os.environ.get(
    "BENCH_ALERTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/osce_bench_alerts"
)
SUBSCRIPTIONS = int(os.environ.get("BENCH_SUBSCRIPTIONS", "100000"))
FILTERS = int(os.environ.get("BENCH_FILTERS", "2000"))
ALERTS = int(os.environ.get("BENCH_ALERTS", "10000"))
RESULTS = PROJECT / "tests" / "bench" / "results"
MATCH_TARGET, SEND_TARGET = 1.0, 60.0


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


class MemorySampler(threading.Thread):
    def __init__(self, interval=0.1):
        super().__init__(daemon=True)
        self.interval, self.samples, self.running = interval, [], True

    def run(self):
        while self.running:
            self.samples.append(rss_mb())
            time.sleep(self.interval)

    def stop(self):
        self.running = False
        self.join()
        return self.samples


def subscribe(count, choose_query, prefix):
    """``count`` confirmed subscriptions, each of a new address, to ``choose_query()``'s filter."""
    from django.http import QueryDict
    from django.utils import timezone

    from alerts import registry, subscriptions
    from alerts.models import Subscriber, Subscription

    kind = registry.get("press")
    filters = {}
    now = timezone.now()
    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        subscribers = Subscriber.objects.bulk_create(
            Subscriber(email=f"{prefix}{start + n}@bench.example.org") for n in range(size)
        )
        rows = []
        for subscriber in subscribers:
            query = choose_query()
            if query not in filters:
                filters[query] = subscriptions.filter_for(kind, kind.parse(QueryDict(query)))
            rows.append(
                Subscription(subscriber=subscriber, filter=filters[query], confirmed_at=now)
            )
        Subscription.objects.bulk_create(rows)
    return len(filters)


def random_query_maker(rng):
    from taxonomy.models import Country, FieldOfWork, Structure

    trees = {
        "field_of_work": list(FieldOfWork.objects.values_list("slug", flat=True)),
        "country": list(Country.objects.values_list("slug", flat=True)),
        "source": list(Structure.objects.values_list("slug", flat=True)),
    }
    words = ["police", "elections", "border", "media", "gender", "water", "youth", "roma"]

    def make():
        names = rng.sample(sorted(trees), rng.randint(1, 3))
        parts = [f"{name}={rng.choice(trees[name])}" for name in names]
        if rng.random() < 0.2:
            parts.append(f"q={rng.choice(words)}")
        return "&".join(parts)

    return make


def published_release():
    """A listed release tagged with a deep field of work, a country in a group, a unit."""
    from django.utils import timezone

    from press.models import PressRelease, Status
    from taxonomy.models import Country, FieldOfWork, Structure

    field = FieldOfWork.objects.order_by("-level", "pk").first()
    country = Country.objects.order_by("-level", "pk").first()
    source = Structure.objects.order_by("-level", "pk").first()
    release = PressRelease.objects.create(
        title="Police reform and elections: the bench release",
        slug=f"bench-alerts-{int(time.time())}",
        lead="A lead of the usual length for a press release, one or two sentences long.",
        body="<p>" + "Police border elections media water. " * 80 + "</p>",
        source=source,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    release.fields_of_work.set([field])
    release.countries.set([country])
    return release, field


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    mail_folder = Path(tempfile.mkdtemp(prefix="osce-bench-mail-"))
    ensure_database(DATABASE_URL, recreate=True)
    env = production_environment(
        DATABASE_URL,
        RESULTS / "static",
        settings="tests.bench.settings",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_folder),
        SITE_URL="https://www.example.org",
    )
    os.environ.update(env)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "-v0")

    import django

    django.setup()
    from django.db import connection

    from alerts import delivery, matching, registry
    from alerts.models import Delivery, DeliveryStatus

    kind = registry.get("press")
    rng = random.Random(15)
    started = time.monotonic()
    make_query = random_query_maker(rng)
    pool = [make_query() for _ in range(FILTERS)]
    distinct = subscribe(SUBSCRIPTIONS, lambda: rng.choice(pool), "reader")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"{SUBSCRIPTIONS} subscriptions over {distinct} filters "
        f"in {time.monotonic() - started:.1f} s"
    )
    release, field = published_release()

    started = time.monotonic()
    keys = kind.item_keys(release)
    matched = list(matching.matching_subscriptions(kind, release).values_list("id", flat=True))
    match_seconds = time.monotonic() - started
    matching.record_deliveries(kind, release)
    record_seconds = time.monotonic() - started
    print(
        f"matched {len(matched)} in {match_seconds:.3f} s ({record_seconds:.3f} s with deliveries)"
    )

    # Sending: ALERTS more subscribers follow the release's field of work.
    subscribe(ALERTS, lambda: f"field_of_work={field.slug}", "follower")
    Delivery.objects.all().delete()
    matching.record_deliveries(kind, release)
    waiting = Delivery.objects.filter(status=DeliveryStatus.PENDING).count()
    sampler = MemorySampler()
    before = rss_mb()
    sampler.start()
    started, cpu_started = time.monotonic(), time.process_time()
    sent = delivery.send_immediate(kind, release.pk)
    send_seconds, send_cpu = time.monotonic() - started, time.process_time() - cpu_started
    samples = sampler.stop()
    quarter = max(1, len(samples) // 4)
    first_quarter, last_quarter = max(samples[:quarter]), max(samples[-quarter:])
    files = sum(1 for _ in mail_folder.iterdir())

    rows = [
        (
            f"matching 1 release × {SUBSCRIPTIONS:,} subscriptions "
            f"({distinct:,} filters, {len(keys)} keys)",
            f"{match_seconds:.3f} s ({len(matched):,} matched; "
            f"{record_seconds:.3f} s with deliveries recorded)",
            f"≤ {MATCH_TARGET:.0f} s",
            "✓" if record_seconds <= MATCH_TARGET else "✗",
        ),
        (
            f"building and sending {waiting:,} immediate alerts (file backend)",
            f"{send_seconds:.1f} s ({sent:,} sent, {sent / send_seconds:.0f}/s, "
            f"{send_cpu:.1f} s of CPU, {files} files)",
            f"≤ {SEND_TARGET:.0f} s",
            "✓" if send_seconds <= SEND_TARGET else "✗",
        ),
        (
            "resident memory while sending",
            f"{before:.0f} MB before; max {first_quarter:.0f} MB in the first quarter, "
            f"{last_quarter:.0f} MB in the last",
            "flat",
            "✓" if last_quarter - first_quarter < 20 else "✗",
        ),
    ]
    table = "\n".join(
        [
            f"E-mail alerts, {datetime.now():%Y-%m-%d %H:%M} (load average "
            f"{os.getloadavg()[0]:.1f}; {os.cpu_count()} CPUs)",
            "",
            "| measure | result | target | |",
            "|---|---|---|---|",
            *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        ]
    )
    (RESULTS / "alerts.md").write_text(table + "\n")
    print()
    print(table)
    return 0 if all(row[3] == "✓" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
