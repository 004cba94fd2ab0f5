"""The MIME form of the alerts' e-mails: cheap to make by the thousand, and with whole links.

Every backend turns a message into MIME with ``message(policy=...)`` (the SMTP backend asks for
``email.policy.SMTP``). ``AlertEmail`` makes it with a copy of that policy that changes two
things in how headers are read and written; the bytes are otherwise the same:

- Python's header registry builds a new class each time it reads a header (``HeaderRegistry.
  __getitem__``), which also empties the interpreter's attribute caches: that was ~40 % of the
  time of writing an alert. ``HEADERS`` builds each class once, and reads once each value that
  recurs in every e-mail of a chunk (From, Subject, the parts' content types...).
- ``List-Unsubscribe`` is folded at the spaces between its links only. The default policy writes
  a word longer than a line (a signed unsubscribe URL is one) as RFC 2047 encoded words, which
  RFC 2369 does not allow in a link; a client reading it by the rules finds no address for
  one-click unsubscribe (RFC 8058). A line may be 998 characters long (RFC 5322).
"""

import email.policy
import functools
from email.headerregistry import HeaderRegistry, UnstructuredHeader

from django.core.mail import EmailMultiAlternatives


class LinksHeader(UnstructuredHeader):
    """RFC 2369 links (``<url>, <url>``): one line per link, never encoded."""

    max_count = 1

    def fold(self, *, policy):
        value = str(self)
        if not value.isascii():
            return super().fold(policy=policy)
        return f"{self.name}: " + f",{policy.linesep} ".join(value.split(", ")) + policy.linesep


class Headers(HeaderRegistry):
    """A header registry that makes each header's class once, and reads each of the values
    that recur from one message to the next once (headers are immutable)."""

    def __init__(self):
        super().__init__()
        self.map_to_type("list-unsubscribe", LinksHeader)
        self._classes = {}
        self._read = functools.lru_cache(maxsize=256)(super().__call__)

    def __getitem__(self, name):
        name = name.lower()
        if name not in self._classes:
            self._classes[name] = super().__getitem__(name)
        return self._classes[name]

    def __call__(self, name, value):
        if isinstance(value, str):
            return self._read(name, value)
        return super().__call__(name, value)


HEADERS = Headers()
_policies = {}


class AlertEmail(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        if policy not in _policies:
            _policies[policy] = policy.clone(header_factory=HEADERS)
        return super().message(policy=_policies[policy])
