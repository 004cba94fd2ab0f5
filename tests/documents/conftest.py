"""A small library: document types with a subtree, structures, and documents with files."""

from datetime import date

import pytest

from editorial.models import Status
from taxonomy.models import DocumentType

from ..press.conftest import taxonomy  # noqa: F401 (a fixture)
from . import world


@pytest.fixture
def library(taxonomy):  # noqa: F811
    decisions = DocumentType.objects.create(name="Decisions", slug="decisions")
    pc = DocumentType.objects.create(
        name="Permanent Council decisions", slug="pc-decisions", parent=decisions
    )
    reports = DocumentType.objects.create(name="Reports", slug="reports")
    taxonomy.decisions, taxonomy.pc_decisions, taxonomy.reports = decisions, pc, reports
    return taxonomy


@pytest.fixture
def make_document(library):
    def make(*, status=Status.PUBLISHED, files=(("en", None),), **fields):
        fields.setdefault("issuer", library.secretariat)
        fields.setdefault("document_type", library.reports)
        built = [(language, data or world.pdf()) for language, data in files]
        return world.document(fields.pop("issuer"), status=status, files=built, **fields)

    return make


def on(year, month=1, day=1):
    return date(year, month, day)
