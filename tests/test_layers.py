"""The package reads along its flow: each module imports only from its own stage
or the stages before it, and no modules import each other in a circle.

    base -> load -> model -> index -> rules -> pipeline -> consumers

Base modules (findings, codes, kinds, text...) are used by every stage; the
consumers (site, views, author, importer, commands) are the edges of the flow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "kehoach"

BASE = ("findings", "codes", "kinds", "text", "chars", "dates", "atomic", "oserrors", "parallel", "config", "lifetime")
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", BASE),
    ("load", ("load",)),
    ("model", ("model", "schema", "schema_text", "read", "sources")),
    ("index", ("index", "derived", "resolve")),
    ("rules", ("rules",)),
    ("pipeline", ("pipeline", "incremental", "check", "report")),
    ("consumers", ("site", "views", "author", "importer", "word", "commands", "cli", "synth", "editor", "__main__")),
    ("package", ("__init__",)),
]
RANK = {top: rank for rank, (_, tops) in enumerate(LAYERS) for top in tops}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, anywhere: bool) -> set[str]:
    """Modules of the package that ``path`` imports, by dotted name under kehoach:
    anywhere in it, or only at module level (not in a function, run when called)."""
    name = _module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree) if anywhere else _module_level(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "kehoach":
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                candidate = ".".join([*target, alias.name])
                found.add(candidate if _exists(candidate) else ".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "kehoach":
                    found.add(".".join(alias.name.split(".")[1:]))
    return {module for module in found if module}


def _module_level(tree: ast.Module) -> list[ast.stmt]:
    """Statements run on import: the module's, and those inside its top-level if/try blocks."""
    found: list[ast.stmt] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, ast.If | ast.Try):
            pending += [*node.body, *node.orelse, *getattr(node, "finalbody", [])]
            pending += [stmt for handler in getattr(node, "handlers", []) for stmt in handler.body]
    return found


def _exists(module: str) -> bool:
    path = PACKAGE.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


SOURCES = sorted(PACKAGE.rglob("*.py"))
GRAPH = {_module_name(path): _imports(path, anywhere=True) for path in SOURCES}
# Imports run on import (not those inside a function, run when called).
ON_IMPORT = {_module_name(path): _imports(path, anywhere=False) for path in SOURCES}


def _layer(module: str) -> int:
    return RANK[module.split(".")[0]]


def test_every_module_has_a_layer() -> None:
    assert sorted(m for m in GRAPH if m.split(".")[0] not in RANK) == []


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_from_a_later_stage(module: str) -> None:
    upward = sorted(t for t in GRAPH[module] if _layer(t) > _layer(module))
    assert upward == [], f"{module} ({LAYERS[_layer(module)][0]}) imports {upward}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_import_cycle() -> None:
    assert _cycles(ON_IMPORT) == []


def test_no_import_cycle_through_a_function() -> None:
    """Not even through an import inside a function: the reader of Word files takes the line
    model from importer.lines, so importer.source can choose it by file type without a circle."""
    assert _cycles(GRAPH) == []


def test_a_circle_is_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_walk_sees_imports() -> None:
    """The test above cannot pass by reading nothing."""
    assert {"load", "model.validate", "codes"} <= GRAPH["read"]
    assert "rules.registry" in GRAPH["pipeline"] and "rules.registry" in ON_IMPORT["pipeline"]
    assert "importer.word" in ON_IMPORT["importer.source"] and "importer.lines" in ON_IMPORT["importer.word"]
    assert "importer.source" not in GRAPH["importer.word"]
