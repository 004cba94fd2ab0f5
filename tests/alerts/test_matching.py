"""Matching by the term index: subtrees, AND across filters, OR within one, words, drafts."""

import pytest

from alerts import matching
from alerts.models import AlertFilter, Delivery, Frequency, Subscription
from press.models import Status
from tests.press import workflow_world as world

pytestmark = pytest.mark.django_db


def matched(kind, item):
    return set(matching.matching_subscriptions(kind, item).values_list("id", flat=True))


def test_a_group_of_countries_matches_a_release_tagged_with_one_of_its_members(
    kind, follow, release, taxonomy
):
    states = follow("country=participating-states")
    belarus = follow("country=belarus")
    japan = follow("country=japan")
    item = release(countries=[taxonomy.belarus])
    assert matched(kind, item) == {states.pk, belarus.pk}
    assert japan.pk not in matched(kind, item)


def test_filters_combine_with_and_and_values_of_one_filter_with_or(kind, follow, release, taxonomy):
    both = follow("field_of_work=policing&country=belarus")
    either_country = follow("country=japan&country=belarus")
    kosovo = follow("source=mission-in-kosovo")
    operations = follow("source=field-operations&field_of_work=community-policing")
    item = release(
        fields=[taxonomy.community], countries=[taxonomy.belarus], source=taxonomy.kosovo
    )
    assert matched(kind, item) == {both.pk, either_country.pk, kosovo.pk, operations.pk}
    other = release(fields=[taxonomy.borders], countries=[taxonomy.belarus])
    assert matched(kind, other) == {either_country.pk}


def test_words_must_all_appear_in_the_title_lead_or_text(kind, follow, release):
    elections = follow("q=Elections Observers")
    item = release(title="Observers arrive", lead="", body="<p>For the <b>elections</b>.</p>")
    assert matched(kind, item) == {elections.pk}
    assert matched(kind, release(title="Observers arrive", lead="No vote.")) == set()


def test_a_filter_without_terms_matches_everything(kind, follow, release, taxonomy):
    everything = follow("")
    assert matched(kind, release(fields=[taxonomy.borders])) == {everything.pk}


def test_unconfirmed_subscriptions_never_match(kind, follow, release, taxonomy):
    subscription = follow("country=belarus")
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=None)
    assert matched(kind, release(countries=[taxonomy.belarus])) == set()


def test_one_filter_is_shared_by_everyone_who_follows_it_in_any_order(kind, follow, taxonomy):
    follow("country=belarus&field_of_work=policing")
    follow("field_of_work=policing&country=belarus&page=3&date_from=2020-01-01")
    assert AlertFilter.objects.count() == 1
    assert AlertFilter.objects.get().query == "field_of_work=policing&country=belarus"
    assert AlertFilter.objects.get().groups == 2


def test_recording_deliveries_twice_creates_one_per_subscription(kind, follow, release, taxonomy):
    follow("country=belarus")
    follow("country=belarus", frequency=Frequency.DAILY)
    item = release(countries=[taxonomy.belarus])
    first = matching.record_deliveries(kind, item)
    assert set(first) == {Frequency.IMMEDIATE, Frequency.DAILY}
    matching.record_deliveries(kind, item)
    assert Delivery.objects.count() == 2


def test_matching_costs_the_same_few_queries_however_many_subscriptions(
    kind, follow, release, taxonomy, django_assert_num_queries
):
    for _ in range(30):
        follow("country=participating-states&field_of_work=policing")
        follow("q=police")
    item = release(fields=[taxonomy.community], countries=[taxonomy.belarus], title="Police")
    # Four trees (the release's nodes and their ancestors), the index, the subscriptions.
    with django_assert_num_queries(6):
        assert len(matched(kind, item)) == 60


def test_a_draft_is_not_matched_by_the_task(kind, follow, taxonomy, run_tasks):
    from alerts.tasks import match_published

    follow("country=belarus")
    draft = world.release(taxonomy.secretariat, status=Status.DRAFT)
    draft.countries.set([taxonomy.belarus])
    match_published.enqueue("press", draft.pk)
    run_tasks()
    assert not Delivery.objects.exists()
