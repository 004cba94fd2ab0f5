"""Signed links in the alert e-mails: confirm (expires), manage and unsubscribe (do not).

Each link carries a random key of the subscription or subscriber, signed with the site's
secret: a tampered link fails the signature, and a key of a deleted row finds nothing. The
confirmation also carries the frequency and language asked for, so a sign-up for an address
that already follows the filter changes nothing until the owner of the address confirms it.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
_CONFIRM = "alerts.confirm"
_MANAGE = "alerts.manage"
_UNSUBSCRIBE = "alerts.unsubscribe"


class InvalidLink(Exception):
    """The link was altered, or is too old (``expired``)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirm_token(subscription, frequency, language):
    return signing.dumps(
        {"k": subscription.key, "f": frequency, "l": language}, salt=_CONFIRM, compress=True
    )


def read_confirm_token(token):
    """{"k": key, "f": frequency, "l": language}, or InvalidLink."""
    try:
        return signing.loads(token, salt=_CONFIRM, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except signing.BadSignature:
        raise InvalidLink from None


def manage_token(subscriber):
    return signing.Signer(salt=_MANAGE).sign(subscriber.key)


def unsubscribe_token(subscription):
    return signing.Signer(salt=_UNSUBSCRIBE).sign(subscription.key)


def _key(token, salt):
    try:
        return signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None


def read_manage_token(token):
    return _key(token, _MANAGE)


def read_unsubscribe_token(token):
    return _key(token, _UNSUBSCRIBE)
