"""Every page with breadcrumbs uses the one include: the same label, links to the ancestors,
and the current page last, marked with aria-current."""

import re

from press.models import PressRelease
from taxonomy.models import Page

NAV = re.compile(r'<nav class="breadcrumbs" aria-label="([^"]*)">(.*?)</nav>', re.S)


def breadcrumbs_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    navs = NAV.findall(response.content.decode())
    assert len(navs) == 1, f"{url}: {len(navs)} breadcrumb trails"
    label, trail = navs[0]
    items = re.findall(r"<li>(.*?)</li>", trail, re.S)
    return label, items


def test_every_kind_of_page_has_the_same_breadcrumb_trail(client, demo):
    release = PressRelease.objects.listed().first()
    page = Page.objects.first()
    pages = {
        "/press-releases/": ["Home"],
        release.get_absolute_url(): ["Home", "Press releases"],
        "/fields-of-work/": ["Home"],
        "/fields-of-work/policing/": ["Home", "Fields of work"],
        "/structures/secretariat/transnational-threats-department/": [
            "Home",
            "Structures and institutions",
            "Secretariat",
        ],
        page.get_absolute_url(): ["Home"],
    }
    for url, ancestors in pages.items():
        label, items = breadcrumbs_of(client, url)
        assert label == "Breadcrumb", url
        *links, current = items
        assert [re.sub(r"<[^>]+>", "", link) for link in links] == ancestors, url
        assert all(link.startswith("<a href=") for link in links), url
        assert current.startswith('<span aria-current="page">'), url
        assert "aria-current" not in "".join(links), url
