"""The import graph of newsroom/ and plugins/: no cycle between modules or between packages, and layers only import down.

Every import counts, including any inside a function (read with ast, not by importing).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = ("newsroom", "plugins")
# Lowest first: a unit may import only units on its own layer or below (a top-level module of newsroom/ is a unit of its own).
LAYERS = [
    {"newsroom", "newsroom.problems", "newsroom.errors", "newsroom.codeversion", "newsroom.atomic", "newsroom.cache_users",
     "newsroom.integrity", "newsroom.pelicanlog"},
    {"newsroom.core"},
    {"newsroom.settings", "newsroom.content", "newsroom.addresses"},
    {"newsroom.site"},
    {"newsroom.analysis"},
    {"newsroom.checks"},
    {"newsroom.buildstate", "newsroom.site_output", "newsroom.publish"},
    {"plugins.newsroom_pages"},
    {"newsroom.pelicanrun", "newsroom.sitebuild"},
    {"newsroom.commands"},
    {"newsroom.cli"},
]


def modules() -> dict[str, Path]:
    found = {}
    for top in TOP:
        for path in (ROOT / top).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of newsroom/ and plugins/ that `name` imports, wherever in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    named = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            named.add(module)
            named |= {f"{module}.{alias.name}" for alias in node.names}
    found = set()
    for target in named:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def unit(module: str) -> str:
    """The package a module belongs to; a top-level module of newsroom/ stands for itself."""
    parts = module.split(".")
    return ".".join(parts[:2])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
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
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def package_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    packages: dict[str, set[str]] = {}
    for module, targets in edges.items():
        packages.setdefault(unit(module), set()).update(unit(t) for t in targets if unit(t) != unit(module))
    return packages


def test_the_graph_sees_imports_inside_functions(tmp_path):
    edges = graph()
    assert "newsroom.core.text" in edges["newsroom.core.registry"]
    assert edges["newsroom.core.text"].isdisjoint({"newsroom.core.registry"})
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    hidden = tmp_path / "hidden.py"
    hidden.write_text("def f():\n    from newsroom.checks import site\n", encoding="utf-8")
    assert "newsroom.checks.site" in imports("newsroom.hidden", hidden, modules())


def test_no_cycle_between_modules():
    assert cycles(graph()) == []


def test_no_cycle_between_packages():
    assert cycles(package_graph(graph())) == []


def test_layers_import_only_downwards():
    rank = {name: level for level, names in enumerate(LAYERS) for name in names}
    packages = package_graph(graph())
    assert set(packages) <= set(rank), f"units without a layer: {sorted(set(packages) - set(rank))}"
    upward = sorted(f"{source} -> {target}" for source, targets in packages.items() for target in targets
                    if rank[target] > rank[source])
    assert upward == []


def test_imports_of_our_modules_are_at_the_top():
    known = modules()
    inside = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top:
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if getattr(node, "level", 0) or any(n.split(".")[0] in TOP for n in names):
                    inside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert inside == []


def test_every_module_imports():
    """A name imported from a module that no longer declares it fails here, not in the one command that uses it."""
    for name in sorted(modules()):
        importlib.import_module(name)
