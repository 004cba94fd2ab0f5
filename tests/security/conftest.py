"""Shared tools of the adversarial suite: an HTML inspector and a small world of content."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from press.models import PressRelease, Status
from taxonomy.models import Country, FieldOfWork, Place, Structure

# Script types that a browser executes; anything else (JSON, JSON-LD) is a data block.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


class _Inspector(HTMLParser):
    def __init__(self, *, allow_style_attributes):
        super().__init__(convert_charrefs=True)
        self.allow_style_attributes = allow_style_attributes
        self.findings = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            kind = (attributes.get("type") or "").strip().lower()
            if kind in EXECUTABLE_SCRIPT_TYPES and not attributes.get("src"):
                self.findings.append(f"inline <script> {attrs!r}")
        if tag in {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}:
            self.findings.append(f"<{tag}> element {attrs!r}")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.findings.append(f"meta refresh {attrs!r}")
        if tag == "style":
            self.findings.append("inline <style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"event handler {name}= on <{tag}>")
            if name == "style" and not self.allow_style_attributes:
                self.findings.append(f"style attribute on <{tag}>")
            if name in URL_ATTRIBUTES and value and _dangerous_url(tag, name, value):
                self.findings.append(f"dangerous URL {name}={value!r} on <{tag}>")


def _dangerous_url(tag, name, value):
    # Browsers ignore whitespace and control characters inside a scheme; so do we.
    normal = CONTROL_AND_SPACE.sub("", html.unescape(value)).lower()
    if tag == "img" and name == "src" and normal.startswith("data:image/") and "svg" not in normal:
        return False
    if tag == "link" and normal == "data:,":  # the empty favicon that saves a request
        return False
    return normal.startswith(DANGEROUS_SCHEMES)


def unsafe_markup(content, *, allow_style_attributes=False):
    """Everything in an HTML document that could run script or escape the CSP."""
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    inspector = _Inspector(allow_style_attributes=allow_style_attributes)
    inspector.feed(content)
    inspector.close()
    return inspector.findings


def assert_safe_html(response_or_text, **options):
    content = getattr(response_or_text, "content", response_or_text)
    findings = unsafe_markup(content, **options)
    assert not findings, findings


@pytest.fixture
def world(db):
    """A small piece of every tree and one public release, created through the ORM."""
    group = Country.objects.create(name="Participating States", slug="participating-states")
    austria = Country.objects.create(name="Austria", slug="austria", iso_code="AT", parent=group)
    vienna = Place.objects.create(name="Vienna", slug="vienna", country=austria)
    secretariat = Structure.objects.create(
        name="Secretariat", slug="secretariat", path="secretariat"
    )
    unit = Structure.objects.create(
        name="Conflict Prevention Centre",
        slug="conflict-prevention-centre",
        path="secretariat/conflict-prevention-centre",
        parent=secretariat,
    )
    policing = FieldOfWork.objects.create(name="Policing", slug="policing")
    release = PressRelease.objects.create(
        title="Police co-operation strengthened",
        slug="police-co-operation-strengthened",
        source=unit,
        place=vienna,
        lead="Officers met in Vienna.",
        body="<p>Officers met.</p>",
        status=Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(days=1),
    )
    release.fields_of_work.add(policing)
    release.countries.add(austria)
    return {
        "country_group": group,
        "country": austria,
        "place": vienna,
        "structure": secretariat,
        "unit": unit,
        "field_of_work": policing,
        "release": release,
    }


def make_user(username, *, groups=(), perms=(), superuser=False, password="correct-horse-42"):
    user = User.objects.create_user(
        username=username, password=password, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    for codename in perms:
        app_label, code = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=code)
        )
    return user


class _FormReader(HTMLParser):
    """Collects, for every form on a page, what a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.data = None
        self.select = None
        self.textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.data = {}
            self.forms.append(self.data)
        elif self.data is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self._add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
            self.data.setdefault(self.select, [])
        elif tag == "option" and self.select and "selected" in a:
            self._add(self.select, a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self._add(self.textarea, "")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.data = None


def form_data(client, url):
    """GET ``url`` and return its main (largest) form's fields as a browser would submit them."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    reader = _FormReader()
    reader.feed(response.content.decode())
    largest = max(reader.forms, key=len)
    return {k: (v if len(v) != 1 else v[0]) for k, v in largest.items() if v}


ADD_RELEASE_URL = "/admin/press/pressrelease/add/"


@pytest.fixture
def release_form(admin_client, world):
    data = form_data(admin_client, ADD_RELEASE_URL)
    data.update(
        title="Upload test",
        slug="upload-test",
        lead="A lead.",
        body="<p>Body</p>",
        source=str(world["unit"].pk),
        fields_of_work=[str(world["field_of_work"].pk)],
        place=str(world["place"].pk),
        published_at_0="2024-01-02",
        published_at_1="10:00:00",
        lead_image_alt="A description",
    )
    data.pop("_continue", None)
    return data
