"""Nothing is lost: protected deletes, menus that survive a lost target, dump/load round trip,
reversible migrations."""

import ast
import difflib
import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from editorial.models import Status
from press.models import PressRelease
from taxonomy import trees
from taxonomy.models import Country, FieldOfWork, Menu, MenuItem, Page, Place, Structure

PROJECT = Path(__file__).resolve().parents[2]
# Every app of the project's own that has migrations (a new app is covered without a list).
PROJECT_APPS = tuple(
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).parent == PROJECT and (Path(config.path) / "migrations").is_dir()
)


def assert_admin_refuses_delete(client, obj):
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert f"Cannot delete {opts.verbose_name}" in text, text[:3000]
    response = client.post(url, {"post": "yes"})
    assert response.status_code in {200, 403}
    assert type(obj)._default_manager.filter(pk=obj.pk).exists()


def test_a_structure_used_as_a_release_source_cannot_be_deleted(admin_client, world):
    assert_admin_refuses_delete(admin_client, world["unit"])


def test_a_structure_with_sub_units_cannot_be_deleted(admin_client, world):
    world["release"].source = Structure.objects.create(name="Other", slug="other", path="other")
    world["release"].save()
    assert_admin_refuses_delete(admin_client, world["structure"])
    assert Structure.objects.filter(pk=world["unit"].pk).exists()


def test_a_country_used_by_a_place_cannot_be_deleted(admin_client, world):
    world["release"].countries.clear()
    assert_admin_refuses_delete(admin_client, world["country"])
    assert Place.objects.get(pk=world["place"].pk).country_id == world["country"].pk


def test_a_place_used_by_a_release_cannot_be_deleted(admin_client, world):
    assert_admin_refuses_delete(admin_client, world["place"])


def test_a_field_of_work_used_by_a_release_cannot_be_deleted(admin_client, world):
    assert_admin_refuses_delete(admin_client, world["field_of_work"])
    assert world["release"].fields_of_work.count() == 1


def test_a_country_tagged_on_a_release_cannot_be_deleted(admin_client, world):
    austria = world["country"]
    Place.objects.filter(country=austria).update(country=None)
    assert_admin_refuses_delete(admin_client, austria)
    assert list(world["release"].countries.all()) == [austria]


def test_bulk_delete_with_one_protected_node_deletes_nothing(admin_client, world):
    spare = FieldOfWork.objects.create(name="Spare", slug="spare")
    response = admin_client.post(
        "/admin/taxonomy/fieldofwork/",
        {
            "action": "delete_selected",
            "_selected_action": [str(spare.pk), str(world["field_of_work"].pk)],
            "post": "yes",
        },
    )
    assert response.status_code == 200
    assert "Cannot delete" in response.content.decode()
    assert FieldOfWork.objects.filter(pk__in=[spare.pk, world["field_of_work"].pk]).count() == 2


@pytest.mark.django_db
def test_menu_items_whose_target_disappears_are_hidden_not_broken(admin_client, client):
    page = Page.objects.create(
        title="About us", slug="about-us", body="<p>About</p>", status=Status.PUBLISHED
    )
    menu = Menu.objects.create(name="Main", slug="main")
    trees.create_node(MenuItem, menu=menu, label="About the organisation", page=page)
    trees.create_node(MenuItem, menu=menu, label="Newsroom", named_url="press:release-list")
    assert "About the organisation" in client.get("/").content.decode()

    response = admin_client.post(f"/admin/taxonomy/page/{page.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    cache.clear()

    home = client.get("/")
    assert home.status_code == 200
    text = home.content.decode()
    assert "About the organisation" not in text
    assert "Newsroom" in text
    assert 'href="None"' not in text and 'href=""' not in text
    changelist = admin_client.get("/admin/taxonomy/menuitem/")
    assert "(page not public: hidden)" in changelist.content.decode()


@pytest.mark.parametrize("state", ["draft", "scheduled", "trashed"])
def test_a_menu_item_of_a_page_that_is_not_public_is_not_shown(db, client, state):
    values = {
        "draft": {"status": Status.DRAFT},
        "scheduled": {"status": Status.SCHEDULED, "published_at": timezone.now() + timedelta(1)},
        "trashed": {"status": Status.PUBLISHED, "deleted_at": timezone.now()},
    }[state]
    page = Page.objects.create(title="Plans", slug="plans", body="<p>Soon</p>", **values)
    menu = Menu.objects.create(name="Main", slug="main")
    trees.create_node(MenuItem, menu=menu, label="Our secret plans", page=page)
    trees.create_node(MenuItem, menu=menu, label="Newsroom", named_url="press:release-list")

    text = client.get("/").content.decode()

    assert "Newsroom" in text
    assert "Our secret plans" not in text
    assert "/pages/plans/" not in text


ROUND_TRIP_PAGES = [
    "/",
    "/press-releases/",
    "/press-releases/?page=2",
    "/press-releases/?source=secretariat",
    "/press-releases/feed/",
    "/sitemap.xml",
    "/sitemap-press-releases.xml",
    "/fields-of-work/",
    "/countries/",
    "/structures/",
    "/meetings/",
]
DUMPED = [
    "auth.group",
    "auth.user",
    "taxonomy",
    "editorial",
    "press",
    "meetings",
    "documents",
]
VOLATILE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|nonce="[^"]*"')


