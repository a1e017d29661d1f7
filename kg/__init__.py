"""kg: knowledge graphs from English news.

>>> import kg
>>> summary = kg.build(["seeds/"], "out/")
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

try:
    __version__ = metadata.version("kg")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"


def build(inputs: list[str], out_dir: str | Path = "out", **options):  # noqa: ANN201
    """Build the graph of ``inputs`` into ``out_dir``; see :func:`kg.pipeline.build`."""
    from kg.pipeline import build as run_build

    return run_build(list(inputs), Path(out_dir), **options)


def load(path: str | Path):  # noqa: ANN201
    """Open a build folder or RDF file: a graph with ``.query()``, ``.to_networkx()``,
    ``.to_rdflib()``; see :class:`kg.store.KnowledgeGraph`."""
    from kg.store import load as open_graph

    return open_graph(path)


__all__ = ["__version__", "build", "load"]
