"""Writes for the laws app: loading an act and its glossary, importing a version's text, applying the English.

Each public function is keyword-only and runs in one transaction.
"""

from .acts import load_act, resolve_law_reference, sync_version_periods
from .english import apply_english
from .glossary import load_glossary
from .loading import ContentError, SourceBook, bilingual, load_sources, parse_date, read_json
from .statute_import import import_from_data_dir, import_version, nested_set, rebuild_text

__all__ = [
    "ContentError",
    "SourceBook",
    "apply_english",
    "bilingual",
    "import_from_data_dir",
    "import_version",
    "load_act",
    "load_glossary",
    "load_sources",
    "nested_set",
    "parse_date",
    "read_json",
    "rebuild_text",
    "resolve_law_reference",
    "sync_version_periods",
]
