"""Login throttling (django-axes): lock the account-and-address, never a whole office."""

import pytest

from .conftest import assert_safe_html, make_user

LOGIN = "/admin/login/?next=/admin/"
OFFICE = "203.0.113.10"
ELSEWHERE = "198.51.100.7"


def attempt(client, username, password, address, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


@pytest.fixture
def accounts(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    return make_user("alice", password="alice-pass-123"), make_user("bob", password="bob-pass-123")


def lock_alice_from_the_office(client):
    for _ in range(3):
        response = attempt(client, "alice", "wrong", OFFICE)
    return response


def test_repeated_wrong_passwords_lock_the_account_from_that_address(client, accounts):
    for _ in range(2):
        assert attempt(client, "alice", "wrong", OFFICE).status_code == 200
    locked = attempt(client, "alice", "wrong", OFFICE)
    assert locked.status_code == 429
    # Even the right password is refused while the lock lasts.
    again = attempt(client, "alice", "alice-pass-123", OFFICE)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_explains_what_happened(client, accounts):
    response = lock_alice_from_the_office(client)
    assert "registration/lockout.html" in [t.name for t in response.templates]
    assert "base.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert "Too many failed sign-in attempts" in text
    assert "failed 3 times in a row" in text
    assert "try again in 15 minutes" in text
    assert "Other accounts, and this account from other addresses, are not affected" in text
    assert_safe_html(response)


def test_another_account_from_the_same_address_can_still_sign_in(client, accounts):
    lock_alice_from_the_office(client)
    response = attempt(client, "bob", "bob-pass-123", OFFICE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(accounts[1].pk)


def test_the_same_account_from_another_address_can_still_sign_in(client, accounts):
    lock_alice_from_the_office(client)
    response = attempt(client, "alice", "alice-pass-123", ELSEWHERE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(accounts[0].pk)


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, accounts):
    lock_alice_from_the_office(client)
    response = attempt(client, "alice", "alice-pass-123", OFFICE, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_username_in_another_case_shares_the_lock(client, accounts):
    lock_alice_from_the_office(client)
    response = attempt(client, "ALICE", "alice-pass-123", OFFICE)
    assert response.status_code in {200, 429}
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_resets_the_failure_count(client, accounts):
    for _ in range(2):
        attempt(client, "alice", "wrong", OFFICE)
    assert attempt(client, "alice", "alice-pass-123", OFFICE).status_code == 302
    client.logout()
    for _ in range(2):
        assert attempt(client, "alice", "wrong", OFFICE).status_code == 200
    assert attempt(client, "alice", "alice-pass-123", OFFICE).status_code == 302
