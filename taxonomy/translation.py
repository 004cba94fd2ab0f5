"""Which fields of the navigation are translated (django-modeltranslation).

Each registered field gets one column per site language (``name_en``, ``name_fr``, ...) in the
same table, so reading a translated tree costs exactly the queries it cost before. Reading
``node.name`` gives the active language's text, or the English one when there is none
(``MODELTRANSLATION_FALLBACK_LANGUAGES``); ``{{ node|lang_fallback:"name" }}`` marks that case
with ``lang="en"``. Slugs are not translated (README, "Languages").
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Country,
    DocumentType,
    FieldOfWork,
    MeetingType,
    MenuItem,
    Page,
    Place,
    Structure,
)


@register([FieldOfWork, Country, Place, MeetingType, DocumentType])
class TermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Structure)
class StructureTranslation(TranslationOptions):
    fields = ("name", "description", "public_name")


@register(MenuItem)
class MenuItemTranslation(TranslationOptions):
    fields = ("label",)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")
