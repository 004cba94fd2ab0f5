"""Bounded soak test: many concurrent clients on the public pages against gunicorn + PostgreSQL.

    python -m tests.bench.soak [--clients 32] [--seconds 60] [--releases 2000]

Builds a fresh PostgreSQL database (``--database-url``, default osce_soak on 127.0.0.1), loads
the demo content, collects static files, starts gunicorn with the production settings, then keeps
``--clients`` concurrent clients fetching public pages for ``--seconds``. Prints a JSON report
(requests, errors, latency percentiles, worker RSS at start and end) and exits non-zero on any
error or if a worker's memory grew by more than ``--max-rss-growth-mb``.
"""

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.bench.server import (
    ensure_database,
    fetch,
    gunicorn,
    manage,
    production_environment,
    workers_memory_mb,
)

LOC = re.compile(r"<loc>([^<]+)</loc>")
FIXED_PATHS = [
    "/",
    "/press-releases/",
    "/press-releases/?page=2",
    "/press-releases/?source=secretariat",
    "/press-releases/?field_of_work=policing",
    "/press-releases/?q=police",
    "/press-releases/feed/",
    "/fields-of-work/",
    "/countries/",
    "/structures/",
    "/meetings/",
    "/sitemap.xml",
    "/robots.txt",
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--port", type=int, default=8110)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/osce_soak"),
    )
    parser.add_argument("--max-rss-growth-mb", type=float, default=64)
    return parser.parse_args(argv)


def discover_paths(base):
    """The fixed public pages plus release and taxonomy pages named in the sitemap sections."""
    _status, index = fetch(base + "/sitemap.xml", timeout=30)
    found = []
    for section in LOC.findall(index.decode()):
        _status, sitemap = fetch(section, timeout=30)
        found += [urlsplit(loc).path for loc in LOC.findall(sitemap.decode())]
    return FIXED_PATHS + found[:400]


def run_clients(base, paths, clients, seconds):
    latencies, errors, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(index):
        i = index
        while time.monotonic() < stop_at:
            path = paths[i % len(paths)]
            i += clients
            started = time.perf_counter()
            try:
                status, _body = fetch(base + path, timeout=30)
            except OSError as error:
                status = repr(error)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append({"path": path, "status": status})

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else None


def main(argv=None):
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="osce-soak-") as tmp:
        env = production_environment(args.database_url, Path(tmp) / "static")
        print(f"Preparing {args.database_url} ...", file=sys.stderr)
        ensure_database(args.database_url, recreate=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--releases", str(args.releases))
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "check_trees")
        with gunicorn(env, args.port, workers=args.workers) as (server, base):
            paths = discover_paths(base)
            run_clients(base, paths, args.clients, min(5, args.seconds))  # warm every worker
            rss_start = workers_memory_mb(server.pid)
            print(
                f"Soaking {len(paths)} paths with {args.clients} clients for {args.seconds}s",
                file=sys.stderr,
            )
            started = time.monotonic()
            latencies, errors = run_clients(base, paths, args.clients, args.seconds)
            duration = time.monotonic() - started
            rss_end = workers_memory_mb(server.pid)
    growth = {
        pid: round(rss_end[pid] - rss_start[pid], 1)
        for pid in rss_start
        if rss_start[pid] is not None and rss_end.get(pid) is not None
    }
    report = {
        "clients": args.clients,
        "seconds": round(duration, 1),
        "workers": args.workers,
        "paths": len(paths),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / duration, 1),
        "errors": len(errors),
        "error_samples": errors[:10],
        "latency_ms": {
            "median": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
            "p99": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
            "max": round(max(latencies) * 1000, 1) if latencies else None,
        },
        "worker_rss_mb_start": rss_start,
        "worker_rss_mb_end": rss_end,
        "worker_rss_growth_mb": growth,
        "workers_replaced": sorted(set(rss_start) ^ set(rss_end)),
    }
    print(json.dumps(report, indent=2))
    stable = all(value <= args.max_rss_growth_mb for value in growth.values())
    ok = not errors and stable and not report["workers_replaced"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
