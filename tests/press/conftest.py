"""Small taxonomy trees and a release factory for the press tests."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from press.models import PressRelease, Status
from taxonomy.models import Country, FieldOfWork, Place, Structure


@pytest.fixture
def taxonomy(db):
    """Trees with subtrees: a field of work with a sub-topic, a country group, Secretariat units."""
    policing = FieldOfWork.objects.create(name="Policing", slug="policing")
    community = FieldOfWork.objects.create(
        name="Community policing", slug="community-policing", parent=policing
    )
    borders = FieldOfWork.objects.create(name="Border management", slug="border-management")
    states = Country.objects.create(name="Participating States", slug="participating-states")
    belarus = Country.objects.create(name="Belarus", slug="belarus", iso_code="BY", parent=states)
    ukraine = Country.objects.create(name="Ukraine", slug="ukraine", iso_code="UA", parent=states)
    austria = Country.objects.create(name="Austria", slug="austria", iso_code="AT", parent=states)
    partners = Country.objects.create(name="Asian Partners", slug="asian-partners")
    japan = Country.objects.create(name="Japan", slug="japan", iso_code="JP", parent=partners)
    secretariat = Structure.objects.create(
        name="Secretariat", slug="secretariat", public_name="OSCE Secretariat", path="secretariat"
    )
    ttd = Structure.objects.create(
        name="Transnational Threats Department",
        slug="transnational-threats-department",
        parent=secretariat,
        path="secretariat/transnational-threats-department",
    )
    operations = Structure.objects.create(
        name="Field operations", slug="field-operations", path="field-operations"
    )
    kosovo = Structure.objects.create(
        name="Mission in Kosovo",
        slug="mission-in-kosovo",
        parent=operations,
        path="field-operations/mission-in-kosovo",
    )
    minsk = Place.objects.create(name="Minsk", slug="minsk", country=belarus)
    vienna = Place.objects.create(name="Vienna", slug="vienna", country=austria)
    return _Namespace(**locals())


class _Namespace:
    def __init__(self, **items):
        self.__dict__.update(items)


@pytest.fixture
def make_release(taxonomy):
    counter = iter(range(1, 100_000))

    def make(*, fields=None, countries=(), status=Status.PUBLISHED, days_ago=None, **values):
        number = next(counter)
        values.setdefault("title", f"Release number {number}")
        values.setdefault("lead", f"Lead of release {number}.")
        values.setdefault("source", taxonomy.secretariat)
        values.setdefault("published_at", timezone.now() - timedelta(days=days_ago or number))
        release = PressRelease.objects.create(status=status, **values)
        release.fields_of_work.set(fields if fields is not None else [taxonomy.policing])
        release.countries.set(countries)
        return release

    return make


def image_bytes(image_format="JPEG", size=(64, 48), color=(200, 30, 30), **save_options):
    mode = "RGBA" if image_format == "PNG" and save_options.pop("alpha", False) else "RGB"
    image = Image.new(mode, size, color)
    output = io.BytesIO()
    image.save(output, format=image_format, **save_options)
    return output.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)
