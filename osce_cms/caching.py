"""The content generation, the anonymous page cache and the HTTP caching headers.

Every cached public page is stored under a key that contains the *content generation*: a number
that any change to public output advances (``bump_generation``). A page cached before a change is
never found again after it. Only changes the public can see advance it, so that drafts and
workflow steps nobody outside sees leave cached pages and their ``Last-Modified`` alone:

- each app registers the models that are public as a whole (trees, menus) with
  ``register_public_models``: every save, delete, many-to-many change or tree move of them
  advances the generation;
- editorial content (releases, pages, ...) is announced by the editorial engine, which calls
  ``bump_generation`` when an item's public output changes and ``note_schedule_changed`` when
  the time something goes public moves (its ``register_next_due`` says when that is);
- code that writes without signals (``QuerySet.update``, bulk loads) calls ``bump_generation``.

Why the generation lives in the database (``osce_cms.models.ContentGeneration``) and not in the
cache or in process memory: with the local-memory cache each gunicorn worker has its own cache,
so a number kept there would be advanced in one worker and stay old in the others; and a number
kept in Redis could be evicted and start again from a value already used. A single database row is
the one thing every worker on every server sees the same, and reading it costs one indexed
primary-key query per request. It is read from the same database as the content (the router's
read database), so with read replicas a replica never shows a new generation with old content.
Where the cache is Redis, a copy of the row kept there in step with it (``generation_mirror``)
spares a cache hit that query; the row remains the source of truth.

The order of events makes the scheme race-free: a request reads the generation *before* it reads
any content, and a change advances the generation only *after* its transaction has committed. A
request that overlaps a change may store old content, but under the old generation, which no later
request looks up.

A scheduled item becomes public when its time comes, without any write. The row therefore
also holds ``next_due``, the earliest future publication time; the first request after that time
advances the generation itself (one compare-and-swap UPDATE, so only one worker does it), and the
item appears exactly on time.

A cached page is kept as plain data (``StoredPage``: its generation, status, headers and body
bytes), one entry per address, overwritten when the page is stored again. When the generation
has just advanced, a page's entry still holds the previous generation's copy; rather than have
every worker render every page at once (each change used to make the whole site cold in the
same instant), ``look_up_page`` lets **one** request at a time regenerate a page (a lock in the
shared cache, or the machine's with the local-memory cache: ``regeneration_lock``), and serves
the previous copy to the others meanwhile — for at most
``PAGE_CACHE_STALE_SECONDS`` after the change, and never to a request that could take the lock:
one visitor after another (no concurrency) always gets the new content, so a change still shows
on the next request. Past that window a page is rendered as before, by whoever asks. A page
with no previous copy is rendered at once. The lock is one per generation (not per page), so at
most one page per cache is being regenerated at any moment while the others are served: with
sync workers this keeps the other workers free for the visitors.
"""

import functools
import hashlib
import math
from datetime import UTC, timedelta
from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connections,
    router,
    transaction,
)
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from mptt.signals import node_moved

from . import generation_mirror, regeneration_lock
from .models import ContentGeneration

GENERATION_PK = 1
# Response headers that a shared page may vary on: the cache key covers both.
SHAREABLE_VARY = {"accept-language", "cookie", "accept-encoding"}


# The generation -------------------------------------------------------------------------------


_next_due_sources = []


def register_next_due(source):
    """Add ``source(now, using)``: the earliest time after ``now`` something goes public."""
    _next_due_sources.append(source)


def _next_due(now, using):
    """The earliest future time at which something becomes public, or None."""
    times = [source(now, using) for source in _next_due_sources]
    return min((time for time in times if time is not None), default=None)


