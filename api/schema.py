"""What drf-spectacular cannot infer about the API's shared pieces."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .authentication import KEYWORD


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": f"Optional: `{KEYWORD} <key>`, for a partner's higher rate limit.",
        }


ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "For 400: each refused parameter with its messages.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ERROR_RESPONSES = {
    "400": "A parameter is not valid (unknown slug, malformed date or cursor, ...).",
    "401": "The API key is unknown, revoked or expired.",
    "404": "No such item (or it is not public).",
    "405": "The API is read-only.",
    "429": "Too many requests: wait for the number of seconds in Retry-After.",
}


def add_error_responses(result, generator, request, public):
    """Declare the JSON errors (api/errors.py) every operation may answer with."""
    result["components"].setdefault("schemas", {})["Error"] = ERROR
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result["paths"].values():
        for operation in operations.values():
            for status, description in ERROR_RESPONSES.items():
                operation["responses"].setdefault(
                    status, {"description": description, "content": reference}
                )
    return result
