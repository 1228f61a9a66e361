"""The build_kanji_variants command: policy_kb/search/data/kanji-variants.tsv derived from the Unicode Han Database."""

import bz2
import unicodedata
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from policy_kb.search.variants import VARIANTS_FILE

UNIHAN_DIR = Path("/usr/share/unicode")  # Debian package `unicode-data`
VARIANT_FIELDS = ("kZVariant", "kSemanticVariant", "kSpecializedSemanticVariant")
JAPANESE_SETS = ("kJIS0213", "kJis1", "kIBMJapan")  # JIS X 0213, JIS X 0212, IBM's Japanese extension


def read_unihan(path):
    """{character: {field: value}} of a Unihan_*.txt file (plain or .bz2)."""
    opener = bz2.open if path.suffix == ".bz2" else open
    fields = defaultdict(dict)
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            fields[chr(int(code[2:], 16))][field] = value
    return fields


def _find(directory, stem):
    for name in (f"{stem}.txt", f"{stem}.txt.bz2"):
        if (directory / name).exists():
            return directory / name
    raise CommandError(f"{stem}.txt not found in {directory} (apt-get install unicode-data)")


def derive_pairs(mappings, variants):
    """[(variant, standard, source)] from Unihan's OtherMappings and Variants fields, by two rules:

    1. kJinmeiyoKanji "2010:U+X" and kJoyoKanji "U+X": the form the 人名用漢字 / 常用漢字 lists give as a
       variant of X (國 → 国, 剥 → 剝).
    2. A character outside those lists and outside JIS X 0208 but in a Japanese character set (JIS X 0213,
       JIS X 0212, IBM's extension) whose z-, semantic or specialised semantic variants include exactly one
       kanji of those lists (髙 → 高); when several do, the one the source marks as a z-variant, if single
       (﨑 → 崎, not 埼). Compatibility ideographs are left to NFKC.
    """

    def standard(char):
        fields = mappings.get(char, {})
        return fields.get("kJoyoKanji") == "2010" or fields.get("kJinmeiyoKanji") == "2010"

    pairs = {}
    for char, fields in sorted(mappings.items()):
        jinmei, joyo = fields.get("kJinmeiyoKanji", ""), fields.get("kJoyoKanji", "")
        if ":U+" in jinmei:
            pairs[char] = (chr(int(jinmei.split(":U+")[1], 16)), "kJinmeiyoKanji")
        elif joyo.startswith("U+"):
            pairs[char] = (chr(int(joyo[2:], 16)), "kJoyoKanji")
    for char, fields in sorted(variants.items()):
        other = mappings.get(char, {})
        if char in pairs or standard(char) or "kJis0" in other or not any(s in other for s in JAPANESE_SETS):
            continue
        if unicodedata.normalize("NFKC", char) != char:
            continue
        found, zed = {}, set()
        for field in VARIANT_FIELDS:
            for entry in fields.get(field, "").split():
                code, _sep, sources = entry.partition("<")
                target = chr(int(code[2:], 16))
                if standard(target):
                    found.setdefault(target, field)
                    if field == "kZVariant" or ":Z" in sources:
                        zed.add(target)
        chosen = list(found) if len(found) == 1 else sorted(zed) if len(zed) == 1 else []
        if chosen:
            pairs[char] = (chosen[0], found[chosen[0]])
    return [(variant, target, source) for variant, (target, source) in sorted(pairs.items())]


HEADER = """# Variant kanji → standard form, for search (policy_kb/search/variants.py). Generated: do not edit.
# Derived by `manage.py build_kanji_variants` from the Unicode Han Database (Unihan) {version},
# fields kJinmeiyoKanji, kJoyoKanji, kJis0, kJIS0213, kJis1, kIBMJapan, kZVariant, kSemanticVariant and
# kSpecializedSemanticVariant. Unihan: Copyright © 1991-2022 Unicode, Inc.; Unicode License
# (https://www.unicode.org/license.txt). Rules and provenance: policy_kb/search/data/README.md.
# variant<TAB>standard<TAB>Unihan field
"""


def render(pairs, version):
    """The file's text: the header, then one tab-separated line per pair."""
    return HEADER.format(version=version) + "".join(f"{v}\t{s}\t{field}\n" for v, s, field in pairs)


def unihan_version(path):
    opener = bz2.open if path.suffix == ".bz2" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# Unicode version:"):
                return line.split(":", 1)[1].strip()
    return "(version not stated)"


class Command(BaseCommand):
    help = "Write policy_kb/search/data/kanji-variants.tsv from Unihan (or, with --check, compare it)."

    def add_arguments(self, parser):
        parser.add_argument("--unihan-dir", default=str(UNIHAN_DIR), help="Folder with Unihan_*.txt(.bz2).")
        parser.add_argument("--output", default=str(VARIANTS_FILE))
        parser.add_argument("--check", action="store_true", help="Fail if the file differs from what Unihan gives.")

    def handle(self, *args, unihan_dir, output, check, **options):
        directory = Path(unihan_dir)
        mappings_path = _find(directory, "Unihan_OtherMappings")
        pairs = derive_pairs(read_unihan(mappings_path), read_unihan(_find(directory, "Unihan_Variants")))
        text = render(pairs, unihan_version(mappings_path))
        if check:
            if Path(output).read_text(encoding="utf-8") != text:
                raise CommandError(f"{output} is not what Unihan in {directory} gives: run build_kanji_variants.")
            self.stdout.write(f"{output} matches Unihan ({len(pairs)} pairs).")
            return
        Path(output).write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{output}: {len(pairs)} pairs."))