def snapshot(client):
    cache.clear()
    paths = list(ROUND_TRIP_PAGES)
    for release in PressRelease.objects.public().order_by("pk")[:5]:
        paths.append(release.get_absolute_url())
    for structure in Structure.objects.order_by("pk")[:5]:
        paths.append(structure.get_absolute_url())
    pages = {}
    for path in paths:
        response = client.get(path)
        pages[path] = (response.status_code, VOLATILE.sub("", response.content.decode()))
    return pages


def test_dumpdata_and_loaddata_round_trip_gives_identical_public_pages(
    transactional_db, client, django_user_model
):
    call_command("load_demo", "--releases", "30", stdout=StringIO())
    before = snapshot(client)
    assert all(status == 200 for status, _ in before.values()), {
        p: s for p, (s, _) in before.items() if s != 200
    }
    counts = {model: model.objects.count() for model in (PressRelease, Structure, Country)}

    # XML, not JSON: Django's JSON encoder cuts datetimes to milliseconds.
    dump = StringIO()
    call_command(
        "dumpdata", *DUMPED, "--natural-foreign", "--natural-primary", "--format=xml", stdout=dump
    )
    call_command("flush", "--no-input", verbosity=0)
    assert PressRelease.objects.count() == 0
    fixture = Path("/tmp") / f"osce-round-trip-{id(dump)}.xml"
    fixture.write_text(dump.getvalue())
    try:
        call_command("loaddata", str(fixture), verbosity=0)
    finally:
        fixture.unlink()

    assert {model: model.objects.count() for model in counts} == counts
    out = StringIO()
    call_command("check_trees", stdout=out)
    after = snapshot(client)
    assert after.keys() == before.keys()
    for path in before:
        if after[path] != before[path]:
            diff = difflib.unified_diff(
                before[path][1].splitlines(), after[path][1].splitlines(), lineterm="", n=1
            )
            pytest.fail(f"{path} differs after the round trip:\n" + "\n".join(list(diff)[:40]))


def test_load_demo_leaves_every_tree_valid(db):
    call_command("load_demo", "--releases", "5", stdout=StringIO())
    out = StringIO()
    call_command("check_trees", stdout=out)
    assert "Every tree is valid." in out.getvalue()


def data_migrations():
    for app in PROJECT_APPS:
        for path in sorted((PROJECT / app / "migrations").glob("0*.py")):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {
                    "RunPython",
                    "RunSQL",
                }:
                    yield path.relative_to(PROJECT), node


def test_every_data_migration_has_a_reverse_operation():
    found = list(data_migrations())
    assert found, "expected at least the editorial groups data migration"
    for path, call in found:
        has_reverse = len(call.args) >= 2 or any(
            kw.arg in {"reverse_code", "reverse_sql"} for kw in call.keywords
        )
        assert has_reverse, f"{path}:{call.lineno} has no reverse operation"


def test_migrations_run_backwards_to_zero_and_forwards_again(transactional_db):
    executor = MigrationExecutor(connection)
    leaves = [key for key in executor.loader.graph.leaf_nodes() if key[0] in PROJECT_APPS]
    executor.migrate([(app, None) for app in PROJECT_APPS])
    executor.loader.build_graph()
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert not [t for t in tables if t.startswith(tuple(f"{app}_" for app in PROJECT_APPS))]
    executor.migrate(leaves)
    executor.loader.build_graph()
    call_command("migrate", "--check", verbosity=0)
