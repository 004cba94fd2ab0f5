"""The seed page's press release and generated releases; built by `manage.py load_demo`."""


def load(stdout):
    """Create or update the seed press release (idempotent)."""


def generate(count, stdout):
    """Add ``count`` generated press releases with bulk operations."""
