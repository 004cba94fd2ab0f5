from .menus import Menu, MenuItem
from .pages import Page
from .terms import Country, DocumentType, FieldOfWork, MeetingType, Place, Structure, Term

__all__ = [
    "Country",
    "DocumentType",
    "FieldOfWork",
    "MeetingType",
    "Menu",
    "MenuItem",
    "Page",
    "Place",
    "Structure",
    "Term",
]
