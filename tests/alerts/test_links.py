"""Every newsroom view, search result and taxonomy page offers "Get e-mail alerts"."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("/", "/alerts/new/"),
        ("/press-releases/", "/alerts/new/"),
        (
            "/press-releases/?field_of_work=policing&country=belarus&page=1",
            "/alerts/new/?field_of_work=policing&amp;country=belarus",
        ),
        ("/press-releases/?q=border+police", "/alerts/new/?q=border+police"),
        ("/fr/press-releases/?source=secretariat", "/fr/alerts/new/?source=secretariat"),
        ("/countries/belarus/", "/alerts/new/?country=belarus"),
        ("/fields-of-work/policing/", "/alerts/new/?field_of_work=policing"),
        ("/places/minsk/", "/alerts/new/?place=minsk"),
    ],
)
def test_listing_pages_link_to_alerts_for_the_same_filter(client, taxonomy, page, link):
    html = client.get(page).content.decode()
    assert f'class="alerts-link" href="{link}"' in html


def test_the_alert_form_for_a_search_describes_its_words(client, taxonomy):
    html = client.get("/alerts/new/?q=Border+police").content.decode()
    assert "Press releases containing “border police”" in html
