"""Every app's sitemaps, gathered for /sitemap.xml."""

from meetings.sitemaps import SITEMAPS as MEETINGS_SITEMAPS
from press.sitemaps import SITEMAPS as PRESS_SITEMAPS
from taxonomy.sitemaps import SITEMAPS as TAXONOMY_SITEMAPS

SITEMAPS = {**TAXONOMY_SITEMAPS, **PRESS_SITEMAPS, **MEETINGS_SITEMAPS}
