from .menu_history import MenuChange
from .menus import Menu, MenuItem
from .pages import Page, PageListing
from .redirects import OldAddress
from .terms import Country, FieldOfWork, MeetingType, Place, Structure, Term

__all__ = [
    "Country",
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
