"""A real ``db_worker`` process against the test database (PostgreSQL: another process must see
the rows this one commits)."""

import contextlib
import os
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection

PROJECT = settings.BASE_DIR


def database_url():
    db = connection.settings_dict
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def worker_process(**environment):
    """Run ``manage.py db_worker`` until the block ends, then stop it as a process manager
    would (SIGTERM: it finishes the task it is running)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.background.worker_settings",
        "DATABASE_URL": database_url(),
        **environment,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, timeout=30, interval=0.2):
    """Poll ``condition()`` until it is true; False after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
