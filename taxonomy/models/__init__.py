from .menus import Menu, MenuItem
from .pages import Page
from .terms import Country, FieldOfWork, MeetingType, Place, Structure, Term

__all__ = [
    "Country",
    "FieldOfWork",
    "MeetingType",
    "Menu",
    "MenuItem",
    "Page",
    "Place",
    "Structure",
    "Term",
]
