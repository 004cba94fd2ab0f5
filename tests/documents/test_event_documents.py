"""Documents and events: an event's page lists its library documents (public ones only, with
their downloads), a document's page names its events (listed ones only), both at a constant
cost, and publishing a document shows on its event's cached page."""

import pytest

from editorial import workflow
from editorial.models import Status

from ..meetings.builders import event
from ..meetings.conftest import world_nodes  # noqa: F401 (a fixture)
from ..press import workflow_world as press_world
from . import world

pytestmark = pytest.mark.django_db


def document(nodes, **fields):
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("files", [("en", world.pdf()), ("fr", world.pdf())])
    return world.document(nodes["secretariat"], **fields)


def test_an_event_page_lists_its_public_documents_in_its_order(client, world_nodes):  # noqa: F811
    council = event(world_nodes, title="Council", slug="council")
    decision = document(world_nodes, title="Decision on the budget", slug="decision")
    agenda = document(world_nodes, title="Annotated agenda", slug="agenda", files=[("en", b"%PDF")])
    draft = document(world_nodes, title="Zanzibarleak draft", status=Status.DRAFT)
    trashed = document(world_nodes, title="Zanzibarleak trashed")
    trashed.deleted_at = trashed.published_at
    trashed.save()
    for position, item in enumerate((agenda, draft, decision, trashed)):
        item.event_links.create(event=council, position=position)

    page = client.get("/events/council/").content.decode()

    assert page.index("Annotated agenda") < page.index("Decision on the budget")
    assert "/documents/agenda/en.pdf" in page and "/documents/decision/" in page
    assert "/documents/decision/fr.pdf" in page
    assert "Zanzibarleak" not in page
    assert client.get("/documents/agenda/en.pdf").status_code == 200


def test_an_event_without_public_documents_has_no_documents_section(client, world_nodes):  # noqa: F811
    council = event(world_nodes, title="Council", slug="council")
    document(world_nodes, status=Status.SUBMITTED).event_links.create(event=council)
    assert 'id="shown-documents-title"' not in client.get("/events/council/").text


def test_a_document_page_names_its_listed_events(client, world_nodes):  # noqa: F811
    item = document(world_nodes, slug="decision")
    shown = event(world_nodes, title="Ministerial Council in Malta", slug="malta")
    hidden = event(world_nodes, title="Zanzibarleak summit", slug="secret", status=Status.DRAFT)
    item.event_links.create(event=shown)
    item.event_links.create(event=hidden)

    page = client.get("/documents/decision/").content.decode()

    assert 'id="related-events-title"' in page
    assert "Ministerial Council in Malta" in page and "/events/malta/" in page
    assert "Zanzibarleak" not in page and "/events/secret/" not in page


def test_both_pages_cost_the_same_queries_with_more_links(
    client,
    world_nodes,  # noqa: F811
):
    few_events, many_events = event(world_nodes, slug="few"), event(world_nodes, slug="many")
    few_docs, many_docs = document(world_nodes), document(world_nodes)
    few_events.document_links.create(document=few_docs)
    few_docs.event_links.create(event=event(world_nodes, slug="other"))
    for number in range(6):
        document(world_nodes).event_links.create(event=many_events, position=number)
        many_docs.event_links.create(event=event(world_nodes, slug=f"event-{number}"))

    def cost(url):
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for small, large in ((few_events, many_events), (few_docs, many_docs)):
        assert cost(large.get_absolute_url()) == cost(small.get_absolute_url()), large


def test_publishing_a_document_shows_on_its_events_cached_page(
    page_cache,
    client,
    committed,
    world_nodes,  # noqa: F811
):
    editor = press_world.user("editor", world_nodes["secretariat"])
    council = event(world_nodes, title="Council", slug="council")
    item = document(world_nodes, title="Final declaration", status=Status.SUBMITTED)
    item.event_links.create(event=council)
    assert "Final declaration" not in client.get("/events/council/").text
    with committed():
        workflow.publish(item, editor)
    assert "Final declaration" in client.get("/events/council/").text
    with committed():
        workflow.unpublish(item, editor)
    assert "Final declaration" not in client.get("/events/council/").text
