"""Structure, field-of-work and country pages list their latest public documents."""

import pytest

from editorial.models import Status

pytestmark = pytest.mark.django_db


def test_a_structure_page_lists_the_latest_documents_of_its_subtree(client, make_document, library):
    make_document(title="Kosovo mission report", issuer=library.kosovo)
    make_document(title="Kosovo draft", issuer=library.kosovo, status=Status.DRAFT)
    make_document(title="Secretariat report")

    page = client.get(library.operations.get_absolute_url()).content.decode()

    assert "Latest documents" in page
    assert "Kosovo mission report" in page
    assert "Kosovo draft" not in page and "Secretariat report" not in page
    assert "/documents/?structure=field-operations" in page


def test_a_field_of_work_page_lists_its_documents(client, make_document, library):
    tagged = make_document(title="Community policing guide")
    tagged.fields_of_work.add(library.community)

    page = client.get(library.policing.get_absolute_url()).content.decode()

    assert "Community policing guide" in page
    assert "/documents/?field_of_work=policing" in page


def test_a_page_without_documents_has_no_documents_section(client, library):
    page = client.get(library.borders.get_absolute_url()).content.decode()

    assert "Latest documents" not in page
