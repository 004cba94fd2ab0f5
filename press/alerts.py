"""Press releases as a kind of content one can follow by e-mail (registered in apps.py).

A newsroom filter (any of its tree filters and words; dates are not part of an alert) becomes an
alert: each tree filter is one term group (any of its nodes, subtrees included), each word one
more group. A release carries the keys of its terms and of all their ancestors, and of its words.
"""

from django.db.models import Exists
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alerts.registry import MAX_WORDS, AlertKind, ItemSummary, ParsedFilter, words
from osce_cms.links import absolute_url
from taxonomy import subtrees

from .filters import ReleaseFilter
from .models import PressRelease

# Tree filter -> how the description names its nodes.
PHRASES = {
    "field_of_work": _("about %(names)s"),
    "country": _("in %(names)s"),
    "place": _("in %(names)s"),
    "source": _("from %(names)s"),
}


def _either(names):
    if len(names) == 1:
        return names[0]
    return gettext("%(first)s or %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


class PressReleaseAlerts(AlertKind):
    key = "press"
    model = PressRelease
    label = _("Press releases")
    listing_url_name = "press:release-list"

    def parse(self, query_dict):
        filterset = ReleaseFilter(query_dict, queryset=PressRelease.objects.none())
        cleaned = filterset.cleaned
        query, labels, groups = [], {}, []
        for name in ReleaseFilter.TREE_FILTERS:
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
        if cleaned.get("date_from") or cleaned.get("date_to"):
            notices.append(_("Dates are not part of an alert: it tells you about new releases."))
        return ParsedFilter(urlencode(query), labels, groups, notices)

    def describe(self, labels):
        parts = [str(self.label)]
        for name, phrase in PHRASES.items():
            if labels.get(name):
                parts.append(str(phrase) % {"names": _either(labels[name])})
        if labels.get("q"):
            parts.append(gettext("containing “%(words)s”") % {"words": labels["q"]})
        return " ".join(parts)

    def public_items(self, ids):
        return list(PressRelease.objects.listed().filter(pk__in=ids).select_related("place"))

    def item_keys(self, release):
        keys = set()
        for name, model in ReleaseFilter.TREE_FILTERS.items():
            relation = ReleaseFilter.base_filters[name].relation
            # The release's nodes and all their ancestors, in one query per tree.
            tagged = PressRelease.objects.filter(subtrees.within_outer(relation), pk=release.pk)
            ancestors = model.objects.filter(Exists(tagged)).values_list("pk", flat=True)
            keys.update(self.key_for(name, pk) for pk in ancestors)
        text = " ".join([release.title, release.lead, release.body])
        keys.update(self.key_for("word", word) for word in words(text))
        return keys

    def summarise(self, release):
        day = formats.date_format(timezone.localtime(release.published_at), "DATE_FORMAT")
        dateline = f"{release.place.name}, {day}" if release.place else day
        return ItemSummary(
            title=release.title,
            dateline=dateline,
            lead=release.lead,
            url=absolute_url(release.get_absolute_url()),
            language=release.language,
        )
