"""A real SMTP server for the tests (aiosmtpd), which can be told to refuse the next messages."""

import email
import email.policy
import re
import socket
import threading
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller


class Mailbox:
    """aiosmtpd handler: keeps every accepted message (parsed, and as received in ``raw``);
    ``fail_next(n, after=k)`` accepts ``k`` more messages, then answers the next ``n`` with a
    temporary failure (451), as a busy server does."""

    def __init__(self):
        self.messages, self.raw = [], []
        self._accept, self._failures = 0, 0
        self._lock = threading.Lock()

    def fail_next(self, count, after=0):
        with self._lock:
            self._accept, self._failures = after, count

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self._accept:
                self._accept -= 1
            elif self._failures:
                self._failures -= 1
                return "451 4.3.0 Try again later"
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.messages.append(message)
            self.raw.append(envelope.content)
        return "250 OK"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def clear(self):
        self.messages.clear()
        self.raw.clear()


def _free_port(host):
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def start(host="127.0.0.1"):
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname=host, port=_free_port(host))
    controller.start()
    return controller, mailbox


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def links(message, site_url):
    """The paths of the site's links in the plain-text part."""
    return [
        urlsplit(url).path for url in re.findall(re.escape(site_url) + r"\S+", text_of(message))
    ]
