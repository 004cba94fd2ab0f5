"""A task for the tests of retries: it fails until it has been tried ``failures`` times."""

from django.core.cache import cache
from django.tasks import task

from osce_cms import background


class OutsideServiceDown(Exception):
    pass


@task
def flaky(name, failures, attempt=0):
    tries = cache.get_or_set(name, 0)
    cache.set(name, tries + 1)
    if tries < failures:
        background.retry_later(flaky, attempt, name, failures)
        raise OutsideServiceDown(f"attempt {attempt} failed")
    return attempt
