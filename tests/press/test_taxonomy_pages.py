"""Taxonomy pages and the home page show the latest releases of their subtree."""

import pytest

from press.models import Status


@pytest.mark.parametrize(
    "url, shown, parameter",
    [
        ("/structures/secretariat/", "From a Secretariat unit", "source=secretariat"),
        (
            "/countries/participating-states/",
            "From a Secretariat unit",
            "country=participating-states",
        ),
        ("/fields-of-work/policing/", "From a Secretariat unit", "field_of_work=policing"),
        ("/places/minsk/", "From a Secretariat unit", "place=minsk"),
    ],
)
def test_term_page_lists_latest_releases_of_its_subtree(
    client, make_release, taxonomy, url, shown, parameter
):
    make_release(
        title="From a Secretariat unit",
        source=taxonomy.ttd,
        fields=[taxonomy.community],
        countries=[taxonomy.ukraine],
        place=taxonomy.minsk,
    )
    make_release(title="Kosovo only", source=taxonomy.kosovo, fields=[taxonomy.borders])
    make_release(title="Hidden draft", fields=[taxonomy.policing], status=Status.DRAFT)
    html = client.get(url).content.decode()
    assert shown in html
    assert "Kosovo only" not in html and "Hidden draft" not in html
    assert f'href="/press-releases/?{parameter}"' in html
    assert (
        'type="application/rss+xml" title="Press releases (RSS)" '
        f'href="/press-releases/feed/?{parameter}">' in html
    )


def test_home_lists_the_latest_releases(client, make_release):
    make_release(title="Newest release", days_ago=0)
    make_release(title="Hidden draft", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Newest release" in html and "Hidden draft" not in html
