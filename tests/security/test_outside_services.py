"""An outside service failing leaves the site answering and every action whole.

The cache is a real Redis client pointed at a port where nothing listens (every call raises
``redis.ConnectionError``, as when the server is down or unreachable); storage is Django's
file storage with its ``save`` failing as a full disk or a refused bucket would.
"""

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from editorial.models import Status
from osce_cms.cache import caches_for
from press import workflow
from press.models import PressRelease
from tests.press import workflow_world as world

pytestmark = pytest.mark.django_db

# The production setting for a Redis server where nothing listens.
DOWN = caches_for("redis://127.0.0.1:1/0")


@pytest.fixture
def cache_down(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = DOWN


@pytest.fixture
def published():
    unit = world.structure("Secretariat")
    release = world.release(unit, status=Status.PUBLISHED, slug="talks-in-vienna")
    return unit, release


def test_public_pages_answer_when_the_cache_is_down(cache_down, client, published):
    unit, release = published
    for url in [
        "/",
        "/press-releases/",
        "/press-releases/?source=secretariat",
        release.get_absolute_url(),
        unit.get_absolute_url(),
        "/press-releases/feed/",
        "/sitemap.xml",
        "/api/v1/press-releases/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_publishing_is_whole_when_the_cache_is_down(
    cache_down, client, published, django_capture_on_commit_callbacks
):
    unit, _release = published
    draft = world.release(unit, status=Status.SUBMITTED, slug="new-statement")
    editor = world.user("editor", unit)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, editor)
    assert PressRelease.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert client.get("/press-releases/new-statement/").status_code == 200


class FullDisk(FileSystemStorage):
    def _save(self, name, content):
        raise OSError(28, "No space left on device")


def test_a_failing_storage_saves_nothing_and_says_so(client, settings, published):
    from tests.documents import world as documents_world
    from tests.security import pdf_samples
    from tests.security.conftest import form_data

    unit, _release = published
    document = documents_world.document(unit, status=Status.PUBLISHED, title="Annual report")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDisk"}}
    client.force_login(world.user("editor", unit))
    url = f"/admin/documents/document/{document.pk}/change/"
    data = form_data(client, url)
    data.update(
        {
            "title": "Renamed while the disk is full",
            "files-TOTAL_FORMS": "1",
            "files-0-language": "en",
            "files-0-position": "0",
            "files-0-file": SimpleUploadedFile(
                "report.pdf", pdf_samples.build(), content_type="application/pdf"
            ),
        }
    )

    response = client.post(url, data)

    assert response.status_code in {200, 503}
    assert "could not be stored" in response.content.decode()
    kept = type(document).objects.get(pk=document.pk)
    assert kept.title == document.title and kept.version == document.version
    assert not kept.files.exists()
