"""Lists written from plain data: a page's rows read with ``values()``, not model instances.

Django REST framework's generic path builds a model instance for every item and for every
term it names (each source, place and tag carrying every language's columns) and runs every
field's machinery per item. ``PlainListSerializer`` writes the same items, in the item
serializer's field order, from the page's columns alone:

- a column (``title``, ``published_at``, ...) by the serializer's own field
  (``to_representation``), so dates and choices read exactly as in a detail;
- a vocabulary term (a nested serializer on a foreign key or a many-to-many relation: a
  release's source, place, fields of work and countries) from that serializer's representation
  of every term of the vocabulary, kept per content generation and language
  (``memoize_for_generation``: the vocabularies are public models, any change to them advances
  the generation); the ids of a many-to-many relation's terms come with the row (a subquery);
- the project's own fields (``PublicUrlField``, ``ApiUrlField``, ``TranslationsField``) by their
  ``plain_writer``; a ``SerializerMethodField`` by its method, given an instance made of the
  row's columns; anything else by an entry of the serializer's ``Meta.plain_fields``
  (``{name: a callable of (field, model) returning its Writer}``).

The item serializer stays the one declaration of an item, for the schema, the detail and the
list alike; each list's tests hold it to what the serializer writes of the same items
(``assert_list_is_what_the_serializer_writes`` in tests/api/conftest.py).
"""

from django.db import models
from django.utils import translation
from rest_framework import serializers

from osce_cms.caching import memoize_for_generation
from taxonomy.tag_rows import parse_ids, tag_ids


class Writer:
    """How one field of an item is written from its row: the ``columns`` the row must hold
    (some of them ``annotations`` of the list's query), ``prepare(page)`` once per page (what
    it returns, e.g. a query's answer for all the rows, is ``page.prepared[writer]``),
    ``write(row, page)`` per item.

    A serializer's writers are made once per process, from an instance of it without context
    (``writers_of``): a writer keeps nothing of a request but in ``page``."""

    columns = ()
    annotations = {}

    def prepare(self, page):
        return None

    def write(self, row, page):
        raise NotImplementedError


class Column(Writer):
    def __init__(self, field):
        self.field = field
        self.columns = (field.source,)

    def write(self, row, page):
        value = row[self.field.source]
        return None if value is None else self.field.to_representation(value)


class Method(Writer):
    """A ``SerializerMethodField``: its method (of the request's serializer, which has the
    context) reads an instance holding the row's columns."""

    def __init__(self, field):
        self.method_name = field.method_name

    def write(self, row, page):
        return getattr(page.serializer, self.method_name)(page.instance(row))


class Term(Writer):
    """A nested serializer on a foreign key to a vocabulary."""

    def __init__(self, field, model_field):
        self.field = field
        self.model = model_field.related_model
        self.columns = (model_field.attname,)

    def write(self, row, page):
        pk = row[self.columns[0]]
        return None if pk is None else page.term(self.field, self.model, pk)[1]


class Tags(Writer):
    """A nested list serializer on a many-to-many relation to a vocabulary, in its order.

    The ids of an item's terms come with its row (``taxonomy.tag_rows.tag_ids``), so the
    page's tags cost no query of their own."""

    def __init__(self, field, model_field):
        self.field = field
        self.model = model_field.related_model
        column = f"plain_{field.field_name}_ids"
        self.columns = (column,)
        self.annotations = {column: tag_ids(model_field)}

    def write(self, row, page):
        ids = parse_ids(row[self.columns[0]])
        terms = sorted(page.term(self.field.child, self.model, pk) for pk in ids)
        return [rep for _position, rep in terms]


class Children(Writer):
    """Rows of a reverse foreign key (a document's files), read for the page by ``queryset()``;
    each is told its parent (an instance of the row's columns) and written by the nested
    serializer."""

    def __init__(self, queryset, field, model):
        self.queryset = queryset
        self.field = field
        self.relation = model._meta.get_field(field.source).field

    def prepare(self, page):
        children = {}
        for child in self.queryset().filter(**{f"{self.relation.name}__in": page.pks}):
            parent_pk = getattr(child, self.relation.attname)
            self.relation.set_cached_value(child, page.instance(page.rows_by_pk[parent_pk]))
            children.setdefault(parent_pk, []).append(child)
        return children, type(self.field.child)(context=page.serializer.context)

    def write(self, row, page):
        children, nested = page.prepared[self]
        return [nested.to_representation(child) for child in children.get(row[page.pk_name], [])]


