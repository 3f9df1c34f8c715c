"""The package's modules import each other in one direction: no cycle, late imports included.

A cycle that a late import (inside a function) hides still ties two modules together: neither
can be read, tested or moved without the other.
"""

import ast

import networkx as nx

from helpers import config


def module_name(path) -> str:
    parts = path.relative_to(config.PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path, modules: set[str]) -> set[str]:
    """The package modules a module imports anywhere in it (top level or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # "from helpers.report import plots" imports the module helpers.report.plots
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found


def import_graph() -> nx.DiGraph:
    paths = {module_name(path): path for path in config.PACKAGE_DIR.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in paths.items():
        graph.add_node(name)
        # A package's __init__ runs on the way to its modules; an edge to it is no dependency.
        graph.add_edges_from(
            (name, target)
            for target in imports_of(path, set(paths))
            if target != name and not paths[target].name == "__init__.py"
        )
    return graph


def test_the_graph_sees_late_imports():
    graph = import_graph()
    assert graph.has_edge("helpers.report.display", "helpers.report.plots")  # inside display.setup
    assert graph.has_edge("helpers.report.plots", "helpers.report.labels")


def test_no_import_cycle_anywhere_in_the_package():
    assert list(nx.simple_cycles(import_graph())) == []


def test_no_module_is_longer_than_400_lines():
    long = {
        module_name(path): n
        for path in config.PACKAGE_DIR.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
