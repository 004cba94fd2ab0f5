from .menus import Menu, MenuItem
from .pages import Page, PageListing
from .redirects import OldAddress
from .terms import Country, FieldOfWork, MeetingType, Place, Structure, Term

__all__ = [
    "Country",
    "FieldOfWork",
    "MeetingType",
    "Menu",
    "MenuItem",
    "OldAddress",
    "Page",
    "PageListing",
    "Place",
    "Structure",
    "Term",
]