def _advance(using=DEFAULT_DB_ALIAS, *, only_if_due_by=None, step=1):
    """Advance the generation by ``step`` (0: only recompute) and recompute ``next_due``.

    A compare-and-swap on the row's revision: when two processes advance at once, the loser
    re-reads and tries again, so every writer's own change is reflected in the ``next_due`` that
    remains. A ``next_due`` still in the future is kept if it is earlier than the one computed
    (it may have been set by a transaction that committed after our query ran; at worst it
    causes one unneeded advance). With ``only_if_due_by``, nothing happens unless ``next_due``
    has passed. The new row goes to the generation mirror once it is committed.
    """
    rows = ContentGeneration.objects.using(using)
    for _attempt in range(10):
        now = timezone.now()
        current = _read_row(using)
        if current is None:
            rows.bulk_create(
                [
                    ContentGeneration(
                        pk=GENERATION_PK,
                        changed_at=change_time(now),
                        next_due=_next_due(now, using),
                    )
                ],
                ignore_conflicts=True,
            )
            continue
        if only_if_due_by is not None and not _is_due(current, only_if_due_by):
            return
        next_due = _next_due(now, using)
        if (
            current.next_due
            and current.next_due > now
            and (next_due is None or current.next_due < next_due)
        ):
            next_due = current.next_due
        new = current._replace(revision=current.revision + 1, next_due=next_due)
        if step:
            new = new._replace(
                value=current.value + step, changed_at=change_time(now, current.changed_at)
            )
        swapped = rows.filter(pk=GENERATION_PK, revision=current.revision).update(
            revision=new.revision, value=new.value, changed_at=new.changed_at, next_due=next_due
        )
        if swapped:
            transaction.on_commit(partial(generation_mirror.offer, new), using=using)
            return


def _read_row(using):
    """The generation's row, or None: a constant statement, not a queryset, as every request
    that reads no mirror runs it (compiling the queryset cost twice as much as running it).

    It is usually a request's first statement. On a connection kept from an earlier request,
    Django's health check would first send a statement of its own (a second round trip, a
    fifth of what a page cache hit costs); this read checks the connection as well, so it
    stands in for that check: a connection found broken is closed and the read made once more
    on a new one, as the check would have done.
    """
    connection = connections[using]
    checks = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if checks:
        connection.health_check_done = True
    try:
        row = _fetch_row(connection, using)
    except (InterfaceError, OperationalError):
        if not checks:
            raise
        connection.close()
        row = _fetch_row(connection, using)
    if row is None:
        return None
    revision, value, changed_at, next_due = row
    return generation_mirror.Row(revision, value, _aware(changed_at), _aware(next_due))


def _fetch_row(connection, using):
    with connection.cursor() as cursor:
        cursor.execute(_row_statement(using), [GENERATION_PK])
        return cursor.fetchone()


@functools.cache
def _row_statement(using):
    quote = connections[using].ops.quote_name
    meta = ContentGeneration._meta
    columns = ", ".join(
        quote(meta.get_field(name).column) for name in generation_mirror.Row._fields
    )
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = %s"


def _aware(moment):
    # SQLite's driver returns naive datetimes (UTC), PostgreSQL's aware ones.
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment, UTC)
    return moment


def _is_due(row, now):
    return row.next_due is not None and row.next_due <= now


def change_time(now, previous=None):
    """When a new generation is said to date from: ``now`` rounded up to a whole second, and at
    least a second after ``previous``.

    ``Last-Modified`` has whole seconds; two changes within one second must not share one, or a
    client asking ``If-Modified-Since`` the first would get a 304 for the second.
    """
    rounded = now.replace(microsecond=0)
    if rounded < now:
        rounded += timedelta(seconds=1)
    if previous is not None and rounded <= previous:
        rounded = previous.replace(microsecond=0) + timedelta(seconds=1)
    return rounded


_PENDING = "content_generation_bump_pending"


def _advance_after_commit(using):
    # The first of a transaction's callbacks advances the generation; the others find it done.
    connection = connections[using]
    if getattr(connection, _PENDING, False):
        setattr(connection, _PENDING, False)
        _advance(using)


def bump_generation(using=None):
    """Make every cached public page stale; call after any change to public content.

    The generation advances when the current transaction commits (at once outside a
    transaction), once per transaction however often this is called.
    """
    using = using or router.db_for_write(ContentGeneration)
    setattr(connections[using], _PENDING, True)
    transaction.on_commit(partial(_advance_after_commit, using), using=using, robust=True)


# ``current_generation``'s caller has not read the mirror (None: it has, and found no copy).
UNREAD = object()


