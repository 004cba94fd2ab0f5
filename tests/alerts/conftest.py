"""The alerts' world: trees and releases (from the press tests), a real SMTP server, a signed
up and confirmed subscriber, and publication through the editorial workflow; for the tests of
matching and sending, confirmed subscriptions and published releases made directly."""

import pytest
from django.http import QueryDict

from alerts import registry, subscriptions
from alerts.models import Frequency, Subscriber, Subscription
from press import workflow
from press.models import PressRelease, Status
from tests.press import workflow_world as world
from tests.press.conftest import taxonomy  # noqa: F401 - the shared trees

from . import smtp

SITE_URL = "https://www.example.org"


@pytest.fixture
def smtp_server(settings):
    controller, mailbox = smtp.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": controller.hostname, "port": controller.port, "timeout": 10},
        }
    }
    settings.SITE_URL = SITE_URL
    yield mailbox
    controller.stop()


@pytest.fixture
def editor(taxonomy):  # noqa: F811
    return world.user("editor", taxonomy.secretariat, name="alerts-editor")


@pytest.fixture
def publish(taxonomy, editor, django_capture_on_commit_callbacks):  # noqa: F811
    """``publish(title=..., fields=[...], countries=[...], when=None)``: a release written as a
    draft and published (or scheduled, with ``when``) by an editor through the workflow."""

    def make(*, fields=(), countries=(), when=None, source=None, **values):
        release = world.release(source or taxonomy.secretariat, status=Status.SUBMITTED, **values)
        if fields:
            release.fields_of_work.set(fields)
        release.countries.set(countries)
        with django_capture_on_commit_callbacks(execute=True):
            if when is None:
                workflow.publish(release, editor)
            else:
                workflow.schedule(release, editor, when)
        release.refresh_from_db()
        return release

    return make


@pytest.fixture
def sign_up(client, smtp_server, run_tasks, django_capture_on_commit_callbacks):
    """``sign_up(query, email, frequency=..., language=..., confirm=True)``: the visitor's path
    through the form and the confirmation e-mail; returns the confirmation message."""

    def go(query, address, frequency="immediate", language="en", confirm=True):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/alerts/new/?{query}",
                {"email": address, "frequency": frequency, "language": language},
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        run_tasks()
        message = smtp_server.to(address)[-1]
        if confirm:
            (confirm_path,) = [p for p in smtp.links(message, SITE_URL) if "/confirm/" in p]
            assert client.post(confirm_path).status_code == 200
        return message

    return go


@pytest.fixture
def kind():
    return registry.get("press")


@pytest.fixture
def follow(kind):
    """``follow(query, frequency=..., language=...)``: a confirmed subscription (immediate, in
    English unless told) to the newsroom filter ``query``."""
    numbers = iter(range(1, 10**6))

    def make(query, frequency=Frequency.IMMEDIATE, language="en"):
        subscriber = Subscriber.objects.create(email=f"reader{next(numbers)}@example.net")
        parsed = kind.parse(QueryDict(query))
        return Subscription.objects.create(
            subscriber=subscriber,
            filter=subscriptions.filter_for(kind, parsed),
            frequency=frequency,
            language=language,
            confirmed_at="2026-01-01T00:00Z",
        )

    return make


@pytest.fixture
def release(taxonomy):  # noqa: F811
    def make(fields=(), countries=(), source=None, **values):
        item = world.release(source or taxonomy.secretariat, status=Status.PUBLISHED, **values)
        item.fields_of_work.set(fields)
        item.countries.set(countries)
        return PressRelease.objects.get(pk=item.pk)

    return make
