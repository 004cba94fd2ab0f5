"""A corpus of XSS payloads in every text field an editor can fill: nothing executes anywhere."""

import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.utils import timezone

from editorial import revisions
from editorial.models import EditorialScope
from press import workflow
from press.models import PressContact, PressRelease, Status
from taxonomy import trees
from taxonomy.models import Menu, MenuItem, Page

from ..documents import world as documents_world
from .conftest import assert_safe_html, make_user

SHORT = (
    '"><img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>'
    '{{ 7*7 }}</textarea><a href="jav&#x61;script:alert(4)">x</a>'
)
RICH = [
    "<p>Intro</p><script>alert('body')</script>",
    '<img src=x onerror="alert(5)">',
    "<svg><g onload=alert(6)></g></svg>",
    '<a href="javascript:alert(7)">js</a>',
    '<a href="JaVaScRiPt:alert(8)">case</a>',
    '<a href="jav&#x61;script:alert(9)">entity</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(10)">dec</a>',
    '<a href="java\tscript:alert(11)">tab</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=">data</a>',
    '<iframe src="javascript:alert(13)"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>",
    "<<script>alert(15);//<</script>",
    '<p style="background:url(javascript:alert(16))" onclick="alert(17)">styled</p>',
    '<form action="javascript:alert(18)"><button formaction=javascript:alert(19)>b</button>',
    '<base href="https://evil.example/"><meta http-equiv=refresh content=0;url=//evil.example>',
    "<img src=x onerror=alert(20)//",
    "{{ 7*7 }}{% debug %}",
]
BODY = "".join(RICH)


