"""The committed translation catalogues: complete for the public site, compiled, up to date."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Sources of the strings public visitors see (templates, except the admin's and e-mails).
PUBLIC_SOURCES = re.compile(
    r"^(templates/(?!admin/|press/email/)\S+"
    r"|taxonomy/views\.py|press/(filters|feeds|views|preview)\.py|osce_cms/settings/base\.py)$"
)


def read_po(path):
    """Entries of a .po file: dicts with references, flags, msgid, msgid_plural, msgstr list."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"refs": [], "flags": "", "msgid": None, "msgid_plural": None, "msgstr": []}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#:"):
                entry["refs"] += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
            elif line.startswith("#,"):
                entry["flags"] += line[2:]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if field == "msgstr":
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
            else:
                keyword, value = line.split(" ", 1)
                field = "msgstr" if keyword.startswith("msgstr") else keyword
                if field == "msgstr":
                    entry["msgstr"].append(ast.literal_eval(value))
                else:
                    entry[field] = ast.literal_eval(value)
        if entry["msgid"]:  # not the header
            entries.append(entry)
    return entries


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_public_string_is_translated_and_not_fuzzy(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    public = [e for e in entries if any(PUBLIC_SOURCES.match(ref) for ref in e["refs"])]
    assert len(public) > 100
    untranslated = [e["msgid"] for e in public if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    assert catalogue.info()["language"] == language
    for entry in read_po(folder / "django.po"):
        if not all(entry["msgstr"]) or "fuzzy" in entry["flags"]:
            continue
        if entry["msgid_plural"]:
            translated = catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1)
        else:
            translated = catalogue.gettext(entry["msgid"])
        assert translated == entry["msgstr"][0]
