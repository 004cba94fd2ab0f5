"""Co-issued releases in the editorial workflow: an officer of any co-issuing structure sees the
release and proposes changes; the lead issuer's editors approve. And the admin's co-issuers."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from editorial.models import Revision
from press import workflow
from press.models import CoIssuer, PressRelease, Status

from . import workflow_world as world
from .test_workflow_admin import form_data as release_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/admin/press/pressrelease"


@pytest.fixture
def org():
    return {
        "lead": world.structure("Secretariat"),
        "partner": world.structure("Chairpersonship"),
        "other": world.structure("Mission in Kosovo"),
    }


@pytest.fixture
def people(org):
    return {
        "lead_officer": world.user("press_officer", org["lead"], name="lead-officer"),
        "lead_editor": world.user("editor", org["lead"], name="lead-editor"),
        "partner_officer": world.user("press_officer", org["partner"], name="partner-officer"),
        "partner_editor": world.user("editor", org["partner"], name="partner-editor"),
        "other_editor": world.user("editor", org["other"], name="other-editor"),
    }


@pytest.fixture
def joint(org, people):
    release = world.release(org["lead"], author=people["lead_officer"])
    CoIssuer.objects.create(release=release, structure=org["partner"])
    return PressRelease.objects.get(pk=release.pk)


def test_officers_of_a_co_issuer_see_the_release_and_others_do_not(org, people, joint):
    alone = world.release(org["lead"], author=people["lead_officer"])
    assert set(workflow.releases_for(people["partner_officer"])) == {joint}
    assert set(workflow.releases_for(people["lead_officer"])) == {joint, alone}
    assert not workflow.releases_for(people["other_editor"]).exists()
    assert workflow.can(people["partner_officer"], "view", joint)
    assert not workflow.can(people["partner_officer"], "view", alone)


def test_an_officer_of_a_co_issuer_edits_and_submits_and_the_leads_editors_are_told(
    people, joint, django_capture_on_commit_callbacks
):
    officer = people["partner_officer"]
    joint.title = "Joint statement, corrected by the Chairpersonship"
    workflow.save_edit(joint, officer, expected_version=joint.version)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(joint, officer)
    joint.refresh_from_db()
    assert joint.status == Status.SUBMITTED
    assert joint.title == "Joint statement, corrected by the Chairpersonship"
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"lead-editor@example.org"}


@pytest.mark.parametrize("action", ["approve", "publish", "reject", "delete"])
def test_editors_of_a_co_issuer_do_not_decide(people, joint, action):
    joint.status = Status.SUBMITTED
    joint.save(update_fields=["status"])
    before = world.row(joint)
    editor = people["partner_editor"]
    assert not workflow.can(editor, action, joint)
    run = {
        "approve": lambda: workflow.approve(joint, editor),
        "publish": lambda: workflow.publish(joint, editor),
        "reject": lambda: workflow.reject(joint, editor, "No."),
        "delete": lambda: workflow.delete(joint, editor),
    }[action]
    with pytest.raises(PermissionDenied):
        run()
    assert world.row(joint) == before
    assert workflow.can(people["lead_editor"], action, joint)


def test_the_leads_editor_approves_what_a_co_issuer_submitted(people, joint):
    workflow.submit(joint, people["partner_officer"])
    workflow.approve(joint, people["lead_editor"])
    joint.refresh_from_db()
    assert joint.status == Status.PUBLISHED


def test_an_officer_of_a_co_issuer_cannot_change_the_lead_issuer(org, people, joint):
    before = world.row(joint)
    for source in (org["partner"], org["other"]):
        joint.source = source
        with pytest.raises(PermissionDenied):
            workflow.save_edit(joint, people["partner_officer"], expected_version=joint.version)
        assert world.row(joint) == before


def test_a_published_co_issued_release_is_changed_only_by_the_leads_editors(org, people):
    release = world.release(org["lead"], status=Status.PUBLISHED)
    CoIssuer.objects.create(release=release, structure=org["partner"])
    before = world.row(release)
    for person in ("partner_officer", "partner_editor"):
        assert workflow.can(people[person], "view", release)
        assert not workflow.can(people[person], "edit", release)
        assert not workflow.can(people[person], "withdraw", release)
        release.title = "Changed"
        with pytest.raises(PermissionDenied):
            workflow.save_edit(release, people[person], expected_version=release.version)
        assert world.row(release) == before
    assert workflow.can(people["lead_editor"], "edit", release)


def test_a_co_issuer_removed_from_the_release_loses_it(org, people, joint):
    CoIssuer.objects.filter(release=joint).delete()
    assert not workflow.releases_for(people["partner_officer"]).exists()
    assert not workflow.can(people["partner_officer"], "edit", joint)


# --- The admin ----------------------------------------------------------------------------------


def csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


def form_data(release, token, co_issuers=(), **changes):
    """The release's change form as it stands (``test_workflow_admin.form_data``), with its
    co-issuer rows and ``co_issuers`` added as new ones."""
    data = release_form_data(release, csrfmiddlewaretoken=token)
    existing = list(release.co_issuers.all())
    data |= {
        "co_issuers-TOTAL_FORMS": len(existing) + len(co_issuers),
        "co_issuers-INITIAL_FORMS": len(existing),
    }
    for index, row in enumerate(existing):
        data |= {
            f"co_issuers-{index}-id": row.pk,
            f"co_issuers-{index}-release": release.pk,
            f"co_issuers-{index}-structure": row.structure_id,
            f"co_issuers-{index}-position": row.position,
        }
    for index, (structure, position) in enumerate(co_issuers, start=len(existing)):
        data |= {
            f"co_issuers-{index}-release": release.pk,
            f"co_issuers-{index}-structure": structure.pk,
            f"co_issuers-{index}-position": position,
        }
    return data | changes


def co_issuer_errors(response):
    assert response.status_code == 200, response.status_code
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "co_issuers"
    )
    return " ".join(
        str(error) for form in formset.forms for error in form.errors.get("structure", [])
    )


def test_an_officer_adds_co_issuers_in_order_in_the_admin(org, people):
    release = world.release(org["lead"], author=people["lead_officer"])
    client, token = csrf_client(people["lead_officer"])
    data = form_data(release, token, co_issuers=[(org["other"], 2), (org["partner"], 1)])
    response = client.post(f"{ADMIN}/{release.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    release = PressRelease.objects.for_listing().get(pk=release.pk)
    assert release.issuer_names == ["Secretariat", "Chairpersonship", "Mission in Kosovo"]
    # A revision keeps them, and restoring an earlier one puts the earlier list back.
    kept = Revision.objects.for_item(release).latest("created_at", "id")
    assert kept.data["co_issuers"] == [
        {"structure_id": org["partner"].pk, "position": 1},
        {"structure_id": org["other"].pk, "position": 2},
    ]
    CoIssuer.objects.filter(release=release, structure=org["other"]).delete()
    workflow.restore_revision(kept, people["lead_editor"])
    release = PressRelease.objects.for_listing().get(pk=release.pk)
    assert release.issuer_names == ["Secretariat", "Chairpersonship", "Mission in Kosovo"]


def test_the_lead_or_a_repeated_structure_is_refused_as_a_co_issuer(org, people):
    release = world.release(org["lead"], author=people["lead_officer"])
    client, token = csrf_client(people["lead_officer"])
    lead = form_data(release, token, co_issuers=[(org["lead"], 0)])
    assert "is the lead issuer" in co_issuer_errors(
        client.post(f"{ADMIN}/{release.pk}/change/", lead)
    )
    twice = form_data(release, token, co_issuers=[(org["partner"], 0), (org["partner"], 1)])
    response = client.post(f"{ADMIN}/{release.pk}/change/", twice)
    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert not CoIssuer.objects.exists()


def test_a_closed_structure_cannot_become_a_co_issuer_but_stays_one(org, people):
    closed = world.structure("Office in Yerevan")
    Structure = type(closed)
    Structure.objects.filter(pk=closed.pk).update(
        opened_on=date(2000, 2, 1), closed_on=date(2017, 8, 31)
    )
    release = world.release(org["lead"], author=people["lead_officer"])
    client, token = csrf_client(people["lead_officer"])
    response = client.post(
        f"{ADMIN}/{release.pk}/change/", form_data(release, token, co_issuers=[(closed, 0)])
    )
    assert "closed on 31 August 2017" in co_issuer_errors(response)
    CoIssuer.objects.create(release=release, structure=closed)
    response = client.post(f"{ADMIN}/{release.pk}/change/", form_data(release, token))
    assert response.status_code == 302
    assert release.co_issuers.get().structure == closed


def test_an_officer_of_a_co_issuer_edits_in_the_admin_without_touching_the_lead(org, people, joint):
    client, token = csrf_client(people["partner_officer"])
    page = client.get(f"{ADMIN}/{joint.pk}/change/")
    assert page.status_code == 200
    assert 'name="source"' not in page.content.decode()  # read-only for them
    data = form_data(joint, token, title="Corrected by the partner")
    del data["source"]
    response = client.post(f"{ADMIN}/{joint.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    joint.refresh_from_db()
    assert (joint.title, joint.source) == ("Corrected by the partner", org["lead"])
    # A posted source is ignored, not obeyed.
    data = form_data(joint, token, source=org["partner"].pk)
    assert client.post(f"{ADMIN}/{joint.pk}/change/", data).status_code == 302
    joint.refresh_from_db()
    assert joint.source == org["lead"]
