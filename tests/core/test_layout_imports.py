"""core.layout stays pure: its modules import the standard library and each other, nothing else."""

import ast
import sys
from pathlib import Path

import core.layout

LAYOUT = Path(core.layout.__file__).parent


def imported(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." if node.level else node.module


def test_layout_modules_import_only_the_standard_library():
    modules = sorted(LAYOUT.glob("*.py"))
    assert {path.stem for path in modules} >= {"text", "diagram", "chart", "timeline", "graph"}
    for path in modules:
        for name in imported(path):
            assert name == "." or name.split(".")[0] in sys.stdlib_module_names, f"{path.name} imports {name}"