def current_generation(mirrored=UNREAD):
    """``(value, changed_at)`` of the content generation, advancing it if a release fell due.

    From the generation mirror's copy (``mirrored``, or read here) when it has one that is not
    due, else from the database row (offered to the mirror once read).
    """
    now = timezone.now()
    if generation_mirror.enabled():
        if mirrored is UNREAD:
            mirrored, _found = generation_mirror.read_with()
        if mirrored is not None and not _is_due(mirrored, now):
            return mirrored.value, mirrored.changed_at
    using = router.db_for_read(ContentGeneration)
    row = _read_row(using)
    if row is None or _is_due(row, now):
        _advance(router.db_for_write(ContentGeneration), only_if_due_by=now if row else None)
        row = _read_row(using)
    if generation_mirror.enabled():
        transaction.on_commit(partial(generation_mirror.offer, row), using=using)
    return row.value, row.changed_at


def note_schedule_changed(using=None):
    """The time something goes public moved: recompute ``next_due`` (after commit), nothing else.

    Cached pages stay: nothing public changed yet.
    """
    using = using or router.db_for_write(ContentGeneration)
    transaction.on_commit(partial(_advance, using, step=0), using=using, robust=True)


REQUEST_GENERATION_ATTR = "content_generation"


def request_generation(request, mirrored=UNREAD):
    """``(value, changed_at)`` of the content generation, read at most once per request.

    The page cache reads it first of all (before any content); fragment caches later in the same
    request reuse that reading instead of querying again.
    """
    generation = getattr(request, REQUEST_GENERATION_ATTR, None)
    if generation is None:
        generation = current_generation(mirrored)
        setattr(request, REQUEST_GENERATION_ATTR, generation)
    return generation


def memoize_for_generation(name, parts, compute, timeout=None, request=None):
    """``compute()``, remembered in the cache until public content next changes.

    For expensive derived data that many requests share (facet counts of the newsroom): the
    key holds the content generation, so the value is never older than the content.
    """
    generation, _changed_at = request_generation(request) if request else current_generation()
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    key = f"memo:{name}:{generation}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS if timeout is None else timeout)
    return value


# Public models: every write to them advances the generation ---------------------------------


def _on_change(sender, using=None, **kwargs):
    bump_generation(using)


def _on_m2m_change(sender, action, using=None, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_generation(using)


def register_public_models(*models):
    """Every save, delete, many-to-many change or tree move of ``models`` changes public output.

    Called by each app's ``ready()`` for its models that are public as a whole.
    """
    for model in models:
        uid = f"content-generation-{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid)
        # Tree moves (drag and drop in the admin) update lft/rght without a post_save.
        node_moved.connect(_on_change, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_m2m_change,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-{field.name}",
            )


# The anonymous page cache and HTTP caching -----------------------------------------------------


def is_anonymous_public_request(request):
    """A GET/HEAD that can only be from an anonymous visitor and is for a public page.

    Decided from the request alone (no session lookup): anyone with a session cookie may be
    logged in, so they are neither served from nor stored into the shared cache.
    """
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "authorization" not in request.headers
        and not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))
    )


def is_shareable(response):
    """May this response to an anonymous request be stored in shared caches?"""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= SHAREABLE_VARY


def page_language(request):
    """The language LocaleMiddleware will render this request in (it runs after this cache).

    With the site's i18n_patterns that is the path's prefix, or English without one; the
    browser's Accept-Language and language cookie then play no part.
    """
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    prefixes_used, default_prefixed = is_language_prefix_patterns_used(urlconf)
    if prefixes_used and not default_prefixed:
        return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=prefixes_used)


def page_key(request):
    """The page's entry: one per address and language, whatever the generation."""
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    language = page_language(request)
    return f"page:{request.scheme}:{request.get_host()}:{language}:{path}"


def mark_private(response):
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))


def mark_public(response, changed_at=None, vary=("Cookie", "Accept-Language")):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.HTTP_MAX_AGE,
        stale_while_revalidate=settings.HTTP_STALE_WHILE_REVALIDATE,
    )
    patch_vary_headers(response, vary)
    if not response.has_header("ETag"):
        set_response_etag(response)
    if changed_at is not None and not response.has_header("Last-Modified"):
        response.headers["Last-Modified"] = http_date(changed_at.timestamp())


CONDITIONAL_HEADERS = frozenset(
    f"HTTP_IF_{name}" for name in ("MATCH", "NONE_MATCH", "MODIFIED_SINCE", "UNMODIFIED_SINCE")
)


