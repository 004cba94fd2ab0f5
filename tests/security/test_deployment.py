"""Production configuration: deploy checks, security headers, CSP, cookies, error pages."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP, build_policy

from .conftest import assert_safe_html
from .urls_failing import SECRET_IN_ERROR

PROJECT = Path(__file__).resolve().parents[2]
PUBLIC_PATHS = [
    "/",
    "/fields-of-work/",
    "/countries/",
    "/structures/",
    "/meetings/",
    "/press-releases/",
    "/api/v1/docs/",
    "/api/v1/press-releases/",
    "/no-such-page/",
]


def prod_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "EMAIL_BACKEND"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="osce_cms.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.example.org",
        **extra,
    )
    return env


@pytest.fixture
def prod_settings(settings):
    """The security settings of osce_cms.settings.prod, applied over the test settings."""
    prod = importlib.import_module("osce_cms.settings.prod")
    for name in dir(prod):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
            setattr(settings, name, getattr(prod, name))
    return settings


def test_deploy_check_passes_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=prod_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = prod_env()
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    csp = response.headers["Content-Security-Policy"]
    directives = dict(
        [*part.split(" ", 1), ""][:2] for part in (d.strip() for d in csp.split(";")) if part
    )
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy-Report-Only" not in response.headers


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_have_no_inline_script_or_style(client, path):
    response = client.get(path)
    assert_safe_html(response)


@pytest.mark.django_db
def test_https_requests_get_hsts_under_production_settings(client, prod_settings):
    response = client.get("/", secure=True)
    hsts = response.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_under_production_settings(client, prod_settings):
    response = client.get("/press-releases/?page=2")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/press-releases/?page=2"


@pytest.mark.django_db
def test_login_cookies_are_secure_and_http_only_under_production_settings(
    client, prod_settings, django_user_model
):
    django_user_model.objects.create_superuser("chief", password="a-long-passphrase-9")
    login_page = client.get("/admin/login/", secure=True)
    csrf_cookie = login_page.cookies["csrftoken"]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"]
    response = client.post(
        "/admin/login/",
        {
            "username": "chief",
            "password": "a-long-passphrase-9",
            "csrfmiddlewaretoken": login_page.context["csrf_token"],
        },
        secure=True,
    )
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"


@pytest.mark.urls("tests.security.urls_failing")
def test_a_server_error_shows_the_error_page_and_no_internals(client, caplog):
    client.raise_request_exception = False
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.get("/test-only/fail/")
    assert response.status_code == 500
    assert "500.html" in [t.name for t in response.templates]
    body = response.content.decode()
    for leak in (SECRET_IN_ERROR, "Traceback", "RuntimeError", django_settings.SECRET_KEY):
        assert leak not in body
    assert "SECRET_KEY" not in body and "DATABASES" not in body
    assert_safe_html(body)
    assert "Content-Security-Policy" in response.headers
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert logged and logged[0].levelname == "ERROR"
    assert logged[0].exc_info and SECRET_IN_ERROR in str(logged[0].exc_info[1])


def test_production_logging_sends_request_errors_to_a_handler():
    prod = importlib.import_module("osce_cms.settings.prod")
    request_logger = prod.LOGGING["loggers"]["django.request"]
    assert request_logger["handlers"]
    assert request_logger["level"] in {"ERROR", "WARNING", "INFO"}


ADMIN_MODELS = sorted({(m._meta.app_label, m._meta.model_name) for m in admin.site._registry})


@pytest.mark.django_db
@pytest.mark.django_db
def test_the_policy_written_once_is_djangos_and_follows_the_settings(client, settings):
    for _ in range(2):  # the second from the policy kept
        assert client.get("/").headers["Content-Security-Policy"] == build_policy(
            settings.SECURE_CSP
        )
    settings.SECURE_CSP = {**settings.SECURE_CSP, "img-src": [CSP.SELF, "https://img.example"]}
    response = client.get("/")
    assert "img-src 'self' https://img.example" in response.headers["Content-Security-Policy"]


def test_the_admin_works_under_the_csp_with_no_inline_script(admin_client):
    pages = ["/admin/", "/admin/password_change/"]
    for app_label, model_name in ADMIN_MODELS:
        pages += [f"/admin/{app_label}/{model_name}/", f"/admin/{app_label}/{model_name}/add/"]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code in {200, 403}, url  # 403: nobody may add (e.g. audit log)
        csp = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert_safe_html(response)


@pytest.mark.django_db
def test_admin_login_works_under_the_csp(client, django_user_model):
    django_user_model.objects.create_superuser("chief", password="a-long-passphrase-9")
    page = client.get("/admin/login/")
    assert_safe_html(page)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "chief", "password": "a-long-passphrase-9"}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"


def test_the_wsgi_entry_point_refuses_to_start_without_a_collected_manifest(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import osce_cms.wsgi"],
        cwd=PROJECT,
        env=prod_env(STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "No static files manifest" in result.stderr
    assert (
        "DJANGO_SETTINGS_MODULE=osce_cms.settings.prod .venv/bin/python manage.py collectstatic"
        in result.stderr
    )


def test_the_startup_check_passes_once_the_manifest_is_collected(settings, tmp_path):
    from osce_cms.startup import check_static_manifest

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with pytest.raises(ImproperlyConfigured):
        check_static_manifest()
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    check_static_manifest()
