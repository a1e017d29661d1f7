"""GraphML of the entity graph (networkx) for Gephi, Cytoscape and other network tools."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.files import write_atomic


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML; node and edge attributes are kept as GraphML data keys."""
    return ("\n".join(nx.generate_graphml(graph)) + "\n").encode("utf-8")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph`` to ``path`` atomically."""
    write_atomic(path, graphml_bytes(graph))