def conditional(request, response):
    """A 304 when the client's ETag or date still matches, else the response itself."""
    if not CONDITIONAL_HEADERS.intersection(request.META):
        return response
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


class StoredPage(NamedTuple):
    """A page as kept in the cache: plain data, cheap to read back (no pickled response)."""

    generation: int
    status: int
    headers: tuple
    content: bytes

    @classmethod
    def of(cls, generation, response):
        return cls(generation, response.status_code, tuple(response.items()), response.content)

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


class CachedPage(NamedTuple):
    """A request's place in the page cache: its key (None with the cache off, or when the page
    is not to be stored), the generation and its last change, the response to send if there is
    one (current, or the previous generation's while another request regenerates the page), and
    the regeneration lock this request holds (``release`` it)."""

    key: str | None
    generation: int | None
    changed_at: object
    response: object
    lock: object = None


def _regeneration_lock(generation, changed_at):
    """Take the generation's regeneration lock while stale copies may be served; its handle, or
    None when someone else holds it. Outside the window nobody waits for anybody: ``""``."""
    window = settings.PAGE_CACHE_STALE_SECONDS
    left = (changed_at + timedelta(seconds=window) - timezone.now()).total_seconds()
    if window <= 0 or left < 0:
        return ""
    # It lasts until the window closes, after which it is ignored: a holder that died cannot keep
    # stale copies alive.
    return regeneration_lock.take(generation, math.ceil(left) + 1)


def look_up_page(request):
    """Find ``request``'s page in the cache; the generation is read first of all."""
    if not settings.PAGE_CACHE_ENABLED:
        return CachedPage(None, None, None, None)
    key = page_key(request)
    if generation_mirror.enabled() and not hasattr(request, REQUEST_GENERATION_ATTR):
        # The generation's copy and the page in one round trip; the copy is read no later than
        # the page, as a generation read before the content must be.
        mirrored, found = generation_mirror.read_with(key)
        generation, changed_at = request_generation(request, mirrored)
        stored = found.get(key)
    else:
        generation, changed_at = request_generation(request)
        stored = cache.get(key)
    if stored is not None and stored.generation == generation:
        return CachedPage(key, generation, changed_at, stored.response())
    if stored is not None and stored.generation < generation:
        lock = _regeneration_lock(generation, changed_at)
        if lock is None:  # another request is regenerating a page: serve the previous copy
            return CachedPage(None, generation, changed_at, stored.response())
        return CachedPage(key, generation, changed_at, None, lock or None)
    return CachedPage(key, generation, changed_at, None)


def release(page):
    """Give up ``page``'s regeneration lock, if its request held it."""
    if page.lock:
        regeneration_lock.give_back(page.lock)


def store_page(request, page, response, vary=("Cookie", "Accept-Language")):
    """Mark a shareable ``response`` public, keep it under ``page``'s key, and answer the
    request (a 304 when the client's copy is still current)."""
    mark_public(response, page.changed_at, vary)
    if page.key is not None and request.method == "GET":
        cache.set(page.key, StoredPage.of(page.generation, response), settings.PAGE_CACHE_SECONDS)
    release(page)
    return conditional(request, response)


class PageCacheMiddleware:
    """Serve anonymous visitors from the shared page cache and set HTTP caching headers.

    Placed after SecurityMiddleware, WhiteNoise and the CSP middleware (so cached responses
    still get their headers) and before the session middleware (so a hit costs no session or
    user lookup). Everything that is not an anonymous public page is marked
    ``private, no-store``. Paths under ``PAGE_CACHE_SELF_MANAGED_PREFIXES`` (the API, which
    must count a request against its rate limit before answering it from the cache) are left
    alone: they call ``look_up_page`` and ``store_page`` themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(tuple(settings.PAGE_CACHE_SELF_MANAGED_PREFIXES)):
            return self.get_response(request)
        if not is_anonymous_public_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response

        page = look_up_page(request)
        if page.response is not None:
            return conditional(request, page.response)

        try:
            response = self.get_response(request)
        except BaseException:
            release(page)
            raise
        if not is_shareable(response):
            release(page)
            mark_private(response)
            return response
        return store_page(request, page, response)
