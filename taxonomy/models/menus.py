"""Menus that site administrators arrange: each menu is a tree of items."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.lookups import LessThanOrEqual
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from .pages import Page
from .terms import Country, FieldOfWork, MeetingType, Place, Structure

# Named pages of the site that a menu item may link to.
NAMED_PAGES = [
    ("home", _("Home page")),
    ("press:release-list", _("Press releases")),
    ("taxonomy:fieldofwork-list", _("Fields of work")),
    ("taxonomy:country-list", _("Countries")),
    ("taxonomy:structure-list", _("Structures and institutions")),
    ("taxonomy:meetingtype-list", _("Meetings and conferences")),
]

# Fields that point an item at a node or page; at most one may be set.
NODE_TARGETS = ("field_of_work", "country", "structure", "meeting_type", "place", "page")
TEXT_TARGETS = ("named_url", "external_url")

# Each node target: the URL name of its page and the field of the node that the URL needs.
NODE_URLS = {
    "field_of_work": ("taxonomy:fieldofwork-detail", "slug"),
    "country": ("taxonomy:country-detail", "slug"),
    "structure": ("taxonomy:structure-detail", "path"),
    "meeting_type": ("taxonomy:meetingtype-detail", "slug"),
    "place": ("taxonomy:place-detail", "slug"),
    "page": ("taxonomy:page-detail", "slug"),
}
# The values an item's URL is made of, as ``MenuItem.objects.values(*URL_FIELDS)`` reads them.
URL_FIELDS = (
    "named_url",
    "external_url",
    *(f"{target}__{field}" for target, (_name, field) in NODE_URLS.items()),
)

# reverse() is slow next to the rest of a menu; each node URL is reversed once per menu with
# this marker (a valid slug and path) in place of the node's slug or path.
MARKER = "zzmenumarkerzz"


def resolve_url(values, patterns=None):
    """The one resolver of a menu item's URL, from its ``URL_FIELDS`` values; None for a
    heading, or an item whose target has gone or no longer resolves. ``patterns`` (a dict kept
    by the caller for a whole menu) saves reversing the same URL name again."""
    patterns = {} if patterns is None else patterns
    if values["external_url"]:
        return values["external_url"]
    try:
        if values["named_url"]:
            return reverse(values["named_url"])
        for target, (url_name, field) in NODE_URLS.items():
            value = values[f"{target}__{field}"]
            if value:
                if url_name not in patterns:
                    patterns[url_name] = reverse(url_name, kwargs={field: MARKER})
                return patterns[url_name].replace(MARKER, iri_to_uri(value))
    except NoReverseMatch:
        pass
    return None


validate_external_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a full web address starting with http:// or https://."),
)


def _count_targets():
    """A database expression counting how many targets an item has set."""
    conditions = [models.Q(**{f"{name}__isnull": False}) for name in NODE_TARGETS]
    conditions += [~models.Q(**{name: ""}) for name in TEXT_TARGETS]
    terms = [models.Case(models.When(c, then=1), default=0) for c in conditions]
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


class Menu(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MenuItem(MPTTModel):
    """A label linking to exactly one target, or a heading (no target) that groups children.

    Node targets are SET_NULL: when the target disappears, the item has nothing to link to and
    is hidden from the public menu instead of breaking it.
    """

    menu = models.ForeignKey(
        Menu, verbose_name=_("menu"), on_delete=models.CASCADE, related_name="items"
    )
    parent = TreeForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    label = models.CharField(_("label"), max_length=200)
    is_visible = models.BooleanField(
        _("visible"), default=True, help_text=_("Hide the item without deleting it.")
    )
    field_of_work = models.ForeignKey(
        FieldOfWork,
        verbose_name=_("field of work"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting_type = models.ForeignKey(
        MeetingType,
        verbose_name=_("meeting type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    named_url = models.CharField(
        _("page of the site"), max_length=100, blank=True, choices=NAMED_PAGES
    )
    external_url = models.CharField(
        _("external address"), max_length=500, blank=True, validators=[validate_external_url]
    )
    is_heading = models.BooleanField(
        _("heading"),
        default=False,
        help_text=_("A heading has no link of its own and groups the items below it."),
    )

    class Meta:
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")
        ordering = ["tree_id", "lft"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(_count_targets(), 1), name="menuitem_at_most_one_target"
            )
        ]

    class MPTTMeta:
        order_insertion_by = []

    def __str__(self):
        return self.label

    def targets_set(self):
        return [
            name
            for name in NODE_TARGETS + TEXT_TARGETS
            if (getattr(self, name) if name in TEXT_TARGETS else getattr(self, f"{name}_id"))
        ]

    def clean(self):
        super().clean()
        targets = self.targets_set()
        if len(targets) > 1:
            raise ValidationError(_("Choose exactly one link target for a menu item."))
        if self.is_heading and targets:
            raise ValidationError(_("A heading has no link target; remove the target."))
        if not self.is_heading and not targets:
            raise ValidationError(
                _(
                    "Choose a link target: a taxonomy node, a page, a page of the site or an "
                    "external address (or mark the item as a heading)."
                )
            )
        if self.parent_id and self.parent.menu_id != self.menu_id:
            raise ValidationError({"parent": _("The parent must belong to the same menu.")})

    def get_url(self):
        """The item's link, or None for a heading or an item whose target has gone (the
        targets are read from their relations: select them with the item)."""
        values = {"named_url": self.named_url, "external_url": self.external_url}
        for target, (_url_name, field) in NODE_URLS.items():
            node = getattr(self, target) if getattr(self, f"{target}_id") else None
            values[f"{target}__{field}"] = getattr(node, field, None)
        return resolve_url(values)

    @property
    def is_broken(self):
        return not self.is_heading and not self.targets_set()
