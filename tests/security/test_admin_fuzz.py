"""Hostile input on every admin URL and parameter, as every role: never a 500.

Django's own (change list filters, search, ordering, paging, the date hierarchy, the "view on
site" shortcut, autocomplete, change/history/delete) and every custom URL a model admin adds
(workflow, transitions, revisions, previews, trash), each filled with hostile values. The
parameters of each change list are read from its filters, so a new admin or filter is fuzzed
without being listed here.
"""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.press import workflow_world as roles

from .test_public_input_fuzz import hostile_text

ALLOWED_STATUSES = {200, 302, 400, 403, 404, 405}
ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GENERIC_PARAMETERS = [SEARCH_VAR, ORDER_VAR, PAGE_VAR, "all", "e", "_to_field", "_popup"]
GENERIC_PARAMETERS += ["_facets", "_changelist_filters"]
hostile_values = st.one_of(
    hostile_text,
    st.sampled_from(["9999", "0", "1", "-1", "99999999999999999999", "%ff", "abc", "2024"]),
)


@pytest.fixture
def users(world):
    """A user per role, scoped to the world's structure where the role has a scope."""
    unit = world["structure"]
    return {
        role: roles.user(role, unit) if role in roles.GROUP_OF_ROLE else roles.user(role)
        for role in roles.ROLES
    }


def as_role(client, user):
    client.force_login(user)
    return client


def check(client, method, url, data=None):
    response = getattr(client, method)(url, data or {})
    assert response.status_code in ALLOWED_STATUSES, (method, url, data, response.status_code)
    if response.status_code in {301, 302}:
        location = response["Location"]
        assert not location.startswith("//") and "://" not in location.split("?")[0], location
    return response


def changelist_parameters(model, model_admin, superuser):
    """Every parameter the model's change list reads, from its filters and date hierarchy."""
    request = RequestFactory().get("/")
    request.user = superuser
    names = set(GENERIC_PARAMETERS)
    changelist = model_admin.get_changelist_instance(request)
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    if model_admin.date_hierarchy:
        names.update(f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day"))
    return sorted(names)


def encode(value):
    return quote(value, safe="")


@pytest.mark.parametrize("role", roles.ROLES)
@FUZZ
@given(data=st.data())
def test_change_list_parameters_never_break_an_admin_list(client, world, users, role, data):
    as_role(client, users[role])
    model, model_admin = data.draw(st.sampled_from(ADMINS))
    names = changelist_parameters(model, model_admin, users["superuser"])
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(names), hostile_values), min_size=1, max_size=5)
    )
    query = "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)
    opts = model._meta
    check(client, "get", f"/admin/{opts.app_label}/{opts.model_name}/?{query}")


def admin_url_patterns(resolver, prefix=""):
    for entry in resolver:
        if isinstance(entry, URLResolver):
            yield from admin_url_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def fill(pattern, draw):
    """``pattern`` (Django's route syntax) with every converter filled by a hostile value."""
    parts = []
    for piece in pattern.replace("^", "").replace("$", "").split("<"):
        if ">" not in piece:
            parts.append(piece)
            continue
        converter, rest = piece.split(">", 1)
        kind = converter.split(":")[0] if ":" in converter else "str"
        if kind == "int":
            value = str(draw(st.integers(min_value=0, max_value=10**20)))
        else:
            value = encode(draw(hostile_values.filter(bool)))
        parts.append(value + rest)
    return "".join(parts)


OBJECT_URLS = sorted(
    {
        (model._meta.app_label, model._meta.model_name, pattern)
        for model, model_admin in ADMINS
        for pattern in admin_url_patterns(model_admin.get_urls())
        if "<" in pattern
    }
)


@pytest.mark.parametrize(("app_label", "model_name", "pattern"), OBJECT_URLS)
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_object_urls_never_break_with_hostile_ids(
    client, world, users, app_label, model_name, pattern, data
):
    as_role(client, users[data.draw(st.sampled_from(roles.ROLES))])
    url = f"/admin/{app_label}/{model_name}/{fill(pattern, data.draw)}"
    check(client, "get", url)
    form = data.draw(st.dictionaries(st.sampled_from(FORM_FIELDS), hostile_values, max_size=4))
    check(client, "post", url, form)


FORM_FIELDS = ["comment", "when", "reason", "note", "alternative_url", "days", "post", "old"]


@pytest.mark.parametrize("role", ["superuser", "editor", "press_officer", "plain_staff"])
@FUZZ
@given(data=st.data())
def test_object_urls_of_a_real_release_never_break(client, world, users, role, data):
    as_role(client, users[role])
    release = world["release"]
    patterns = [p for app, name, p in OBJECT_URLS if (app, name) == ("press", "pressrelease")]
    pattern = data.draw(st.sampled_from(patterns))
    url = "/admin/press/pressrelease/" + fill(
        pattern.replace("<path:object_id>", str(release.pk)), data.draw
    )
    query = data.draw(
        st.dictionaries(st.sampled_from([*FORM_FIELDS, "new"]), hostile_values, max_size=3)
    )
    check(client, "get", url, query)
    check(client, "post", url, query)


@pytest.mark.parametrize("role", roles.ROLES)
@FUZZ
@given(data=st.data())
def test_autocomplete_and_the_shortcut_never_break(client, world, users, role, data):
    as_role(client, users[role])
    real = [
        ("press", "pressrelease", field)
        for field in admin.site._registry[world["release"].__class__].related_autocomplete
    ]
    app_label, model_name, field_name = data.draw(
        st.sampled_from(real) | st.tuples(hostile_values, hostile_values, hostile_values)
    )
    term = data.draw(hostile_values | st.just(" ".join(["talks"] * 1100)))
    check(
        client,
        "get",
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    content_type = data.draw(
        st.sampled_from(list(ContentType.objects.values_list("pk", flat=True)))
    )
    object_id = data.draw(hostile_values.filter(bool) | st.just(str(world["release"].pk)))
    check(client, "get", f"/admin/r/{content_type}/{encode(object_id)}/")
