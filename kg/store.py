"""Oxigraph behind one module: the embedded store, SPARQL, the server, Graph Store pushes.

    >>> graph = kg.load("out/")
    >>> graph.query("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }")

Queries see the RDF merge of all named graphs (each triple once, in the default graph;
``GRAPH ?g { … }`` still reaches each document's graph) and have kg's prefixes
predeclared. A fact stated in 300 articles sits in 300 document graphs: querying the raw
union of graphs would join every copy with every other, so the merge is built on load.
Values from users are bound with ``bindings`` (SPARQL substitution), never pasted
into query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib

from kg.rdf.iris import ENTITIES_GRAPH
from kg.rdf.vocab import KG, PREFIXES, SDO

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
ENTITY_CLASSES = {
    str(SDO.Person): "Person",
    str(SDO.Organization): "Organization",
    str(SDO.Place): "Place",
    str(KG.Operation): "Operation",
}


def graph_file(path: str | Path) -> Path:
    """The RDF file to load for ``path``: a build folder's ``graph.nq`` (named graphs kept),
    else its ``graph.ttl``, else the file itself. Raises ``FileNotFoundError`` naming it."""
    path = Path(path)
    if path.is_dir():
        for name in ("graph.nq", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        raise FileNotFoundError(f"{path}: no graph.nq or graph.ttl in this folder (run kg build)")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.suffix.lower() not in RDF_FORMATS:
        raise ValueError(f"{path}: unknown RDF format (use one of {', '.join(RDF_FORMATS)})")
    return path


def bind_value(value: str | ox.NamedNode | ox.Literal) -> ox.NamedNode | ox.Literal:
    """A Python value as a SPARQL term: strings are literals, never query text."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    return ox.Literal(str(value))


_WHERE_OPEN = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_ASK_OPEN = re.compile(r"\bASK\s*\{", re.IGNORECASE)


def bind_variables(sparql: str, bindings: dict[str, object]) -> str:
    """Bind variables by a ``VALUES`` block opening the query's WHERE group.

    Terms are written by pyoxigraph's N-Triples serialiser, so quotes, backslashes and
    newlines in a value are escaped and cannot change the query.

    >>> bind_variables("SELECT ?x WHERE { ?x rdfs:label ?n }", {"n": "Tom"})
    'SELECT ?x WHERE { VALUES (?n) { ("Tom") }\n ?x rdfs:label ?n }'
    """
    if not bindings:
        return sparql
    opening = _WHERE_OPEN.search(sparql) or _ASK_OPEN.search(sparql)
    if opening is None:
        raise ValueError("bindings need a query with a WHERE { … } group")
    return sparql[: opening.end()] + " " + values_clause(bindings) + "\n" + sparql[opening.end() :]


def values_clause(bindings: dict[str, object]) -> str:
    """A SPARQL ``VALUES`` block binding each variable to one value."""
    names = []
    for name in bindings:
        clean = name.lstrip("?$")
        if not clean.isidentifier():
            raise ValueError(f"not a SPARQL variable name: {name!r}")
        names.append(clean)
    terms = " ".join(str(bind_value(v)) for v in bindings.values())  # type: ignore[arg-type]
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"


