from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)


def test_apps_register_their_own_sitemap_sections_and_a_name_is_taken_once():
    from django.contrib.sitemaps import Sitemap

    from osce_cms import sitemaps
    from press.sitemaps import PressReleaseSitemap

    assert sitemaps.SITEMAPS["press-releases"] is PressReleaseSitemap
    assert {"fields-of-work", "pages"} <= set(sitemaps.SITEMAPS)
    sitemaps.register({"press-releases": PressReleaseSitemap})  # the same again is harmless

    class Other(Sitemap):
        pass

    with pytest.raises(ValueError, match="press-releases"):
        sitemaps.register({"press-releases": Other})
