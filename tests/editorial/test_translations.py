"""Linked translations on the engine (editorial/translations.py): translating, the language rules,
the shared tags, outdated translations and their translators' notice, through the engine's
functions and through the admin."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial import translations
from editorial.models import AuditEntry
from editorial.registry import kinds
from editorial.signals import UPDATED, public_output_changed
from press import workflow
from press.models import PressContact, PressRelease, Status
from taxonomy.models import Country, FieldOfWork

from ..press import workflow_world as world

pytestmark = pytest.mark.django_db

ADMIN = "/admin/press/pressrelease"


@pytest.fixture
def org():
    secretariat = world.structure("Secretariat")
    return {"secretariat": secretariat, "kosovo": world.structure("Mission in Kosovo")}


@pytest.fixture
def people(org):
    return {
        "officer": world.user("press_officer", org["secretariat"], name="officer"),
        "translator": world.user("press_officer", org["secretariat"], name="translator"),
        "editor": world.user("editor", org["secretariat"], name="editor"),
        "kosovo_officer": world.user("press_officer", org["kosovo"], name="kosovo"),
        "plain": world.user("plain_staff", org["secretariat"], name="plain"),
    }


@pytest.fixture
def original(org, people):
    release = world.release(
        org["secretariat"],
        author=people["officer"],
        status=Status.PUBLISHED,
        title="Training ends in Vienna",
        slug="training-ends-in-vienna",
        body="<p>Officers completed the course.</p>",
    )
    release.countries.add(Country.objects.create(name="Austria", slug="austria", iso_code="AT"))
    PressContact.objects.create(release=release, name="Ana Press", email="ana@example.org")
    return release


def test_translate_makes_a_prefilled_draft_in_the_same_group(original, people):
    french = translations.translate(original, people["translator"], "fr")
    french.refresh_from_db()
    assert (french.language, french.status, french.version) == ("fr", Status.DRAFT, 1)
    assert french.translation_key == original.translation_key
    assert french.translation_of == original
    assert french.translated_at is not None
    assert french.slug == "training-ends-in-vienna-fr"
    assert (french.title, french.lead, french.body) == (
        original.title,
        original.lead,
        original.body,
    )
    assert french.source == original.source
    assert set(french.fields_of_work.all()) == set(original.fields_of_work.all())
    assert set(french.countries.all()) == set(original.countries.all())
    assert list(french.contacts.values_list("name", "email")) == [("Ana Press", "ana@example.org")]
    assert french.created_by == people["translator"]
    assert french.revisions.get().comment == "Translated from English"
    actions = list(AuditEntry.objects.for_item(french).values_list("action", flat=True))
    assert sorted(actions) == ["create", "translate"]
    # The source is untouched, and still has its own contact row.
    original.refresh_from_db()
    assert (original.status, original.language, original.version) == (Status.PUBLISHED, "en", 1)
    assert original.contacts.count() == 1


def test_each_version_has_its_own_workflow(original, people):
    french = translations.translate(original, people["translator"], "fr")
    workflow.submit(french, people["translator"])
    workflow.publish(french, people["editor"])
    french.refresh_from_db()
    assert french.status == Status.PUBLISHED
    workflow.withdraw(original, people["editor"], "Superseded.")
    original.refresh_from_db()
    french.refresh_from_db()
    assert (original.status, french.status) == (Status.WITHDRAWN, Status.PUBLISHED)
    assert [v.language for v in translations.public_versions(original)] == ["en", "fr"]


def test_two_versions_in_one_language_are_refused(original, people):
    translations.translate(original, people["translator"], "fr")
    with pytest.raises(ValidationError) as refused:
        translations.translate(original, people["translator"], "fr")
    assert "already has a version in French" in str(refused.value)
    assert PressRelease.objects.filter(translation_key=original.translation_key).count() == 2
    # The database refuses it too, whoever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.create(
            title="Copy",
            slug="copy",
            lead="Lead.",
            source=original.source,
            language="fr",
            translation_key=original.translation_key,
        )


def test_a_trashed_version_keeps_its_language_and_says_so(original, people):
    french = translations.translate(original, people["translator"], "fr")
    workflow.delete(french, people["editor"])
    with pytest.raises(ValidationError) as refused:
        translations.translate(original, people["translator"], "fr")
    assert "in the trash" in str(refused.value)


@pytest.mark.parametrize("language", ["xx", "pt", "", "fr-FR", "x" * 50])
def test_a_language_the_site_does_not_know_is_refused(original, people, language):
    with pytest.raises(ValidationError) as refused:
        translations.translate(original, people["translator"], language)
    assert "is not a language this site publishes in" in str(refused.value)
    assert PressRelease.objects.count() == 1
    new = PressRelease(title="New", slug="new", lead="Lead.", source=original.source)
    new.language = language
    with pytest.raises(ValidationError):
        workflow.save_new(new, people["officer"])
    assert PressRelease.objects.count() == 1


def test_a_local_content_language_is_accepted(original, people):
    albanian = translations.translate(original, people["translator"], "sq")
    assert albanian.language == "sq"


def test_translating_needs_the_right_to_write_in_the_scope(original, people):
    for user in (people["plain"], people["kosovo_officer"]):
        with pytest.raises(PermissionDenied):
            translations.translate(original, user, "fr")
    assert PressRelease.objects.count() == 1


def test_a_save_shares_the_tags_with_every_version_and_announces_public_ones(
    original, people, django_capture_on_commit_callbacks
):
    french = translations.translate(original, people["translator"], "fr")
    russian = translations.translate(original, people["translator"], "ru")
    workflow.publish(russian, people["editor"])
    borders = FieldOfWork.objects.create(name="Border management", slug="border-management")
    heard = []

    def listener(sender, instance, change, **kwargs):
        heard.append((instance.pk, change))

    public_output_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            french.fields_of_work.set([borders])
            PressRelease.objects.filter(pk=french.pk).update(place=None)
            translations.share(french)
    finally:
        public_output_changed.disconnect(listener)
    for version in (original, russian):
        assert list(version.fields_of_work.all()) == [borders]
    # The draft itself announces nothing; the public versions show new tags.
    assert sorted(heard) == sorted([(original.pk, UPDATED), (russian.pk, UPDATED)])


def test_an_admin_save_of_one_version_shares_its_tags(original, people):
    from ..press.test_workflow_admin import form_data

    french = translations.translate(original, people["translator"], "fr")
    borders = FieldOfWork.objects.create(name="Border management", slug="border-management")
    client, token = csrf_client_for(people["translator"])
    data = form_data(french, title="La formation s’achève à Vienne", fields_of_work=[borders.pk])
    response = client.post(f"{ADMIN}/{french.pk}/change/", data | {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert list(original.fields_of_work.all()) == [borders]
    original.refresh_from_db()
    assert original.title == "Training ends in Vienna"  # the text is each version's own


def test_a_major_change_to_the_source_outdates_the_translation_and_tells_its_translator(
    original, people, django_capture_on_commit_callbacks
):
    french = translations.translate(original, people["translator"], "fr")
    assert translations.state_of(french) == translations.State.DRAFT
    original.refresh_from_db()
    original.body = "<p>Officers completed the course; a second one starts in May.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            original,
            people["editor"],
            expected_version=original.version,
            change=workflow.MAJOR,
            change_note="A second course was announced.",
        )
    french.refresh_from_db()
    assert translations.is_outdated(french)
    assert translations.state_of(french) == translations.State.OUTDATED
    [message] = mail.outbox
    assert message.to == ["translator@example.org"]
    assert "Translation to update: Training ends in Vienna" in message.subject
    assert "A second course was announced." in message.body
    assert f"/admin/press/pressrelease/{french.pk}/change/" in message.body
    translations.mark_up_to_date(french)
    french.refresh_from_db()
    assert not translations.is_outdated(french)


def test_a_minor_change_outdates_nothing(original, people, django_capture_on_commit_callbacks):
    french = translations.translate(original, people["translator"], "fr")
    original.refresh_from_db()
    original.title = "Training ends in Vienna."
    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(original, people["editor"], expected_version=original.version)
    french.refresh_from_db()
    assert not translations.is_outdated(french)
    assert mail.outbox == []


def test_restoring_a_revision_keeps_the_language_and_the_group(original, people):
    french = translations.translate(original, people["translator"], "fr")
    first = french.revisions.get()
    french.refresh_from_db()
    PressRelease.objects.filter(pk=french.pk).update(language="de")
    french.refresh_from_db()
    workflow.restore_revision(first, people["translator"])
    french.refresh_from_db()
    assert (french.language, french.translation_key) == ("de", original.translation_key)


def test_every_registered_kind_allows_one_version_per_language():
    for kind in kinds():
        constraints = [
            constraint
            for constraint in kind.model._meta.constraints
            if tuple(getattr(constraint, "fields", ())) == ("translation_key", "language")
        ]
        assert constraints, f"{kind.label} lacks one_version_per_language()"


# --- The admin ------------------------------------------------------------------------------


def test_the_change_form_lists_the_versions_and_offers_the_missing_languages(original, people):
    french = translations.translate(original, people["translator"], "fr")
    client, _token = csrf_client_for(people["translator"])
    page = client.get(f"{ADMIN}/{original.pk}/change/").content.decode()
    assert 'id="editorial-languages-heading"' in page
    assert f'href="{ADMIN}/{french.pk}/change/"' in page
    assert f'action="{ADMIN}/{original.pk}/translate/"' in page
    options = page.split('id="translate-language"')[1].split("</select>")[0]
    assert 'value="fr"' not in options and 'value="en"' not in options
    assert 'value="ru"' in options and 'value="sq"' in options


def test_translate_through_the_admin_opens_the_new_draft(original, people):
    client, token = csrf_client_for(people["translator"])
    response = client.post(
        f"{ADMIN}/{original.pk}/translate/", {"language": "ru", "csrfmiddlewaretoken": token}
    )
    russian = PressRelease.objects.get(language="ru")
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}/{russian.pk}/change/"
    assert client.get(f"{ADMIN}/{original.pk}/translate/").status_code == 405


@pytest.mark.parametrize("language", ["en", "xx", ""])
def test_translate_through_the_admin_refuses_bad_languages_with_a_message(
    original, people, language
):
    client, token = csrf_client_for(people["translator"])
    response = client.post(
        f"{ADMIN}/{original.pk}/translate/",
        {"language": language, "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert response.status_code == 200
    assert PressRelease.objects.count() == 1
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_translate_through_the_admin_needs_the_right_and_the_scope(original, people):
    for user in (people["kosovo_officer"], people["plain"]):
        client, token = csrf_client_for(user)
        response = client.post(
            f"{ADMIN}/{original.pk}/translate/", {"language": "fr", "csrfmiddlewaretoken": token}
        )
        assert response.status_code in (403, 404)
    assert PressRelease.objects.count() == 1


def test_the_admin_form_refuses_a_second_version_in_a_language_on_the_field(original, people):
    from ..press.test_workflow_admin import form_data

    french = translations.translate(original, people["translator"], "fr")
    client, token = csrf_client_for(people["translator"])
    data = form_data(french, language="en")
    response = client.post(f"{ADMIN}/{french.pk}/change/", data | {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "already has a version in English" in errors["language"][0]
    french.refresh_from_db()
    assert french.language == "fr"


def test_an_outdated_translation_can_be_marked_up_to_date_in_its_form(original, people):
    from ..press.test_workflow_admin import form_data

    french = translations.translate(original, people["translator"], "fr")
    original.refresh_from_db()
    workflow.save_edit(
        original,
        people["editor"],
        expected_version=original.version,
        change=workflow.MAJOR,
        change_note="New figures.",
    )
    client, token = csrf_client_for(people["translator"])
    page = client.get(f"{ADMIN}/{french.pk}/change/").content.decode()
    assert 'name="up_to_date"' in page
    data = form_data(french, up_to_date="on")
    response = client.post(f"{ADMIN}/{french.pk}/change/", data | {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    french.refresh_from_db()
    assert not translations.is_outdated(french)
    assert 'name="up_to_date"' not in client.get(f"{ADMIN}/{french.pk}/change/").content.decode()


def csrf_client_for(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


# --- Every kind with linked translations --------------------------------------------------


LINKED = [kind.label for kind in kinds() if kind.linked_translations]


def test_the_kinds_on_the_engine_offer_linked_translations_except_in_place_ones():
    assert "press.pressrelease" in LINKED and "meetings.event" in LINKED
    assert "taxonomy.page" not in LINKED  # translated in place (taxonomy/translation.py)


def test_a_kind_translated_in_place_refuses_linked_versions(org):
    from .kinds import FACTORIES

    superuser = world.user("superuser", name="root")
    page = FACTORIES["taxonomy.page"].make(
        org["secretariat"], author=superuser, status=Status.PUBLISHED, title="About"
    )
    with pytest.raises(ValidationError):
        translations.translate(page, superuser, "fr")
    client = Client()
    client.force_login(superuser)
    form = client.get(f"/admin/taxonomy/page/{page.pk}/change/").content.decode()
    assert 'id="editorial-languages-heading"' not in form


@pytest.mark.parametrize("label", LINKED)
def test_every_kind_links_its_translations_on_its_public_pages(client, org, label):
    from .kinds import FACTORIES

    kind = next(kind for kind in kinds() if kind.label == label)
    editor = world.user("superuser", name="root")
    source = FACTORIES[label].make(
        org["secretariat"], author=editor, status=Status.PUBLISHED, title="Summit ends"
    )
    french = translations.translate(source, editor, "fr")
    french.title = "Fin du sommet"
    french.save()
    english_page = client.get(source.get_absolute_url()).text
    assert f"/fr/{french.get_absolute_url().lstrip('/')}" not in english_page  # a draft
    kind.model.objects.filter(pk=french.pk).update(status=Status.PUBLISHED)
    english_page = client.get(source.get_absolute_url()).text
    with translation.override("fr"):
        french_url = french.get_absolute_url()
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{french_url}">' in (
        english_page
    )
    assert f'href="{french_url}" lang="fr" hreflang="fr">Français</a>' in english_page
    # No German version: the German list names the versions there are.
    with translation.override("de"):
        listing = reverse(kind.list_url_name)
    notice = client.get(f"{listing}?untranslated={source.slug}").text
    assert 'class="notice" role="status"' in notice
    assert f'href="{french_url}" lang="fr"' in notice
    sitemap = client.get(f"/sitemap-{SITEMAP_SECTIONS[label]}.xml").text
    assert f'hreflang="fr" href="http://testserver{french_url}"' in sitemap


SITEMAP_SECTIONS = {
    "press.pressrelease": "press-releases",
    "meetings.event": "events",
    "documents.document": "documents",
}
