"""The shared rich-text editor: on the simple-page and press-release admin forms, under a policy
that allows it by nonce and hash on those forms only; the public pages keep the strict policy."""

import re

import pytest

from press.models import PressRelease, Status
from taxonomy.models import Page


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, _, values in (part.strip().partition(" ") for part in policy.split(";"))
        if name
    }


def assert_editor_policy(response):
    html = response.content.decode()
    script_src = directives(response)["script-src"].split()
    nonce = re.search(r"'nonce-([^']+)'", directives(response)["script-src"]).group(1)
    assert script_src == ["'self'", f"'nonce-{nonce}'"]
    assert f'<script type="importmap" nonce="{nonce}">' in html
    assert "'sha256-" in directives(response)["style-src"]
    assert "unsafe" not in response.headers["Content-Security-Policy"]


@pytest.fixture
def page(db):
    return Page.objects.create(
        title="Our history",
        slug="our-history-test",
        body="<p>Since 1975.</p>",
        status=Status.PUBLISHED,
    )


@pytest.mark.django_db
def test_page_admin_edits_the_body_with_the_editor_under_a_nonce_policy(admin_client, page):
    response = admin_client.get(f"/admin/taxonomy/page/{page.pk}/change/")
    assert response.status_code == 200
    assert_editor_policy(response)
    html = response.content.decode()
    # One editor per language (pages are translated: taxonomy/translation.py).
    body = re.search(r'<textarea name="body_en"[^>]*>', html).group(0)
    assert "data-django-prose-editor-default=" in body
    assert '<label for="id_body_en"' in html
    assert 'src="/static/js/admin-editor.js"' in html


@pytest.mark.django_db
def test_page_admin_add_form_has_the_editor_and_saves_sanitised_rich_text(admin_client):
    assert_editor_policy(admin_client.get("/admin/taxonomy/page/add/"))
    response = admin_client.post(
        "/admin/taxonomy/page/add/",
        {
            "title_en": "Mandate",
            "slug": "mandate",
            "published_at_0": "2026-01-05",
            "published_at_1": "10:00:00",
            "body_en": '<p onclick="x()">Our <strong>mandate</strong></p><script>alert(1)</script>',
        },
    )
    assert response.status_code == 302
    assert Page.objects.get(slug="mandate").body == "<p>Our <strong>mandate</strong></p>"


@pytest.mark.django_db
def test_press_release_form_uses_the_same_editor_and_policy(admin_client):
    response = admin_client.get("/admin/press/pressrelease/add/")
    assert_editor_policy(response)
    assert 'src="/static/js/admin-editor.js"' in response.content.decode()


@pytest.mark.django_db
def test_admin_pages_without_the_editor_keep_the_strict_policy(admin_client, page):
    for url in ["/admin/", "/admin/taxonomy/page/", f"/admin/taxonomy/page/{page.pk}/delete/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["script-src"] == "'self'", url
        assert "nonce-" not in response.headers["Content-Security-Policy"], url


def test_public_pages_keep_the_strict_policy(client, demo, page):
    release = PressRelease.objects.filter(status=Status.PUBLISHED).first()
    for url in ["/", "/press-releases/", release.get_absolute_url(), page.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == "'self'", url
        assert policy["style-src"] == "'self'", url
        assert "nonce" not in response.headers["Content-Security-Policy"], url
        assert "nonce=" not in response.content.decode(), url
