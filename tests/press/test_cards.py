"""The newsroom's cards, read from plain rows (press/cards.py), are the cards of the releases."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from press.models import CoIssuer, PressRelease
from press.templatetags.press import release_card

from .conftest import image_bytes

CARD = re.compile(r'<article class="release-card.*?</article>\n', re.S)


def newsroom_cards(client, path="/press-releases/"):
    return CARD.findall(client.get(path).content.decode())


def cards_of(releases, language):
    with translation.override(language):
        return [str(release_card(release)) for release in releases]


def listed(*releases):
    """The releases as a release page or the home page reads them."""
    order = {release.pk: position for position, release in enumerate(releases)}
    found = PressRelease.objects.filter(pk__in=order).for_listing()
    return sorted(found, key=lambda release: order[release.pk])


@pytest.fixture
def varied(make_release, taxonomy):
    taxonomy.vienna.name_fr = "Vienne"
    taxonomy.vienna.save()
    joint = make_release(title="Joint <work> & more", place=taxonomy.minsk, days_ago=1)
    CoIssuer.objects.create(release=joint, structure=taxonomy.kosovo, position=1)
    CoIssuer.objects.create(release=joint, structure=taxonomy.secretariat, position=2)
    pictured = make_release(title="With a picture", place=taxonomy.vienna, days_ago=2)
    pictured.lead_image.save("hall.jpg", ContentFile(image_bytes(size=(900, 500))), save=False)
    pictured.lead_image_alt = "The hall"
    pictured.save()
    russian = make_release(title="Заявление", language="ru", source=taxonomy.ttd, days_ago=3)
    long_lead = make_release(lead="word " * 60, kind="press-statement", days_ago=4)
    return [joint, pictured, russian, long_lead]


@pytest.mark.parametrize("language, prefix", [("en", ""), ("fr", "/fr")])
def test_newsroom_cards_are_the_releases_cards(client, varied, language, prefix):
    shown = newsroom_cards(client, f"{prefix}/press-releases/?language=all")  # every language
    assert shown == cards_of(listed(*varied), language)
    assert len(shown) == 4
    if language == "fr":  # Minsk has no French name: it is marked as English, Vienne is not
        assert '<span class="release-card__place" lang="en">MINSK</span>' in shown[0]
        assert '<span class="release-card__place">VIENNE</span>' in shown[1]
    assert "Joint &lt;work&gt; &amp; more" in shown[0]
    assert "OSCE Secretariat, Mission in Kosovo" in shown[0]  # the source once, then in order
    assert "<picture>" in shown[1] and 'alt="The hall"' in shown[1]
    assert 'lang="ru"' in shown[2]


@pytest.mark.parametrize("renamed", ["place", "source"])
def test_a_renamed_place_or_source_shows_on_the_next_newsroom_request(
    client, varied, taxonomy, django_capture_on_commit_callbacks, renamed
):
    assert "MINSK" in newsroom_cards(client)[0]
    assert "OSCE Secretariat" in newsroom_cards(client)[0]
    with django_capture_on_commit_callbacks(execute=True):  # the generation advances on commit
        if renamed == "place":
            taxonomy.minsk.name = "Minsk city"
            taxonomy.minsk.save()
        else:
            taxonomy.secretariat.public_name = "The Secretariat"
            taxonomy.secretariat.save()
    card = newsroom_cards(client)[0]
    assert ("MINSK CITY" if renamed == "place" else "The Secretariat, Mission in Kosovo") in card


def test_a_cards_kind_and_date_are_written_in_each_pages_language(client, make_release):
    when = timezone.make_aware(datetime.datetime(2026, 3, 5, 12))
    make_release(kind="press-statement", published_at=when)
    for _ in range(2):  # the labels and dates are remembered per language
        english = newsroom_cards(client, "/press-releases/?language=all")[0]
        french = newsroom_cards(client, "/fr/press-releases/?language=all")[0]
        assert "Press statement" in english and "5 March 2026" in english
        assert "Déclaration à la presse" in french and "5 mars 2026" in french