def merge_into_default_graph(store: ox.Store) -> None:
    """Copy every triple of every named graph into the default graph, once.

    Oxigraph's ``use_default_graph_as_union`` yields a triple once per graph holding it,
    so a join over facts repeated in many documents multiplies (seconds to hours on a
    few hundred articles); the merged default graph holds each triple once.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


@dataclass
class KnowledgeGraph:
    """A built graph in an embedded Oxigraph store."""

    store: ox.Store
    merged: bool = False  # True when the default graph is a merge of the named graphs
    default_quads: tuple[ox.Quad, ...] = ()  # what the loaded file put in the default graph

    @classmethod
    def open(cls, path: str | Path) -> KnowledgeGraph:
        """Load a build folder or an RDF file into a new in-memory store."""
        source = graph_file(path)
        store = ox.Store()
        store.bulk_load(path=str(source), format=RDF_FORMATS[source.suffix.lower()])
        named = next(iter(store.named_graphs()), None) is not None
        if not named:
            return cls(store)
        default = tuple(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        merge_into_default_graph(store)
        return cls(store, merged=True, default_quads=default)

    @classmethod
    def from_triples(cls, triples: Iterable[ox.Triple]) -> KnowledgeGraph:
        """A store holding ``triples`` (a build's merged graph) in its default graph."""
        store = ox.Store()
        default = ox.DefaultGraph()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in triples)
        return cls(store)

    def quads(self) -> list[ox.Quad]:
        """The quads as loaded (the merged default graph left out), in a stable order."""
        if not self.merged:
            return sorted(self.store, key=str)
        default = ox.DefaultGraph()
        named = (q for q in self.store if q.graph_name != default)
        return sorted([*named, *self.default_quads], key=str)

    def __len__(self) -> int:
        return len(self.quads()) if self.merged else len(self.store)

    def query(self, sparql: str, bindings: dict[str, object] | None = None):  # noqa: ANN201
        """Run SPARQL over the merged graph; ``bindings`` fill variables safely.

        Returns solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
        """
        return self.store.query(bind_variables(sparql, bindings or {}), prefixes=PREFIXES)

    def to_rdflib(self) -> rdflib.Dataset:
        """The graph as an rdflib ``Dataset`` (named graphs kept)."""
        data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
        dataset = rdflib.Dataset()
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        return dataset

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes (``label``, ``type``, ``mentions``), facts as typed edges.

        Edges: ``member_of`` (person -> organization, with ``role``) and ``located_in``
        (operation -> place); a person's statements are counted on the node.
        """
        graph = nx.MultiDiGraph()
        for row in self.query(
            "SELECT ?e ?type ?label ?count WHERE { ?e a ?type ; rdfs:label ?label . "
            "OPTIONAL { ?e kg:mentionCount ?count } VALUES ?type { schema:Person "
            "schema:Organization schema:Place kg:Operation } } ORDER BY ?e ?type"
        ):
            count = int(row["count"].value) if row["count"] is not None else 0
            if row["e"].value in graph:
                continue  # a place acting as an organization keeps its first type
            graph.add_node(
                row["e"].value,
                label=row["label"].value,
                type=ENTITY_CLASSES[row["type"].value],
                mentions=count,
                statements=0,
            )
        for row in self.query(
            "SELECT DISTINCT ?m ?p ?o ?role WHERE { ?m a org:Membership ; org:member ?p ; "
            "org:role/rdfs:label ?role ; org:organization ?o } ORDER BY ?p ?o ?m ?role"
        ):
            graph.add_edge(
                row["p"].value,
                row["o"].value,
                key=row["m"].value,
                kind="member_of",
                role=row["role"].value,
            )
        for row in self.query(
            "SELECT DISTINCT ?e ?l WHERE { ?e a kg:Operation ; schema:location ?l } ORDER BY ?e ?l"
        ):
            graph.add_edge(row["e"].value, row["l"].value, key="located_in", kind="located_in")
        return self._count_statements(graph)

    def _count_statements(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        for row in self.query(
            "SELECT ?s (COUNT(?q) AS ?n) WHERE { ?q a schema:Quotation ; schema:creator ?s } "
            "GROUP BY ?s"
        ):
            if row["s"].value in graph:
                graph.nodes[row["s"].value]["statements"] = int(row["n"].value)
        return graph


def load(path: str | Path) -> KnowledgeGraph:
    """Open a build folder (``out/``) or an RDF file as a :class:`KnowledgeGraph`."""
    return KnowledgeGraph.open(path)


def format_results(result, fmt: str = "table") -> str:  # noqa: ANN001
    """Render a query result: SELECT as ``table``/``csv``/``tsv``/``json``, ASK as yes/no,
    CONSTRUCT/DESCRIBE as Turtle."""
    if isinstance(result, ox.QueryBoolean):
        return "yes" if bool(result) else "no"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
    variables = [v.value for v in result.variables]
    rows = [[_plain(solution[name]) for name in variables] for solution in result]
    if fmt == "json":
        return json.dumps(
            [dict(zip(variables, row, strict=True)) for row in rows], ensure_ascii=False, indent=2
        )
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(variables)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return _table(variables, rows)


def _plain(term) -> str:  # noqa: ANN001
    if term is None:
        return ""
    value = term.value
    for prefix, iri in PREFIXES.items():
        if isinstance(term, ox.NamedNode) and value.startswith(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return value


def _table(variables: list[str], rows: list[list[str]], width: int = 60) -> str:
    def cell(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    shown = [[cell(v) for v in row] for row in rows]
    sizes = [max([len(v), *(len(r[i]) for r in shown)]) for i, v in enumerate(variables)]
    lines = [" | ".join(v.ljust(s) for v, s in zip(variables, sizes, strict=True))]
    lines.append("-+-".join("-" * s for s in sizes))
    lines += [" | ".join(v.ljust(s) for v, s in zip(r, sizes, strict=True)) for r in shown]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


# --- Graph Store Protocol -----------------------------------------------------------------


def graphs_of(path: str | Path) -> dict[str, bytes]:
    """Each named graph of a build as N-Triples bytes, keyed by graph IRI."""
    source = graph_file(path)
    buckets: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(source), format=RDF_FORMATS[source.suffix.lower()]):
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else str(ENTITIES_GRAPH)
        buckets[key].append(quad.triple)
    return {
        name: ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        for name, triples in sorted(buckets.items())
    }


def push_to_store(path: str | Path, store_url: str, timeout: float = 60.0) -> int:
    """Replace each document's named graph (and the entity graph) in a SPARQL 1.1 store
    through its Graph Store HTTP Protocol endpoint (HTTP PUT per graph: loading twice
    leaves one copy). Returns the number of graphs written."""
    graphs = graphs_of(path)
    for name, body in graphs.items():
        url = f"{store_url}?{urllib.parse.urlencode({'graph': name})}"
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:300]
            message = f"{store_url}: PUT of graph {name} failed: {error.code} {detail}"
            raise RuntimeError(message) from None
    return len(graphs)


# --- Oxigraph server ---------------------------------------------------------------------


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    """The ``oxigraph`` server command installed beside this Python (PyPI package ``oxigraph``)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve`` on 127.0.0.1; stop it with :meth:`stop`."""

    process: subprocess.Popen
    port: int
    location: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.location, ignore_errors=True)


def start_server(graph: str | Path | None = None, port: int | None = None) -> OxigraphServer:
    """Start an Oxigraph SPARQL server on loopback, with ``graph`` (a build or RDF file) loaded.

    The store lives in a temporary folder removed by :meth:`OxigraphServer.stop`.
    """
    binary = oxigraph_binary()
    location = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
    # a loaded build gets its merged default graph (see merge_into_default_graph); an empty
    # store, there to receive `kg load` pushes, answers over the union of its graphs
    union = ["--union-default-graph"]
    if graph is not None:
        merged = location / "merged.nq"
        KnowledgeGraph.open(graph).store.dump(str(merged), format=ox.RdfFormat.N_QUADS)
        subprocess.run(
            [binary, "load", "--location", str(location / "db"), "--file", str(merged)],
            check=True,
            capture_output=True,
        )
        merged.unlink()
        union = []
    port = port or free_port()
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(location / "db"),
            "--bind",
            f"127.0.0.1:{port}",
            *union,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = OxigraphServer(process, port, location)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            shutil.rmtree(location, ignore_errors=True)
            raise RuntimeError(f"oxigraph serve exited: {error.strip()[:300]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"oxigraph serve did not answer on port {port} within 30 s")
