"""The generation's read stands in for Django's connection health check (osce_cms/caching.py,
``_read_row``): one round trip where there were two, and a connection the database dropped
is still replaced before the request uses it."""

import psycopg
import pytest
from django.db import connection

from osce_cms.caching import current_generation

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="drops a PostgreSQL backend"
)


def drop_the_connection():
    """End this connection's PostgreSQL backend from another connection (as a restart of the
    database, or a firewall forgetting an idle connection, would)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    settings = connection.get_connection_params()
    with psycopg.connect(**settings, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def next_request():
    """What Django does between two requests on a kept connection (the test client doesn't)."""
    connection.health_check_done = False


@pytest.fixture
def kept_connection(transactional_db):
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]
    connection.ensure_connection()
    connection.health_check_enabled = True
    yield
    connection.close()


def test_a_request_on_a_dropped_connection_gets_its_page(kept_connection, client):
    client.get("/press-releases/")
    drop_the_connection()
    next_request()
    assert client.get("/press-releases/").status_code == 200
    assert connection.is_usable()


def test_the_read_is_the_health_check_of_a_kept_connection(kept_connection, monkeypatch):
    current_generation()
    next_request()
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append("SELECT 1") or True)
    current_generation()
    assert checks == [] and connection.health_check_done
