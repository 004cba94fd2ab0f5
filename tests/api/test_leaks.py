"""Nothing that is not public right now comes out of the API, in any state, through any door
(list, filters, search, cursor pages, detail, vocabularies' lists)."""

import pytest

from tests.press import workflow_world as world
from tests.press.test_workflow_leaks import HIDDEN_STATES, UNLISTED_STATES, _hide

from .conftest import walk

pytestmark = pytest.mark.django_db


def _api_lists(policing, belarus, source):
    return {
        "list": ("/api/v1/press-releases/", None),
        "filtered": ("/api/v1/press-releases/", {"field_of_work": policing.slug}),
        "by country": ("/api/v1/press-releases/", {"country": belarus.slug}),
        "by source": ("/api/v1/press-releases/", {"source": source.slug}),
        "search": ("/api/v1/press-releases/", {"q": "okapi"}),
        "pages of one": ("/api/v1/press-releases/", {"page_size": 1}),
    }


@pytest.mark.parametrize("state", UNLISTED_STATES)
def test_unlisted_release_is_absent_from_every_api_list(api_get, newsroom, state):
    source, policing, belarus, visible = newsroom
    hidden = _hide(newsroom, state, UNLISTED_STATES[state])
    for name, (path, query) in _api_lists(policing, belarus, source).items():
        results, _pages = walk(api_get, path, query)
        found = [item["slug"] for item in results]
        assert visible.slug in found or name == "search", f"control: {name} lists nothing"
        assert hidden.slug not in found, f"{state} release leaks through the API {name}"


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_release_has_no_api_detail(api_get, newsroom, state):
    hidden = _hide(newsroom, state, HIDDEN_STATES[state])
    response = api_get(f"/api/v1/press-releases/{hidden.slug}/")
    assert response.status_code == 404
    assert "Zanzibarleak" not in response.content.decode()


def test_search_control_finds_the_public_release(api_get, newsroom):
    _source, _policing, _belarus, visible = newsroom
    results, _pages = walk(api_get, "/api/v1/press-releases/", {"q": "okapi"})
    assert [item["slug"] for item in results] == [visible.slug]


def test_a_hidden_release_is_not_served_to_a_logged_in_editor_either(client, newsroom):
    source = newsroom[0]
    hidden = _hide(newsroom, "draft", HIDDEN_STATES["draft"])
    client.force_login(world.user("editor", source))
    assert client.get(f"/api/v1/press-releases/{hidden.slug}/").status_code == 404
