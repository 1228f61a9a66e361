"""Every interface string of the code is in the committed catalogues, and the catalogues hold nothing else."""

import ast
import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT

# The same folders locale/README.md leaves out of makemessages.
IGNORED = (".venv", "staticfiles", "bench", "tests", "node_modules")
NOT_COPIED = shutil.ignore_patterns(".*", "staticfiles", "var", "node_modules", "__pycache__", "*.mo")


def read_po(path):
    """{(msgctxt, msgid)} of a catalogue's live entries (the header and obsolete #~ entries left out)."""
    entries, current, key = set(), {}, None

    def close():
        if current.get("msgid"):
            entries.add((current.get("msgctxt"), current["msgid"]))
        current.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            close()
            key = None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key in ("msgctxt", "msgid"):
                current[key] += ast.literal_eval(line)
        else:
            keyword, _space, value = line.partition(" ")
            if keyword == "msgctxt" or (keyword == "msgid" and "msgctxt" not in current and current):
                close()
            key = keyword if keyword in ("msgctxt", "msgid") else None
            if key:
                current[key] = ast.literal_eval(value)
    close()
    return entries


def test_the_reader_reads_contexts_plurals_and_continued_lines(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ja\\n"\n\n'
        'msgid "One"\nmsgstr "一"\n\n'
        'msgctxt "list separator"\nmsgid ", "\nmsgstr "、"\n\n'
        'msgid ""\n"A long "\n"string"\nmsgstr ""\n\n'
        'msgid "%(n)s item"\nmsgid_plural "%(n)s items"\nmsgstr[0] "%(n)s 件"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "消えた"\n',
        encoding="utf-8",
    )
    assert read_po(po) == {(None, "One"), ("list separator", ", "), (None, "A long string"), (None, "%(n)s item")}


def test_makemessages_finds_exactly_the_committed_entries(tmp_path):
    """makemessages on a copy of the project (a fresh Japanese catalogue, so nothing is merged in) must give
    the msgids of locale/ja/LC_MESSAGES/django.po, and the English catalogue the same: a string missing there
    would be shown untranslated. Takes about a second."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    (copy / "locale" / "ja" / "LC_MESSAGES" / "django.po").unlink()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "policy_kb.settings"}
    command = [sys.executable, "manage.py", "makemessages", "-l", "ja", "--no-location", "--verbosity", "0"]
    command += [f"--ignore={folder}" for folder in IGNORED]
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    in_code = read_po(copy / "locale" / "ja" / "LC_MESSAGES" / "django.po")
    committed = read_po(ROOT / "locale" / "ja" / "LC_MESSAGES" / "django.po")
    assert len(in_code) > 300
    missing = sorted(in_code - committed, key=str)
    stale = sorted(committed - in_code, key=str)
    assert missing == [], f"interface strings missing from the catalogues (run /work/tools/messages.sh): {missing}"
    assert stale == [], f"catalogue entries no longer in the code: {stale}"
    english = read_po(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert english == committed, sorted(english ^ committed, key=str)
