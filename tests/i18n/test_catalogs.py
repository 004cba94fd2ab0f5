"""The committed translation catalogues: complete in every language (public site, admin and
e-mails alike), compiled, up to date."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


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


def test_every_site_language_has_a_catalogue():
    assert TRANSLATED == ["fr", "de", "it", "ru", "es"]
    for language in TRANSLATED:
        assert (LOCALE / language / "LC_MESSAGES" / "django.po").is_file()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 300
    # The admin's strings and the e-mails count as much as the public pages'.
    assert any(ref.startswith("templates/admin/") for e in entries for ref in e["refs"])
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]
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


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_plural_has_all_the_forms_of_its_language(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    nplurals = int(re.search(r"nplurals=(\d+)", path.read_text(encoding="utf-8")).group(1))
    plurals = [e for e in read_po(path) if e["msgid_plural"]]
    assert plurals
    assert [e["msgid"] for e in plurals if len(e["msgstr"]) != nplurals] == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_compiles_with_compilemessages_checks(language):
    # ``manage.py compilemessages`` runs ``msgfmt --check-format``: a translation naming a
    # placeholder its message lacks fails it, and the language's .mo is then never rebuilt.
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
