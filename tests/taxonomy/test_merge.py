"""Merging two terms: one transaction, tags moved, trees valid, a redirect left behind."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.utils import timezone

from editorial.models import EditorialScope
from press.models import PressRelease, Status
from taxonomy import redirects, trees
from taxonomy.models import FieldOfWork, Menu, MenuItem, Structure


def release(source, *topics, title="A release"):
    item = PressRelease.objects.create(
        title=title,
        lead="Lead.",
        source=source,
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    item.fields_of_work.set(topics)
    return item


@pytest.fixture
def world(db, django_user_model):
    root = trees.create_node(Structure, name="Secretariat", slug="secretariat")
    old = trees.create_node(Structure, root, name="Gender Section", slug="gender", aliases="GS")
    survivor = trees.create_node(Structure, root, name="Gender Issues Programme", slug="gip")
    child = trees.create_node(Structure, old, name="Gender desk", slug="desk")
    old_topic = trees.create_node(FieldOfWork, name="Gender", slug="gender")
    topic = trees.create_node(FieldOfWork, name="Gender equality", slug="gender-equality")
    officer = django_user_model.objects.create_user("officer")
    EditorialScope.objects.create(user=officer, structure=old)
    EditorialScope.objects.create(user=officer, structure=survivor)
    menu = Menu.objects.create(name="Main", slug="main")
    item = trees.create_node(MenuItem, menu=menu, label="Gender", structure=old)
    return root, old, survivor, child, old_topic, topic, officer, item


def test_merging_structures_moves_everything_to_the_survivor(client, world):
    _root, old, survivor, child, _old_topic, topic, officer, item = world
    issued = release(old, topic)
    merged = trees.merge_nodes(old, survivor)
    assert not Structure.objects.filter(pk=old.pk).exists()
    issued.refresh_from_db()
    assert issued.source == merged
    child.refresh_from_db()
    assert child.parent == merged and child.path == "secretariat/gip/desk"
    item.refresh_from_db()
    assert item.structure == merged
    assert list(
        EditorialScope.objects.filter(user=officer).values_list("structure", flat=True)
    ) == [merged.pk]
    assert merged.former_name_list == ["Gender Section"] and merged.alias_list == ["GS"]
    assert list(Structure.objects.named("Gender Section")) == [merged]
    assert trees.check_tree(Structure) == []
    response = client.get("/structures/secretariat/gender/")
    assert response.status_code == 301 and response["Location"] == "/structures/secretariat/gip/"
    response = client.get("/structures/secretariat/gender/desk/")
    assert response["Location"] == "/structures/secretariat/gip/desk/"


def test_merging_tags_lists_a_release_tagged_with_both_once(world):
    _root, old, _survivor, _child, old_topic, topic, *_rest = world
    both = release(old, old_topic, topic)
    only_old = release(old, old_topic)
    trees.merge_nodes(old_topic, topic)
    assert list(both.fields_of_work.all()) == [topic]
    assert list(only_old.fields_of_work.all()) == [topic]
    assert trees.check_tree(FieldOfWork) == []
    assert redirects.find(FieldOfWork, "gender") == topic


def test_a_merge_into_itself_or_a_descendant_is_refused_and_changes_nothing(world):
    _root, old, _survivor, child, old_topic, *_rest = world
    for source, target in [(old, old), (old, child)]:
        with pytest.raises(ValidationError):
            trees.merge_nodes(source, target)
    with pytest.raises(ValidationError):
        trees.merge_nodes(old, old_topic)
    assert Structure.objects.filter(pk=old.pk).exists()
    assert trees.check_tree(Structure) == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_merge_waits_for_a_concurrent_edit_and_keeps_its_tag_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL.")
    source = trees.create_node(Structure, name="Source", slug="source")
    old_topic = trees.create_node(FieldOfWork, name="Old topic", slug="old-topic")
    topic = trees.create_node(FieldOfWork, name="Topic", slug="topic")
    edited = release(source, title="Edited concurrently")
    tagged, merged, errors = threading.Event(), threading.Event(), []

    def editor():
        try:
            with transaction.atomic():
                edited.fields_of_work.add(old_topic)
                tagged.set()
                time.sleep(0.5)  # the merge starts meanwhile and must wait for this commit
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    def merger():
        try:
            tagged.wait(5)
            trees.merge_nodes(old_topic, topic)
            merged.set()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor), threading.Thread(target=merger)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    assert merged.is_set()
    assert list(edited.fields_of_work.all()) == [topic]
    assert not FieldOfWork.objects.filter(slug="old-topic").exists()
    assert trees.check_tree(FieldOfWork) == []
