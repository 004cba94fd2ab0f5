"""The sections of /sitemap.xml: each app registers its own (in its ``AppConfig.ready``).

``osce_cms`` knows no app: ``register({"press-releases": PressReleaseSitemap})`` adds a section
at ``/sitemap-press-releases.xml`` and to the index.
"""

SITEMAPS = {}


def register(sections):
    """Add ``sections`` (``{name: Sitemap class}``) to the site's sitemap; names are unique."""
    for name, sitemap in sections.items():
        if SITEMAPS.get(name, sitemap) is not sitemap:
            raise ValueError(f"Two sitemap sections are called {name!r}.")
        SITEMAPS[name] = sitemap
