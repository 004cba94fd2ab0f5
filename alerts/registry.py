"""The kinds of content one can follow by e-mail, each registered by the app that owns it.

An app describes its listing's filters once (``AlertKind``): how the listing's query string
becomes a filter (its normalised query, the words that describe it, and the *term groups* that
index it), which index keys an item carries, and how an item is summarised in an e-mail. The
alerts app knows no content model; ``press`` registers press releases, and the events listing
and the documents library register theirs the same way (``alerts.registry.register``).

Index keys are strings ``"<kind>:<dimension>:<value>"``. A filter matches an item when, for
each of its groups, the item carries at least one of the group's keys (OR within a group, AND
across groups, as in the newsroom). Subtree semantics live in the item's keys: an item tagged
"Belarus" carries the keys of Belarus *and of every ancestor* ("Participating States"), so a
filter naming a group of countries matches it without any per-filter evaluation.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags

_kinds = {}
_models = {}

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 10


def words(text):
    """The distinct lower-case words of ``text`` (markup removed): what a word filter names."""
    return {word.casefold() for word in WORD.findall(strip_tags(text or "")) if len(word) > 1}


@dataclass
class ParsedFilter:
    """A listing's filter as an alert follows it."""

    query: str  # normalised query string: the same filter always gives the same text
    labels: dict  # what the description names: {dimension: [names]} and {"q": "words"}
    groups: list = field(default_factory=list)  # [set of index keys], all must match
    notices: list = field(default_factory=list)  # parts of the request that were ignored


@dataclass
class ItemSummary:
    """What an alert e-mail shows of one item."""

    title: str
    dateline: str
    lead: str
    url: str  # absolute
    language: str = ""


class AlertKind:
    """Override in the owning app and ``register`` an instance."""

    key = ""  # short, stable: stored with every subscription and in every index key
    model = None
    label = ""  # "Press releases"
    listing_url_name = ""  # where the filter's results are listed

    def parse(self, query_dict):
        """A ``ParsedFilter`` from the listing's GET parameters (unknown values ignored)."""
        raise NotImplementedError

    def describe(self, labels):
        """The filter in words, in the active language ("Press releases about Policing")."""
        raise NotImplementedError

    def public_items(self, ids):
        """The items among ``ids`` the public may see and that appear in listings now."""
        raise NotImplementedError

    def item_keys(self, item):
        """Every index key ``item`` carries (ancestors of its terms included)."""
        raise NotImplementedError

    def summarise(self, item):
        """An ``ItemSummary`` of ``item``, with absolute links in the active language."""
        raise NotImplementedError

    def key_for(self, dimension, value):
        return f"{self.key}:{dimension}:{value}"


def register(kind):
    _kinds[kind.key] = kind
    _models[kind.model] = kind
    return kind


def get(key):
    """The registered kind ``key``, or None."""
    return _kinds.get(key)


def for_model(model):
    return _models.get(model)


def default():
    """The kind of ``/alerts/new/`` without ``kind=``: the first registered (press releases)."""
    return next(iter(_kinds.values()), None)
