"""The benchmark's generated library: bulk documents that the library lists and searches."""

import io

import pytest
from django.core.management import call_command

from documents.models import Document, DocumentFile

pytestmark = pytest.mark.django_db


def test_load_demo_adds_generated_documents(demo, client):
    call_command("load_demo", "--documents", "30", stdout=io.StringIO())

    assert Document.objects.listed().count() == 30
    assert DocumentFile.objects.filter(text__contains="security").exists()
    response = client.get("/documents/", {"q": "security"})
    assert response.status_code == 200 and response.context["paginator"].count > 0
    assert client.get("/documents/generated-document-1/").status_code == 200
    assert client.get("/documents/generated-document-1/en.pdf").status_code == 200
