"""The package's shape: stages in the order data flows, no import cycle, small modules.

Every import counts, those inside functions too (a lazy import is still a dependency).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "timeline"
# the order data flows; a module may import its own package, the ground, and packages before it
GROUND = ("values", "model", "atomic", "rules")  # in this order too: each imports only those before it
STAGES = ("sources", "time", "syntax", "events", "story", "render", "formats")
TOP = ("scale", "pipeline", "api", "cli", "__main__", "__init__")  # above the stages, in this order
MAX_LINES = 500
MAX_TOP_MODULES = 8


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that `name` imports, anywhere in its code."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _place(name: str) -> tuple[str, int]:
    """(where the module lives, its rank in the flow): the ground first (in its order), then the
    stages, the top last."""
    parts = name.split(".")
    head = parts[1] if len(parts) > 1 else "__init__"
    if head in GROUND:
        return head, GROUND.index(head)
    if head in STAGES:
        return head, len(GROUND) + STAGES.index(head)
    assert head in TOP, f"{name}: a module outside the stages, the ground and the top ({', '.join(TOP)})"
    return head, len(GROUND) + len(STAGES) + TOP.index(head)


def test_the_import_graph_was_read():
    # the walk must see the real imports (a broken walk would pass every test below)
    assert "timeline.model" in GRAPH["timeline.pipeline"]
    assert "timeline.time.grammar" in GRAPH["timeline.time.tagger"]


def test_no_import_cycle():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_what_comes_before_it(name):
    where, rank = _place(name)
    wrong = []
    for target in sorted(GRAPH[name]):
        t_where, t_rank = _place(target)
        if t_where == where:
            continue
        if t_rank >= rank:
            wrong.append(target)
    assert not wrong, f"{name} ({where}) imports {wrong}: the ground imports nothing above it, a stage only earlier ones"


def test_nothing_imports_the_cli():
    assert [m for m, deps in GRAPH.items() if "timeline.cli" in deps] == ["timeline.__main__"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name}: {lines} lines (split it by what it does)"


def test_few_modules_at_the_top():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
