"""An alert kind for any listing built on ``editorial.filters.FacetedFilterSet``.

The listing's filter becomes an alert: each choice filter (a release's kind) is one group (any
of its values), each tree filter is one term group (any of its nodes, subtrees included, through
each of the filter's relations), each word one more group; the listing's other filters (dates,
years) are not part of an alert and are reported as ignored. An item carries the keys of its
values, of its terms and of all their ancestors, and of its words. A kind subclasses
``FacetedAlertKind`` and says which FilterSet, how the description names each tree, which text
is searched, and how an item is summarised.
"""

from django.db.models import Exists, Q
from django.utils.http import urlencode
from django.utils.translation import gettext

from taxonomy import subtrees

from .registry import MAX_WORDS, AlertKind, ParsedFilter, words


def either(names):
    """ "A", "A or B", "A, B or C"."""
    if len(names) == 1:
        return names[0]
    return gettext("%(first)s or %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


class FacetedAlertKind(AlertKind):
    filter_class = None  # the listing's FacetedFilterSet
    phrases = {}  # tree filter -> "about %(names)s": how the description names its nodes
    ignored_notice = ""  # said when the listing's other filters (dates...) were asked for
    text_fields = ()  # the item's fields whose words a word filter looks for
    listing_related = ()  # select_related of the items an e-mail summarises

    def parse(self, query_dict):
        filterset = self.filter_class(query_dict, queryset=self.model.objects.none())
        cleaned = filterset.cleaned
        query, labels, groups = [], {}, []
        choice_filters = self.filter_class.choice_filters()
        for name, choices in choice_filters.items():
            asked = {node.slug for node in cleaned.get(name) or []}
            values = [choice for choice in choices if choice in asked]  # in the enumeration's order
            if values:
                query.extend((name, choice.value) for choice in values)
                labels[name] = [str(choice.label) for choice in values]
                groups.append({self.key_for(name, choice.value) for choice in values})
        for name in self.filter_class.TREE_FILTERS:
            nodes = sorted(cleaned.get(name) or [], key=lambda node: node.slug)
            if nodes:
                query.extend((name, node.slug) for node in nodes)
                labels[name] = [str(node) for node in nodes]
                groups.append({self.key_for(name, node.pk) for node in nodes})
        asked = sorted(words(cleaned.get("q") or ""))[:MAX_WORDS]
        if asked:
            query.append(("q", " ".join(asked)))
            labels["q"] = " ".join(asked)
            groups.extend({self.key_for("word", word)} for word in asked)
        notices = list(getattr(filterset.form, "notices", []))
        followed = {*choice_filters, *self.filter_class.TREE_FILTERS, "q"}
        if any(value for name, value in cleaned.items() if name not in followed):
            notices.append(self.ignored_notice)
        return ParsedFilter(urlencode(query), labels, groups, notices)

    def describe(self, labels):
        parts = [str(self.label)]
        for name, phrase in self.phrases.items():
            if labels.get(name):
                parts.append(str(phrase) % {"names": either(labels[name])})
        if labels.get("q"):
            parts.append(gettext("containing “%(words)s”") % {"words": labels["q"]})
        return " ".join(parts)

    def public_items(self, ids):
        return list(
            self.model.objects.listed().filter(pk__in=ids).select_related(*self.listing_related)
        )

    def item_keys(self, item):
        filters = self.filter_class.base_filters
        keys = {
            self.key_for(name, getattr(item, filters[name].field_name))
            for name in self.filter_class.choice_filters()
        }
        for name, model in self.filter_class.TREE_FILTERS.items():
            relations = filters[name].relation
            relations = (relations,) if isinstance(relations, str) else relations
            # The item's nodes and all their ancestors, in one query per tree.
            tagged = Q(pk__in=[])
            for relation in relations:
                tagged |= Exists(
                    self.model.objects.filter(subtrees.within_outer(relation), pk=item.pk)
                )
            ancestors = model.objects.filter(tagged).values_list("pk", flat=True)
            keys.update(self.key_for(name, pk) for pk in ancestors)
        text = " ".join(getattr(item, field) or "" for field in self.text_fields)
        keys.update(self.key_for("word", word) for word in words(text))
        return keys
