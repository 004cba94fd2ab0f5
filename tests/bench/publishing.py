"""Publishing under load (issue 18): the cached site while a release is published.

    python -m tests.bench.publishing

Serves the site with gunicorn (production settings, page cache on, ``BENCH_WORKERS`` sync
workers), warms 50 public URLs (home, newsroom pages and filters, release pages, events), then
drives them all with wrk (``BENCH_CONNECTIONS``, 32, each connection going round the list,
tests/bench/paths.lua) for ``BENCH_PUBLISH_SECONDS`` (30) without a change, and again for as
long while a new release is published through the engine one second in. Target: the p99 of the
30 s after the publication at most ``MAX_RATIO`` times the steady p99, and no request failing.

Uses the database of `make bench` (``BENCH_DATABASE_URL``; loaded by it) and the cache the
environment gives (``REDIS_URL``, else each worker's own memory). Prints the table and exits
non-zero when the target is missed.
"""

import os
import re
import sys
import tempfile
import threading
import time

from .run import DATABASE_URL, RESULTS, run_wrk
from .server import fetch, free_port, gunicorn, manage, production_environment

SECONDS = int(os.environ.get("BENCH_PUBLISH_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
MAX_RATIO = 3
URLS = 50


def public_paths():
    """50 addresses a visitor would ask for: the busiest pages and a spread of the others."""
    from meetings.models import Event
    from press.models import PressRelease
    from taxonomy.models import Country, FieldOfWork

    paths = ["/", "/press-releases/", "/events/", "/press-releases/feed/"]
    paths += [f"/press-releases/?page={page}" for page in (2, 3, 10, 50, 200)]
    paths += [f"/press-releases/?field_of_work={f.slug}" for f in FieldOfWork.objects.all()[:8]]
    paths += [f"/press-releases/?country={c.slug}" for c in Country.objects.all()[:8]]
    paths += [event.get_absolute_url() for event in Event.objects.listed()[:5]]
    releases = PressRelease.objects.listed().order_by("-published_at", "-id")
    paths += [release.get_absolute_url() for release in releases[: URLS - len(paths)]]
    return paths[:URLS]


def publish_a_release():
    """A new release, written and published through the engine as the admin does."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from editorial import workflow
    from press.models import PressRelease
    from taxonomy.models import FieldOfWork, Structure

    editor = get_user_model().objects.filter(is_superuser=True).first()
    if editor is None:
        editor = get_user_model().objects.create_superuser("bench-publisher", "", None)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    release = PressRelease(
        title=f"Published under load {stamp}",
        slug=f"bench-published-{stamp}",
        lead="Published while fifty public pages are under load.",
        source=Structure.objects.get(slug="secretariat"),
    )
    workflow.save_new(release, editor)
    release.fields_of_work.add(FieldOfWork.objects.first())
    workflow.force_publish(release, editor, "Benchmark: publishing under load")
    connection.close()
    return release


def socket_errors(log):
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", log)
    return sum(int(n) for n in match.groups()) if match else 0


def measure(base, paths_file, label):
    log = RESULTS / f"wrk-publishing-{label}.txt"
    row = run_wrk(base + "/", SECONDS, CONNECTIONS, log=log, script=(PATHS_SCRIPT, paths_file))
    row["socket errors"] = socket_errors(log.read_text())
    return row


PATHS_SCRIPT = os.path.join(os.path.dirname(__file__), "paths.lua")


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = production_environment(DATABASE_URL, RESULTS / "static", settings="tests.bench.settings")
    env["PAGE_CACHE_ENABLED"] = "1"
    os.environ.update(env)
    manage(env, "collectstatic", "--noinput", "-v0")

    import django

    django.setup()
    from django.db import connection

    paths = public_paths()
    connection.close()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    with gunicorn(env, free_port(), WORKERS) as (_server, base):
        for path in paths:
            for _ in range(2 * WORKERS):
                status, _body = fetch(base + path, timeout=900)
                assert status == 200, (path, status)
        steady = measure(base, handle.name, "steady")
        publisher = threading.Timer(1.0, publish_a_release)
        publisher.start()
        after = measure(base, handle.name, "after")
        publisher.join()
    os.unlink(handle.name)

    ratio = after["p99"] / steady["p99"]
    failed = after["errors"] + after["socket errors"] + steady["errors"] + steady["socket errors"]
    met = ratio <= MAX_RATIO and not failed
    lines = [
        f"Publishing under load: {len(paths)} URLs, {CONNECTIONS} connections, {WORKERS} workers, "
        f"page cache on ({'Redis' if os.environ.get('REDIS_URL') else 'local memory'}), "
        f"{SECONDS} s each",
        "",
        "| run | req/s | p50 ms | p99 ms | non-2xx | socket errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in (("steady", steady), ("a release published at 1 s", after)):
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p99']:.1f} "
            f"| {row['errors']} | {row['socket errors']} |"
        )
    lines += [
        "",
        f"p99 after / steady: {ratio:.2f}× (target ≤ {MAX_RATIO}×, no failures) "
        f"{'✓' if met else '✗'}",
    ]
    table = "\n".join(lines) + "\n"
    (RESULTS / "publishing.md").write_text(table)
    print(table)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
