"""Nothing that is not public right now appears in any public output, in any state.

Each hidden release shares its source, field of work and country with a public one (so that
every page that lists the public one would list it too if it leaked) and is explicitly related
to it; it also has a field of work of its own, whose facet must not appear.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from press.models import PressRelease, Status
from taxonomy.models import Country, FieldOfWork

from . import workflow_world as world

pytestmark = pytest.mark.django_db

# State name → how to hide a release in that state.
HIDDEN_STATES = {
    "draft": {"status": Status.DRAFT},
    "submitted": {"status": Status.SUBMITTED},
    "scheduled": {"status": Status.SCHEDULED, "ahead": True},
    "unpublished": {"status": Status.UNPUBLISHED},
    "trashed": {"status": Status.PUBLISHED, "trashed": True},
}
# Withdrawn releases keep their page but leave every list.
UNLISTED_STATES = {**HIDDEN_STATES, "withdrawn": {"status": Status.WITHDRAWN}}


@pytest.fixture
def newsroom():
    source = world.structure("Secretariat")
    policing = FieldOfWork.objects.create(name="Policing", slug="policing")
    belarus = Country.objects.create(name="Belarus", slug="belarus", iso_code="BY")
    visible = world.release(
        source,
        status=Status.PUBLISHED,
        title="Visible statement",
        slug="visible-statement",
        lead="Okapi seen near the border",
    )
    visible.fields_of_work.set([policing])
    visible.countries.set([belarus])
    return source, policing, belarus, visible


def _hide(newsroom, state, spec):
    source, policing, belarus, visible = newsroom
    ahead = timezone.now() + timedelta(days=3)
    hidden = world.release(
        source,
        status=spec["status"],
        published_at=ahead if spec.get("ahead") else None,
        title=f"Zanzibarleak {state}",
        slug=f"zanzibarleak-{state}",
        lead="Okapi sighting in the field",
    )
    own_field = FieldOfWork.objects.create(name=f"Quokkawork {state}", slug=f"quokkawork-{state}")
    hidden.fields_of_work.set([policing, own_field])
    hidden.countries.set([belarus])
    visible.related.add(hidden)
    if spec.get("trashed"):
        PressRelease.objects.filter(pk=hidden.pk).update(deleted_at=timezone.now())
    return hidden


def _public_outputs(client, source, policing, belarus, visible):
    pages = {
        "newsroom": "/press-releases/",
        "newsroom filtered": f"/press-releases/?field_of_work={policing.slug}",
        "search": "/press-releases/?q=okapi",
        "feed": "/press-releases/feed/",
        "filtered feed": f"/press-releases/feed/?country={belarus.slug}",
        "atom feed": "/press-releases/feed/atom/",
        "sitemap": "/sitemap-press-releases.xml",
        "home": "/",
        "structure page": source.get_absolute_url(),
        "field of work page": policing.get_absolute_url(),
        "country page": belarus.get_absolute_url(),
        "related (detail of a public release)": visible.get_absolute_url(),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        yield name, response.content.decode()


@pytest.mark.parametrize("state", UNLISTED_STATES)
def test_unlisted_release_is_absent_from_every_public_list(client, newsroom, state):
    hidden = _hide(newsroom, state, UNLISTED_STATES[state])
    for name, text in _public_outputs(client, *newsroom):
        assert "Zanzibarleak" not in text, f"{state} release leaks through the {name}"
        assert hidden.slug not in text, f"{state} release's address leaks through the {name}"
        if name.startswith(("newsroom", "search")):
            assert "Quokkawork" not in text, f"{state} release leaks through a facet on the {name}"


def test_the_public_release_does_appear_in_the_lists(client, newsroom):
    """The control: the pages checked above do show a public release."""
    source, policing, _belarus, visible = newsroom
    other = world.release(source, status=Status.PUBLISHED, title="Other statement")
    other.fields_of_work.set([policing])
    visible.related.add(other)
    texts = dict(_public_outputs(client, *newsroom))
    for name in ("newsroom", "newsroom filtered", "search", "feed", "filtered feed", "sitemap"):
        assert "visible-statement" in texts[name], name
    assert "Other statement" in texts["related (detail of a public release)"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_release_page_is_not_shown_to_visitors(client, newsroom, state):
    hidden = _hide(newsroom, state, HIDDEN_STATES[state])
    response = client.get(f"/press-releases/{hidden.slug}/")
    expected = 410 if state == "unpublished" else 404
    assert response.status_code == expected
    assert "Zanzibarleak" not in response.content.decode()


def test_hidden_release_page_is_not_shown_to_a_logged_in_press_officer_either(client, newsroom):
    hidden = _hide(newsroom, "draft", HIDDEN_STATES["draft"])
    client.force_login(world.user("press_officer", newsroom[0]))
    assert client.get(f"/press-releases/{hidden.slug}/").status_code == 404


def test_withdrawn_release_keeps_its_page_with_the_notice(client, newsroom):
    hidden = _hide(newsroom, "withdrawn", UNLISTED_STATES["withdrawn"])
    PressRelease.objects.filter(pk=hidden.pk).update(
        withdrawn_at=timezone.now(), withdrawal_note="Superseded by a later statement."
    )
    response = client.get(hidden.get_absolute_url())
    assert response.status_code == 200
    assert "Superseded by a later statement." in response.content.decode()


def test_unpublished_release_with_an_alternative_redirects(client, newsroom):
    hidden = _hide(newsroom, "unpublished", HIDDEN_STATES["unpublished"])
    PressRelease.objects.filter(pk=hidden.pk).update(alternative_url="/press-releases/")
    response = client.get(hidden.get_absolute_url())
    assert (response.status_code, response["Location"]) == (302, "/press-releases/")
