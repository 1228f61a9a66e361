"""The code's structural rules, read off the source with ast (no database): module docstrings and lengths,
which app may import which, no import cycle, and migrations that stand alone."""

import ast
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRECTORIES = {"staticfiles", "var", "node_modules", "__pycache__"}  # and every folder whose name starts with .
APPS = ("core", "laws", "strategy", "incidents", "policy_kb")
MAX_LINES = 400

# Modules over MAX_LINES today, with their length now: they may only shrink, and each leaves this list once
# it is split. A module that is not here may not pass MAX_LINES.
LONG_MODULES_TO_SPLIT = {}

# Import cycles present today, each as the set of modules that import one another (directly or around a
# loop, imports inside functions included). The test fails on any other cycle, and on a listed one that is
# gone, so this list only shrinks.
KNOWN_CYCLES = {}

# Who may import whom: an app never imports the project package, core imports no app, and dependencies
# point one way (incidents → strategy → laws → core).
FORBIDDEN_IMPORTS = {
    "core": {"laws", "strategy", "incidents", "policy_kb"},
    "laws": {"strategy", "incidents", "policy_kb"},
    "strategy": {"incidents", "policy_kb"},
    "incidents": {"policy_kb"},
}

# Migrations replay on any future state of the code, so they import nothing of the project: only Django, the
# standard library and the pinned libraries whose fields and model bases they name (tree, history, concurrency).
MIGRATION_IMPORTS = {"django", "mptt", "simple_history", "concurrency"} | set(sys.stdlib_module_names)


@dataclass
class Module:
    path: str  # relative to the repository, with forward slashes: "laws/models.py"
    name: str  # dotted: "laws.models"; a package is named by its folder: "laws"
    source: str
    tree: ast.Module
    imports: list = field(default_factory=list)  # [(dotted name as written and resolved, line)]

    @property
    def is_package(self):
        return self.path.endswith("__init__.py")


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if any(part.startswith(".") or part in SKIPPED_DIRECTORIES for part in relative.parts[:-1]):
            continue
        yield relative


def resolved_imports(module):
    """Every import in the module, anywhere in it (functions and conditionals included), as absolute dotted
    names: `from . import views` in laws/urls.py gives laws.views (a module) or laws (a name in it)."""
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module
            found.append((target, node.lineno))
            found.extend((f"{target}.{alias.name}", node.lineno) for alias in node.names if alias.name != "*")
    return found


@cache
def modules():
    """{dotted name: Module} for every Python file of the repository."""
    found = {}
    for relative in python_files():
        source = (ROOT / relative).read_text(encoding="utf-8")
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        module = Module(relative.as_posix(), ".".join(parts), source, ast.parse(source, str(relative)))
        found[module.name] = module
    for module in found.values():
        module.imports = resolved_imports(module)
    return found


def is_checked(module):
    """Production code: not a migration, a test or a benchmark."""
    return "/migrations/" not in module.path and not module.path.startswith(("tests/", "bench/"))


def project_target(name):
    """The project module an imported dotted name lands in (the longest known prefix), or None."""
    known = modules()
    parts = name.split(".")
    while parts:
        if ".".join(parts) in known:
            return ".".join(parts)
        parts.pop()
    return None


def import_graph():
    """{module: {project modules it imports}} over production code."""
    graph = {}
    for name, module in modules().items():
        if not is_checked(module):
            continue
        targets = {project_target(imported) for imported, _line in module.imports}
        graph[name] = {t for t in targets if t and t != name and is_checked(modules()[t])}
    return graph


def strongly_connected_components(graph):
    """Tarjan's algorithm, iterative: the components with more than one module, as frozensets."""
    index, low, on_stack, stack, components, counter = {}, {}, set(), [], [], [0]
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(frozenset(component))
    return components


# --- The rules ---------------------------------------------------------------------------------


def test_the_reader_sees_the_whole_project():
    names = set(modules())
    assert {"laws.models", "strategy.selectors", "incidents.views", "policy_kb.settings", "core.i18n"} <= names
    assert not any(name.startswith((".venv", "staticfiles")) for name in names)


def test_every_module_opens_with_a_docstring():
    """Empty files (package markers) hold nothing to describe and are left out."""
    missing = [
        m.path for m in modules().values() if is_checked(m) and m.source.strip() and ast.get_docstring(m.tree) is None
    ]
    assert missing == [], f"modules without a docstring saying what they hold: {missing}"


def test_no_module_is_longer_than_400_lines():
    lengths = {m.path: len(m.source.splitlines()) for m in modules().values() if is_checked(m)}
    too_long = {path: n for path, n in lengths.items() if n > MAX_LINES and path not in LONG_MODULES_TO_SPLIT}
    assert too_long == {}, f"split these modules (at most {MAX_LINES} lines each): {too_long}"
    for path, pinned in LONG_MODULES_TO_SPLIT.items():
        assert path in lengths, f"{path} is gone: take it off LONG_MODULES_TO_SPLIT"
        assert lengths[path] <= pinned, f"{path} grew from {pinned} to {lengths[path]} lines: split it instead"
        assert lengths[path] > MAX_LINES, f"{path} is {lengths[path]} lines now: take it off LONG_MODULES_TO_SPLIT"


def test_apps_import_only_downwards():
    wrong = []
    for module in modules().values():
        app = module.name.split(".")[0]
        for imported, line in module.imports:
            top = imported.split(".")[0]
            if top in FORBIDDEN_IMPORTS.get(app, ()):
                wrong.append(f"{module.path}:{line} imports {imported}")
    assert wrong == [], "\n".join(["imports against the direction incidents → strategy → laws → core:", *wrong])


def test_no_import_cycle_but_the_known_ones():
    cycles = {frozenset(c) for c in strongly_connected_components(import_graph())}
    known = {frozenset(members): name for name, members in KNOWN_CYCLES.items()}
    new = [sorted(c) for c in cycles if c not in known]
    gone = [name for members, name in known.items() if members not in cycles]
    assert new == [], f"modules that import one another (imports inside functions count): {new}"
    assert gone == [], f"these cycles are gone or changed: update KNOWN_CYCLES: {gone}"


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e", "d"}}
    assert strongly_connected_components(graph) == [frozenset({"a", "b", "c"})]


def test_migrations_import_only_django_pinned_field_libraries_and_the_standard_library():
    wrong = []
    for module in modules().values():
        if "/migrations/" not in module.path or module.is_package:
            continue
        for imported, line in module.imports:
            if imported.split(".")[0] not in MIGRATION_IMPORTS:
                wrong.append(f"{module.path}:{line} imports {imported}")
    assert wrong == [], "\n".join(["migrations must not import project code:", *wrong])
