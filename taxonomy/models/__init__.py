from .menu_history import MenuChange
from .menus import Menu, MenuItem
from .pages import Page, PageListing
from .redirects import OldAddress
from .terms import Country, DocumentType, FieldOfWork, MeetingType, Place, Structure, Term

__all__ = [
    "Country",
    "DocumentType",
    "FieldOfWork",
    "MeetingType",
    "Menu",
    "MenuChange",
    "MenuItem",
    "OldAddress",
    "Page",
    "PageListing",
    "Place",
    "Structure",
    "Term",
]
