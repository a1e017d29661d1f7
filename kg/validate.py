"""``kg validate``: check a build against ``ontology/shapes.ttl`` with pyshacl."""

from __future__ import annotations

from pathlib import Path

import rdflib

from kg.store import graph_file

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def validate(path: str | Path, shapes: Path | None = None) -> tuple[bool, str]:
    """Validate a build folder or RDF file; return (conforms, a readable report)."""
    from pyshacl import validate as shacl_validate

    source = graph_file(path)
    data = rdflib.Graph()
    if source.suffix == ".nq":
        dataset = rdflib.Dataset()
        dataset.parse(source, format="nquads")
        for s, p, o, _ in dataset.quads():
            data.add((s, p, o))
    else:
        data.parse(source)
    shapes_graph = rdflib.Graph().parse(shapes or ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, _, text = shacl_validate(
        data, shacl_graph=shapes_graph, ont_graph=ontology, inference="rdfs"
    )
    return bool(conforms), text
