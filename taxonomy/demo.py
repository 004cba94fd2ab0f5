"""The seed page's navigation as data; built by `manage.py load_demo`."""


def load(stdout):
    """Create or update every demo tree (idempotent)."""
