"""The press officers' admin, through the real admin URLs with CSRF checks on."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from press.models import PressRelease, Status

from .conftest import image_bytes

ADD_URL = reverse("admin:press_pressrelease_add")
CHANGELIST_URL = reverse("admin:press_pressrelease_changelist")


@pytest.fixture
def admin_client_csrf(db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-123456")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.user = user
    return client


def _csrf(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.cookies["csrftoken"].value, response


def _form_data(taxonomy, **overrides):
    data = {
        "title": "Experts meet in Minsk",
        "slug": "experts-meet-in-minsk",
        "lead": "A short summary.",
        "published_at_0": "2016-02-17",
        "published_at_1": "15:30:00",
        "place": taxonomy.minsk.pk,
        "source": taxonomy.ttd.pk,
        "language": "en",
        "fields_of_work": [taxonomy.policing.pk],
        "countries": [taxonomy.ukraine.pk],
        "body": '<p>Text <a href="https://osce.org/">link</a></p><blockquote><p>“Q”</p></blockquote><script>x()</script>',
        "lead_image_alt": "Participants around a table",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "kind": "press-release",
        "co_issuers-TOTAL_FORMS": "0",
        "co_issuers-INITIAL_FORMS": "0",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "document_links-TOTAL_FORMS": "0",
        "document_links-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def _upload(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_press_officer_adds_a_release_with_an_image(admin_client_csrf, taxonomy):
    token, _ = _csrf(admin_client_csrf, ADD_URL)
    data = _form_data(taxonomy, csrfmiddlewaretoken=token)
    data["lead_image"] = _upload(image_bytes("JPEG", size=(1000, 500)), "meeting.jpg")
    response = admin_client_csrf.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    release = PressRelease.objects.get(slug="experts-meet-in-minsk")
    assert release.status == Status.DRAFT
    assert release.created_by == admin_client_csrf.user
    assert "<script" not in release.body and "<blockquote>" in release.body
    assert set(release.countries.values_list("slug", flat=True)) == {"ukraine", "belarus"}
    assert [item[0] for item in release.lead_image_renditions["webp"]] == [480, 800, 1000]
    assert release.lead_image_width == 1000


def test_form_has_csp_allowing_only_the_editor_by_nonce(admin_client_csrf, taxonomy):
    response = admin_client_csrf.get(ADD_URL)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    html = response.content.decode()
    assert '<script type="importmap" nonce="' in html
    assert "data-django-prose-editor" in html


@pytest.mark.parametrize(
    "payload, name, message",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "logo.svg", "Other formats"),
        (image_bytes("JPEG", size=(300, 300))[:300], "broken.jpg", "damaged or incomplete"),
    ],
)
def test_bad_image_shows_an_error_next_to_the_field_and_keeps_the_input(
    admin_client_csrf, taxonomy, payload, name, message
):
    token, _ = _csrf(admin_client_csrf, ADD_URL)
    data = _form_data(taxonomy, csrfmiddlewaretoken=token, title="Keep this title")
    data["lead_image"] = _upload(payload, name)
    response = admin_client_csrf.post(ADD_URL, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in " ".join(form.errors["lead_image"])
    html = response.content.decode()
    assert 'value="Keep this title"' in html
    assert "A short summary." in html
    assert not PressRelease.objects.exists()


def test_image_without_alt_text_is_an_error_on_the_alt_field(admin_client_csrf, taxonomy):
    token, _ = _csrf(admin_client_csrf, ADD_URL)
    data = _form_data(taxonomy, csrfmiddlewaretoken=token, lead_image_alt="")
    data["lead_image"] = _upload(image_bytes("PNG"), "a.png")
    response = admin_client_csrf.post(ADD_URL, data)
    assert response.status_code == 200
    assert "lead_image_alt" in response.context["adminform"].form.errors


def test_a_chosen_image_is_asked_for_again_by_name_after_an_error_elsewhere(
    admin_client_csrf, taxonomy
):
    token, _ = _csrf(admin_client_csrf, ADD_URL)
    data = _form_data(taxonomy, csrfmiddlewaretoken=token, title="")
    data["lead_image"] = _upload(image_bytes("JPEG"), "meeting.jpg")
    response = admin_client_csrf.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title" in errors
    assert "choose “meeting.jpg” again" in " ".join(errors["lead_image"])
    assert not PressRelease.objects.exists()


def test_the_form_labels_start_with_a_capital(admin_client_csrf, taxonomy):
    html = admin_client_csrf.get(ADD_URL).content.decode()
    assert '<label for="id_lead_image">Lead image:</label>' in html


def test_the_admin_is_branded_and_the_publication_time_names_its_time_zone(
    admin_client_csrf, taxonomy
):
    html = admin_client_csrf.get(ADD_URL).content.decode()
    assert "Django administration" not in html
    assert '<a href="/admin/" class="admin-brand"><img class="admin-brand__logo"' in html
    assert "OSCE newsroom" in html
    assert '<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">' in html
    assert 'href="/static/css/admin-brand.css"' in html
    assert re.search(r"Date and time in Europe/Vienna \(now CES?T, UTC\+0[12]:00\)", html)
    assert 'class="vDateField"' in html and 'class="vTimeField"' in html  # the pickers


def test_a_release_shows_the_library_documents_chosen_in_its_admin(
    admin_client_csrf, taxonomy, client
):
    from ..documents import world

    document = world.document(
        taxonomy.secretariat, status=Status.PUBLISHED, title="Annual report",
        files=[("en", world.pdf())],
    )  # fmt: skip
    draft = world.document(taxonomy.secretariat, title="Draft annex", files=[("en", world.pdf())])
    token, _ = _csrf(admin_client_csrf, ADD_URL)
    data = _form_data(
        taxonomy,
        csrfmiddlewaretoken=token,
        **{
            "document_links-TOTAL_FORMS": "2",
            "document_links-0-document": str(document.pk),
            "document_links-0-position": "1",
            "document_links-1-document": str(draft.pk),
            "document_links-1-position": "0",
        },
    )
    assert admin_client_csrf.post(ADD_URL, data).status_code == 302
    release = PressRelease.objects.get(slug="experts-meet-in-minsk")
    PressRelease.objects.filter(pk=release.pk).update(status=Status.PUBLISHED)

    page = client.get(release.get_absolute_url()).content.decode()

    assert "Annual report" in page and f"/documents/{document.slug}/en.pdf" in page
    assert "Draft annex" not in page  # shown once the document itself is public


def test_changelist_query_count_does_not_grow(admin_client_csrf, make_release, taxonomy):
    def count_queries():
        cache.clear()  # count and years computed afresh, as after a content change
        with CaptureQueriesContext(connection) as queries:
            response = admin_client_csrf.get(CHANGELIST_URL)
        assert response.status_code == 200
        return len(queries)

    for _ in range(5):
        make_release(countries=[taxonomy.belarus])
    count_queries()  # the first request of a new database creates the generation's row
    small = count_queries()
    for _ in range(55):
        make_release(countries=[taxonomy.belarus], source=taxonomy.kosovo)
    assert count_queries() == small
    # Including the content generation, read once for the memoized count and years.
    assert small <= 10


def test_changelist_filters_by_source_subtree(admin_client_csrf, make_release, taxonomy):
    make_release(title="From TTD", source=taxonomy.ttd)
    make_release(title="From Kosovo", source=taxonomy.kosovo)
    response = admin_client_csrf.get(CHANGELIST_URL + "?source=secretariat")
    shown = [release.title for release in response.context["cl"].result_list]
    assert shown == ["From TTD"]


def test_publish_action_goes_through_the_workflow(admin_client_csrf, make_release):
    author = get_user_model().objects.create_user("writer", password="pw-123456")
    release = make_release(status=Status.DRAFT, created_by=author)
    token, _ = _csrf(admin_client_csrf, CHANGELIST_URL)
    response = admin_client_csrf.post(
        CHANGELIST_URL,
        {
            "action": "publish_selected",
            "_selected_action": [release.pk],
            "csrfmiddlewaretoken": token,
        },
        follow=True,
    )
    release.refresh_from_db()
    messages = [str(message) for message in response.context["messages"]]
    assert release.status == Status.PUBLISHED, messages
    assert "1 press release: published." in messages


def test_bulk_action_message_names_one_or_many_releases(admin_client_csrf, make_release):
    author = get_user_model().objects.create_user("writer", password="pw-123456")
    releases = [make_release(status=Status.DRAFT, created_by=author) for _ in range(2)]
    token, _ = _csrf(admin_client_csrf, CHANGELIST_URL)
    response = admin_client_csrf.post(
        CHANGELIST_URL,
        {
            "action": "publish_selected",
            "_selected_action": [release.pk for release in releases],
            "csrfmiddlewaretoken": token,
        },
        follow=True,
    )
    assert "2 press releases: published." in [str(m) for m in response.context["messages"]]
