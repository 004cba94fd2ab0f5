"""SQLite (the default of `make run`): twenty editors saving at once wait for each other.

Each thread reads a row and writes it back in one transaction, as a tree move or a release save
does. In SQLite's default (deferred) mode two such transactions both read, then one is refused
at once with "database is locked"; with the project's settings (``transaction_mode: IMMEDIATE``
and a busy timeout) they queue, and every write is kept.
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

from osce_cms.models import ContentGeneration

WRITERS = 20

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL has row locks and no database lock"
)


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """``WRITERS`` connection aliases to one SQLite file, configured like the site's database.

    A file, not the test run's in-memory database: that one shares a cache between connections,
    whose table locks never wait.
    """
    aliases = [f"writer{number}" for number in range(WRITERS)]
    for alias in aliases:
        connections.settings[alias] = {
            **connections.settings["default"],
            "NAME": str(tmp_path / "site.sqlite3"),
        }
    with django_db_blocker.unblock():
        with connections[aliases[0]].schema_editor() as editor:
            editor.create_model(ContentGeneration)
        ContentGeneration.objects.using(aliases[0]).create(pk=1, value=0, changed_at=timezone.now())
        yield aliases
    for alias in aliases:
        connections[alias].close()
        del connections.settings[alias]


def read_then_write(alias, errors):
    try:
        with transaction.atomic(using=alias):
            row = ContentGeneration.objects.using(alias).get(pk=1)
            time.sleep(0.01)
            ContentGeneration.objects.using(alias).filter(pk=1).update(value=row.value + 1)
    except Exception as error:  # every failure is the finding
        errors.append(error)
    finally:
        connections[alias].close()


def test_twenty_concurrent_read_then_write_transactions_all_succeed(file_database):
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    errors = []
    threads = [
        threading.Thread(target=read_then_write, args=(alias, errors)) for alias in file_database
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert ContentGeneration.objects.using(file_database[0]).get(pk=1).value == WRITERS