def writer_for(field, model, overrides):
    name = field.field_name
    if name in overrides:
        return overrides[name](field, model)
    if hasattr(field, "plain_writer"):
        return field.plain_writer(model)
    if isinstance(field, serializers.SerializerMethodField):
        return Method(field)
    model_field = _model_field(model, field.source)
    if isinstance(field, serializers.ListSerializer) and model_field is not None:
        if model_field.many_to_many and not model_field.auto_created:
            return Tags(field, model_field)
    elif isinstance(field, serializers.BaseSerializer) and model_field is not None:
        if model_field.many_to_one:
            return Term(field, model_field)
    elif model_field is not None and model_field.concrete and not model_field.is_relation:
        return Column(field)
    raise TypeError(f"{name}: no plain writer; declare one in Meta.plain_fields")


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except models.FieldDoesNotExist:
        return None


class Page:
    """What the writers share while writing one page: its rows, the request's serializer and
    request, the lookups."""

    def __init__(self, serializer, rows):
        model = serializer.Meta.model
        self.model = model
        self.rows = rows
        self.serializer = serializer
        self.request = serializer.context["request"]
        self.prepared = {}
        self.pk_name = model._meta.pk.attname
        self.rows_by_pk = {row[self.pk_name]: row for row in rows}
        self.pks = list(self.rows_by_pk)
        self._terms = {}
        self._instances = {}
        # In the model's order of fields, as ``from_db`` takes them.
        present = rows[0] if rows else {}
        self._columns = [f.attname for f in model._meta.concrete_fields if f.attname in present]

    def term(self, serializer, model, pk):
        """(position, representation) of the ``model`` term ``pk`` as ``serializer`` writes
        it; the position is its place in the vocabulary's order."""
        key = (type(serializer), model)
        if key not in self._terms:
            parts = (
                f"{type(serializer).__module__}.{type(serializer).__qualname__}",
                model._meta.label_lower,
                translation.get_language(),
            )
            self._terms[key] = memoize_for_generation(
                "api-terms",
                parts,
                lambda: _represent_terms(serializer, model),
                request=self.request._request,
            )
        if pk not in self._terms[key]:
            # A term created while this request ran, before the generation advanced.
            self._terms[key] = _represent_terms(serializer, model)
        return self._terms[key][pk]

    def instance(self, row):
        """The row as a model instance holding its columns only, the others deferred (for an
        address, a method field, a child's parent)."""
        pk = row[self.pk_name]
        if pk not in self._instances:
            values = [row[name] for name in self._columns]
            self._instances[pk] = self.model.from_db(None, self._columns, values)
        return self._instances[pk]


def _represent_terms(serializer, model):
    nested = [
        field.source
        for field in serializer.fields.values()
        if isinstance(field, serializers.BaseSerializer)
    ]
    queryset = model._default_manager.all()
    if nested:
        queryset = queryset.select_related(*nested)
    return {
        term.pk: (position, serializer.to_representation(term))
        for position, term in enumerate(queryset)
    }


_writers = {}


def writers_of(serializer_class):
    """[(name, Writer)] of the item serializer's fields, made once: building a model
    serializer's fields is a good part of what a request costs."""
    if serializer_class not in _writers:
        template = serializer_class()
        model = serializer_class.Meta.model
        overrides = getattr(serializer_class.Meta, "plain_fields", {})
        _writers[serializer_class] = [
            (field.field_name, writer_for(field, model, overrides))
            for field in template._readable_fields
        ]
    return _writers[serializer_class]


class PlainListSerializer(serializers.ListSerializer):
    """A page of items written from plain rows (see the module's docstring).

    A view calls ``select(queryset)`` for the rows to paginate, then hands the page to it.
    """

    def select(self, queryset):
        columns = {queryset.model._meta.pk.attname: None}
        annotations = {}
        for _name, writer in writers_of(type(self.child)):
            columns.update(dict.fromkeys(writer.columns))
            annotations.update(writer.annotations)
        return queryset.annotate(**annotations).values(*columns)

    def to_representation(self, data):
        rows = list(data)
        page = Page(self.child, rows)
        writers = writers_of(type(self.child))
        for _name, writer in writers:
            page.prepared[writer] = writer.prepare(page)
        return [{name: writer.write(row, page) for name, writer in writers} for row in rows]
