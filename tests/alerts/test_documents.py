"""E-mail alerts of the documents library: a reader follows "decisions of the Secretariat" and is
told about each newly published one, over a real SMTP server and the worker, never about drafts
or other documents; languages and years are reported as not part of an alert."""

import pytest
from django.http import QueryDict

from alerts import matching, registry, subscriptions
from alerts.models import Delivery, Frequency, Subscriber, Subscription
from editorial import workflow
from editorial.models import Status
from taxonomy import trees
from taxonomy.models import DocumentType, FieldOfWork, Structure
from tests.documents import world
from tests.press import workflow_world as press_world

from . import smtp
from .conftest import SITE_URL

pytestmark = pytest.mark.django_db
DECISIONS_OF_THE_SECRETARIAT = "kind=documents&document_type=decisions&structure=secretariat"


@pytest.fixture
def kind():
    return registry.get("documents")


@pytest.fixture
def nodes():
    secretariat = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    decisions = trees.create_node(DocumentType, name="Decisions", slug="decisions")
    return {
        "secretariat": secretariat,
        "unit": trees.create_node(Structure, name="Unit", slug="unit", parent=secretariat),
        "mission": trees.create_node(Structure, name="Mission", slug="mission"),
        "decisions": decisions,
        "pc": trees.create_node(DocumentType, name="PC", slug="pc", parent=decisions),
        "reports": trees.create_node(DocumentType, name="Reports", slug="reports"),
        "gender": trees.create_node(FieldOfWork, name="Gender equality", slug="gender"),
    }


def test_the_library_filter_becomes_an_alert_without_languages_and_years(client, nodes, kind):
    parsed = kind.parse(
        QueryDict(f"{DECISIONS_OF_THE_SECRETARIAT}&language=fr&year=2024&country=x")
    )
    assert parsed.query == "document_type=decisions&structure=secretariat"
    assert len(parsed.groups) == 2
    notices = [str(notice) for notice in parsed.notices]
    assert "Languages and years are not part of an alert" in notices[-1]
    assert any("“x”" in notice for notice in notices)
    html = client.get(f"/alerts/new/?{DECISIONS_OF_THE_SECRETARIAT}").content.decode()
    assert "Documents of the type Decisions issued by Secretariat" in html


def test_the_library_links_to_an_alert_of_its_filter(client, nodes):
    page = client.get("/documents/?document_type=reports").content.decode()
    assert 'href="/alerts/new/?kind=documents&amp;document_type=reports"' in page


def follow(kind, query):
    subscriber = Subscriber.objects.create(email=f"reader-{Subscriber.objects.count()}@example.net")
    return Subscription.objects.create(
        subscriber=subscriber,
        filter=subscriptions.filter_for(kind, kind.parse(QueryDict(query))),
        frequency=Frequency.IMMEDIATE,
        confirmed_at="2026-01-01T00:00Z",
    )


def test_matching_follows_subtrees_and_words(kind, nodes):
    decisions = follow(kind, DECISIONS_OF_THE_SECRETARIAT)
    gender = follow(kind, "kind=documents&field_of_work=gender&q=budget")
    everything = follow(kind, "kind=documents")
    decision = world.document(
        nodes["unit"], document_type=nodes["pc"], title="Decision on the budget"
    )
    decision.fields_of_work.add(nodes["gender"])
    report = world.document(nodes["secretariat"], document_type=nodes["reports"], title="Budget")
    elsewhere = world.document(nodes["mission"], document_type=nodes["decisions"])

    def matched(item):
        return set(matching.matching_subscriptions(kind, item).values_list("id", flat=True))

    assert matched(decision) == {decisions.pk, gender.pk, everything.pk}
    assert matched(report) == {everything.pk}
    assert matched(elsewhere) == {everything.pk}


def test_a_published_document_is_sent_and_a_draft_or_another_is_not(
    sign_up, smtp_server, run_tasks, nodes, django_capture_on_commit_callbacks
):
    sign_up(DECISIONS_OF_THE_SECRETARIAT, "anna@example.net")
    smtp_server.clear()
    editor = press_world.user("editor", nodes["secretariat"], name="library-editor")

    def publish(title, *, publish=True, **fields):
        fields.setdefault("document_type", nodes["pc"])
        item = world.document(nodes["unit"], status=Status.SUBMITTED, title=title, **fields)
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                workflow.publish(item, editor)
        return item

    decision = publish("Decision No. 1/27", reference_number="PC.DEC/1/27")
    publish("Annual report", document_type=nodes["reports"])
    publish("Zanzibarleak decision", publish=False)
    run_tasks()

    (message,) = smtp_server.to("anna@example.net")
    assert message["Subject"] == "OSCE: PC.DEC/1/27 Decision No. 1/27"
    text = smtp.text_of(message)
    assert "PC, " in text and f"{SITE_URL}/documents/{decision.slug}/" in text
    assert "Zanzibarleak" not in text
    assert Delivery.objects.filter(kind="documents").count() == 1
