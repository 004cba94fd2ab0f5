"""The latest documents of a structure's or a field of work's subtree, on its public page."""

from django.urls import reverse
from django.utils.http import urlencode

from taxonomy.models import Country, FieldOfWork, Structure

from .models import Document

LATEST_COUNT = 5

# Node model -> (document relation, library parameter).
FILTERS = {
    FieldOfWork: ("fields_of_work", "field_of_work"),
    Country: ("countries", "country"),
    Structure: ("issuer", "structure"),
}


def latest_documents_context(node, request):
    if type(node) not in FILTERS:
        return {}
    relation, parameter = FILTERS[type(node)]
    documents = Document.objects.listed().for_listing().in_subtree(relation, [node])
    return {
        "latest_documents": list(documents[:LATEST_COUNT]),
        "library_url": f"{reverse('documents:document-list')}?{urlencode({parameter: node.slug})}",
    }
