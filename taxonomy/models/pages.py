from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import EditorialModel, one_version_per_language
from osce_cms.richtext import RichTextField


class PageListing(models.TextChoices):
    """A list the site builds itself below a page's text."""

    CLOSED_STRUCTURES = "closed-structures", _("Closed structures, by year of closing")


class Page(EditorialModel):
    """A simple content page, e.g. About us, served at /pages/<slug>/; on the editorial engine."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    body = RichTextField(_("body"), blank=True)
    listing = models.CharField(
        _("automatic list"),
        max_length=30,
        blank=True,
        default="",
        db_default="",
        choices=PageListing,
        help_text=_("Shown below the text and kept up to date by the site."),
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]
        permissions = [
            ("publish_page", _("Can publish, schedule, unpublish and withdraw pages")),
            ("review_page", _("Can review (approve or reject) pages")),
        ]
        # The engine's rule; pages themselves are translated in place (taxonomy/translation.py).
        constraints = [one_version_per_language("page_one_per_language")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("taxonomy:page-detail", kwargs={"slug": self.slug})
