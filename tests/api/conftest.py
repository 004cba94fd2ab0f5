"""The API's tests: its OpenAPI schema is the contract every response is checked against."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from tests.press.conftest import make_release, taxonomy
from tests.press.test_workflow_leaks import newsroom

__all__ = ["make_release", "newsroom", "taxonomy"]  # the press tests' fixtures, shared


@pytest.fixture(scope="session")
def openapi(django_db_setup, django_db_blocker):
    """The schema the API serves at /api/v1/schema/ (checked as OpenAPI 3 on loading), read
    once for the whole run."""
    with django_db_blocker.unblock():
        response = Client().get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return OpenAPI.from_dict(json.loads(response.content))


@pytest.fixture
def api_get(client, openapi):
    """GET an API address; every answer, errors included, must match the schema."""

    def get(path, data=None, **headers):
        response = client.get(path, data, **headers)
        if response.status_code != 304:
            assert response["Content-Type"] == "application/json", response.content[:300]
            openapi.validate_response(
                DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
            )
        return response

    return get


def walk(api_get, path, data=None):
    """Every result of a list, following ``next`` to the end; also the number of pages."""
    results, pages = [], 0
    response = api_get(path, data)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        results += body["results"]
        pages += 1
        if body["next"] is None:
            return results, pages
        response = api_get(body["next"])


def assert_list_is_what_the_serializer_writes(api_get, path, serializer_class, items):
    """The list at ``path`` (written from plain rows, api/plain.py) is, byte for byte, what
    ``serializer_class`` writes of each of ``items`` (model instances, in the list's order)."""
    request = Request(APIRequestFactory().get(path))
    expected = [serializer_class(item, context={"request": request}).data for item in items]
    listed = api_get(path).json()["results"]
    assert JSONRenderer().render(listed) == JSONRenderer().render(expected)
