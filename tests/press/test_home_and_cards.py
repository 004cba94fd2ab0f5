"""Lead images where releases are listed: the home page's top story and the release cards."""

import re

from django.core.files.base import ContentFile

from .conftest import image_bytes


def with_image(release, alt="Delegates at the conference table"):
    release.lead_image.save("meeting.jpg", ContentFile(image_bytes(size=(900, 500))), save=False)
    release.lead_image_alt = alt
    release.save()
    return release


def test_the_home_page_leads_with_the_newest_release_that_has_a_picture(client, make_release):
    newest = make_release(title="Newest, without a picture", days_ago=1)
    story = with_image(make_release(title="The top story", days_ago=2))
    html = client.get("/").content.decode()
    top = html.split('<section class="top-story"', 1)[1].split("</section>", 1)[0]
    assert "The top story" in top and "Newest, without a picture" not in top
    assert re.search(
        r'<img src="[^"]+" alt="Delegates at the conference table" width="900" '
        r'height="500" loading="eager"',
        top,
    )
    latest = html.split('<section class="latest-releases"', 1)[1]
    assert newest.title in latest and story.title not in latest


def test_release_cards_show_the_lead_image_with_its_size(client, make_release):
    with_image(make_release(title="With a picture"))
    make_release(title="Without a picture")
    html = client.get("/press-releases/").content.decode()
    cards = re.findall(r'<article class="release-card[^"]*">.*?</article>', html, re.S)
    pictured = [card for card in cards if "<picture>" in card]
    assert len(cards) == 2 and len(pictured) == 1
    assert "With a picture" in pictured[0]
    assert 'width="900" height="500" loading="lazy"' in pictured[0]
