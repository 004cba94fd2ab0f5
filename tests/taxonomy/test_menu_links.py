import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from taxonomy import trees
from taxonomy.models import FieldOfWork, Menu, MenuItem


@pytest.fixture
def menu(db):
    return Menu.objects.create(name="Main", slug="main")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "JAVASCRIPT:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "/relative/path/",
        "relative",
        "//example.org/no-scheme",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_or_incomplete_external_addresses_are_refused(menu, url):
    item = MenuItem(menu=menu, label="Link", external_url=url)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "external_url" in error.value.message_dict


@pytest.mark.parametrize("url", ["https://www.osce.org/", "http://example.org/page?x=1"])
def test_http_and_https_addresses_are_accepted(menu, url):
    MenuItem(menu=menu, label="Link", external_url=url).full_clean()


def test_an_item_needs_exactly_one_target(menu):
    field = trees.create_node(FieldOfWork, name="Policing", slug="policing")
    with pytest.raises(ValidationError, match="exactly one link target"):
        MenuItem(
            menu=menu, label="Two", field_of_work=field, external_url="https://osce.org/"
        ).full_clean()
    with pytest.raises(ValidationError, match="Choose a link target"):
        MenuItem(menu=menu, label="None").full_clean()
    with pytest.raises(ValidationError, match="heading has no link target"):
        MenuItem(menu=menu, label="Heading", is_heading=True, field_of_work=field).full_clean()
    MenuItem(menu=menu, label="One", field_of_work=field).full_clean()
    MenuItem(menu=menu, label="Heading", is_heading=True).full_clean()


def test_the_database_refuses_two_targets(menu):
    field = trees.create_node(FieldOfWork, name="Policing", slug="policing")
    with transaction.atomic(), pytest.raises(IntegrityError):
        trees.create_node(
            MenuItem,
            menu=menu,
            label="Two",
            field_of_work=field,
            named_url="taxonomy:country-list",
        )


def test_the_admin_refuses_a_javascript_address_with_a_form_error(admin_client, menu):
    response = admin_client.post(
        "/admin/taxonomy/menuitem/add/",
        {"menu": menu.pk, "label_en": "Bad", "is_visible": "on", "external_url": "javascript:x()"},
    )
    assert response.status_code == 200
    assert "Enter a full web address" in response.content.decode()
    assert not MenuItem.objects.exists()