@pytest.fixture
def hostile(world, django_user_model):
    editor = make_user("editor", superuser=True)
    editor.email = "editor@example.org"
    editor.save()
    unit = world["unit"]
    unit.name = "Unit " + SHORT
    unit.public_name = "Public " + SHORT
    unit.description = BODY
    unit.save()
    for key in ("field_of_work", "country", "place", "structure"):
        node = world[key]
        node.name = f"{node.name} {SHORT}"
        node.description = BODY
        node.save()
    page = Page.objects.create(
        title="Page " + SHORT, slug="hostile-page", body=BODY, status=Status.PUBLISHED
    )
    menu, _ = Menu.objects.get_or_create(slug="main", defaults={"name": "Main"})
    trees.create_node(MenuItem, menu=menu, label="Menu " + SHORT, page=page)
    trees.create_node(MenuItem, menu=menu, label="Heading " + SHORT, is_heading=True)

    release = world["release"]
    revisions.record_revision(release, editor)
    release.title = "Title " + SHORT
    release.lead = "Lead " + SHORT
    release.body = BODY
    release.lead_image_alt = "Alt " + SHORT
    release.lead_image_caption = "Caption " + SHORT
    release.lead_image_credit = "Credit " + SHORT
    release.save()
    revisions.record_revision(release, editor, comment="Comment " + SHORT)
    PressContact.objects.create(
        release=release, name="Name " + SHORT, role="Role " + SHORT, phone="+43 1 " + SHORT[:30]
    )
    document = documents_world.document(
        unit,
        status=Status.PUBLISHED,
        title="Attachment " + SHORT,
        slug="hostile-document",
        reference_number="REF " + SHORT[:40],
        summary="Summary " + SHORT,
        files=[("en", documents_world.pdf())],
    )
    document.release_links.create(release=release)
    draft = PressRelease.objects.create(
        title="Draft " + SHORT,
        slug="hostile-draft",
        source=unit,
        lead="Draft lead " + SHORT,
        body=BODY,
        status=Status.DRAFT,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    draft.fields_of_work.add(world["field_of_work"])
    return {"release": release, "draft": draft, "page": page, "editor": editor, **world}


def test_rich_text_is_sanitised_before_it_is_stored(hostile):
    for obj in (hostile["release"], hostile["page"]):
        stored = type(obj).objects.get(pk=obj.pk).body
        assert_safe_html(stored)
        assert "<script" not in stored.lower() and "alert(" not in stored.replace("alert(7)", "")


def public_urls(hostile):
    release = hostile["release"]
    return [
        "/",
        release.get_absolute_url(),
        "/press-releases/",
        "/press-releases/?q=Title",
        "/press-releases/?source=" + hostile["structure"].slug,
        "/documents/",
        "/documents/hostile-document/",
        "/documents/?q=Attachment",
        hostile["unit"].get_absolute_url(),
        hostile["structure"].get_absolute_url(),
        hostile["field_of_work"].get_absolute_url(),
        hostile["country"].get_absolute_url(),
        hostile["country_group"].get_absolute_url(),
        hostile["place"].get_absolute_url(),
        hostile["page"].get_absolute_url(),
        "/fields-of-work/",
        "/countries/",
        "/structures/",
        "/no-such-page/",
    ]


def test_nothing_executes_on_any_public_page(client, hostile):
    for url in public_urls(hostile):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert_safe_html(response)
        assert "<script>alert" not in response.content.decode(), url


def test_template_syntax_in_content_is_shown_not_run(client, hostile):
    text = client.get(hostile["release"].get_absolute_url()).content.decode()
    assert "{{ 7*7 }}" in text


def test_the_feed_carries_only_safe_html(client, hostile):
    response = client.get("/press-releases/feed/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert items
    for item in items:
        # Feed readers render <description> as HTML: it must be safe once unescaped.
        assert_safe_html(item.findtext("description") or "")
        # <title> is plain text in RSS 2.0 (escaped once by the XML, as it must be).
        assert b'<title>Title "><script' not in response.content


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-press-releases.xml"])
def test_the_sitemap_carries_no_markup(client, hostile, path):
    response = client.get(path)
    assert response.status_code == 200
    ET.fromstring(response.content)
    assert b"<script" not in response.content and b"<img" not in response.content


def admin_urls(hostile):
    release, draft = hostile["release"], hostile["draft"]
    history = list(release.revisions.order_by("pk").values_list("pk", flat=True))
    base = f"/admin/press/pressrelease/{release.pk}"
    return [
        "/admin/",
        "/admin/press/pressrelease/",
        "/admin/press/pressrelease/?q=Title",
        f"{base}/change/",
        f"{base}/history/",
        f"{base}/revisions/",
        f"{base}/revisions/?old={history[0]}&new={history[-1]}",
        f"{base}/workflow/",
        f"{base}/delete/",
        f"/admin/press/pressrelease/{draft.pk}/preview/",
        "/admin/editorial/auditentry/",
        "/admin/taxonomy/structure/",
        f"/admin/taxonomy/structure/{hostile['unit'].pk}/change/",
        f"/admin/taxonomy/structure/{hostile['unit'].pk}/delete/",
        "/admin/taxonomy/fieldofwork/",
        "/admin/taxonomy/country/",
        "/admin/taxonomy/place/",
        "/admin/taxonomy/menuitem/",
        "/admin/taxonomy/page/",
        f"/admin/taxonomy/page/{hostile['page'].pk}/change/",
    ]


def test_nothing_executes_on_any_admin_page(client, hostile):
    client.force_login(hostile["editor"])
    for url in admin_urls(hostile):
        response = client.get(url)
        if response.status_code == 404 and "auditentry" in url:
            continue
        assert response.status_code == 200, url
        assert_safe_html(response, allow_style_attributes=True)
        assert "<script>alert" not in response.content.decode(), url


def test_success_messages_escape_what_the_editor_typed(client, hostile):
    client.force_login(hostile["editor"])
    page = hostile["page"]
    response = client.post(
        f"/admin/taxonomy/page/{page.pk}/change/",
        {
            "title_en": "Saved " + SHORT,
            "slug": page.slug,
            "body_en": "<p>x</p>",
            "published_at_0": "2026-01-05",
            "published_at_1": "10:00:00",
            "loaded_version": page.version,
        },
        follow=True,
    )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert messages and any("Saved" in m for m in messages)
    assert_safe_html(response, allow_style_attributes=True)
    assert "<script>alert" not in response.content.decode()


def test_notification_e_mails_carry_no_live_markup(hostile, django_capture_on_commit_callbacks):
    officer = make_user("officer", superuser=True)
    reviewer = make_user("reviewer", perms=["press.review_pressrelease"])
    reviewer.email = "reviewer@example.org"
    reviewer.save()
    EditorialScope.objects.create(user=reviewer, structure=hostile["structure"])
    release = hostile["draft"]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(release, officer)
    assert mail.outbox, "submitting for review notifies the editors"
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.content_subtype == "plain"
        for content, mimetype in getattr(message, "alternatives", []):
            if "html" in mimetype:
                assert_safe_html(content)
