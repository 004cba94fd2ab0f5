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
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from tests.bench.server import ensure_database

PROJECT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
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


def server_environment(args, static_root):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="osce_cms.settings.prod",
        DATABASE_URL=args.database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(Path(static_root).parent / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=PROJECT, env=env, check=True)


def rss_kib(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return sorted(int(pid) for pid in children.read_text().split()) if children.exists() else []


def worker_rss_mb(master_pid):
    return {pid: round(rss_kib(pid) / 1024, 1) for pid in worker_pids(master_pid) if rss_kib(pid)}


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "osce-soak"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def discover_paths(base):
    """The fixed public pages plus release and taxonomy pages named in the sitemap."""
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=30) as response:
        sitemap = response.read().decode()
    found = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return FIXED_PATHS + found[:400]


def wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            fetch(base + "/robots.txt")
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


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
                status = fetch(base + path)
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
        env = server_environment(args, Path(tmp) / "static")
        print(f"Preparing {args.database_url} ...", file=sys.stderr)
        ensure_database(args.database_url, recreate=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--releases", str(args.releases))
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "check_trees")
        base = f"http://127.0.0.1:{args.port}"
        server = subprocess.Popen(
            [GUNICORN, "osce_cms.wsgi:application", "--bind", f"127.0.0.1:{args.port}"]
            + ["--workers", str(args.workers), "--access-logfile", "/dev/null"],
            cwd=PROJECT,
            env=env,
        )
        try:
            wait_until_up(base, server)
            paths = discover_paths(base)
            run_clients(base, paths, args.clients, min(5, args.seconds))  # warm every worker
            rss_start = worker_rss_mb(server.pid)
            print(
                f"Soaking {len(paths)} paths with {args.clients} clients for {args.seconds}s",
                file=sys.stderr,
            )
            started = time.monotonic()
            latencies, errors = run_clients(base, paths, args.clients, args.seconds)
            duration = time.monotonic() - started
            rss_end = worker_rss_mb(server.pid)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    growth = {pid: round(rss_end[pid] - rss_start[pid], 1) for pid in rss_start if pid in rss_end}
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
