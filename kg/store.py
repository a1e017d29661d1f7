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
# the parts of SPARQL text where "?", "#" and ":" are not syntax: strings, IRIs, comments
_OPAQUE = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*",
    re.DOTALL,
)
_VARIABLE = re.compile(r"[?$](\w+)")
_PREFIX_DECLARATION = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PREFIXED_NAME = re.compile(r"(?<![\w?$.:-])([A-Za-z][\w.-]*)?:")


def _code_only(sparql: str) -> str:
    """``sparql`` with its strings, IRIs and comments blanked out (positions kept)."""
    return _OPAQUE.sub(lambda match: " " * len(match.group()), sparql)


def query_variables(sparql: str) -> list[str]:
    """The variable names a query uses (without ``?``), in order of first use.

    >>> query_variables('SELECT ?x WHERE { ?x rdfs:label "?not" ; ?p $y }')
    ['x', 'p', 'y']
    """
    return list(dict.fromkeys(_VARIABLE.findall(_code_only(sparql))))


def undeclared_prefixes(sparql: str) -> list[str]:
    """Prefixes a query uses that neither kg nor the query's own ``PREFIX`` lines declare.

    >>> undeclared_prefixes("SELECT ?x WHERE { ?x foo:bar schema:Person }")
    ['foo']
    """
    code = _code_only(sparql)
    declared = set(PREFIXES) | set(_PREFIX_DECLARATION.findall(code))
    used = _PREFIXED_NAME.findall(_PREFIX_DECLARATION.sub(" ", code))
    return [prefix for prefix in dict.fromkeys(used) if prefix not in declared]


def bind_variables(sparql: str, bindings: dict[str, object]) -> str:
    r"""Bind variables by a ``VALUES`` block opening the query's WHERE group.

    Terms are written by pyoxigraph's N-Triples serialiser, so quotes, backslashes and
    newlines in a value are escaped and cannot change the query. A name the query does
    not use raises ``ValueError`` listing the query's variables.

    >>> bind_variables("SELECT ?x WHERE { ?x rdfs:label ?n }", {"n": "Tom"})
    'SELECT ?x WHERE { VALUES (?n) { ("Tom") }\n ?x rdfs:label ?n }'
    """
    if not bindings:
        return sparql
    known = query_variables(sparql)
    for name in bindings:
        clean = name.lstrip("?$")
        if clean.isidentifier() and clean not in known:
            listed = ", ".join("?" + v for v in known) or "none"
            raise ValueError(f"the query has no variable ?{clean} (its variables: {listed})")
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
        text = bind_variables(sparql, bindings or {})
        try:
            return self.store.query(text, prefixes=PREFIXES)
        except SyntaxError as error:
            raise SyntaxError(explain_syntax_error(sparql, error)) from None

    def to_rdflib(self) -> rdflib.Dataset:
        """The graph as an rdflib ``Dataset``: the named graphs kept, and its default graph
        the union of them all (``default_union``), so plain SPARQL sees every fact once."""
        data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
        dataset = rdflib.Dataset(default_union=True)
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


def explain_syntax_error(sparql: str, error: SyntaxError) -> str:
    """A parser's message made readable: an unknown prefix is named, not listed as the
    Unicode ranges the parser expected instead."""
    message = str(error)
    if "Prefix not found" in message:
        unknown = undeclared_prefixes(sparql)
        if unknown:
            names = ", ".join(f"'{prefix}:'" for prefix in unknown)
            return f"unknown prefix {names} (declare it with PREFIX, or use one of kg's: " + (
                ", ".join(sorted(PREFIXES)) + ")"
            )
        return "unknown prefix (declare it with PREFIX)"
    first_line = message.splitlines()[0] if message else "invalid SPARQL"
    return first_line if len(first_line) <= 200 else first_line[:199] + "…"


RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def format_results(result, fmt: str = "table") -> str:  # noqa: ANN001
    """Render a query result: SELECT as ``table`` or in the W3C SPARQL 1.1 results formats
    ``json``, ``csv`` and ``tsv`` (full IRIs; an unbound value is left out of a JSON
    binding and empty in CSV/TSV; TSV escapes tabs and newlines); ASK as yes/no (JSON:
    ``{"head": {}, "boolean": …}``); CONSTRUCT/DESCRIBE as Turtle."""
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
    if fmt in RESULT_FORMATS and (fmt == "json" or isinstance(result, ox.QuerySolutions)):
        data = result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
        if fmt == "json":
            return json.dumps(json.loads(data), ensure_ascii=False, indent=2) + "\n"
        return data
    if isinstance(result, ox.QueryBoolean):
        return "yes" if bool(result) else "no"
    variables = [v.value for v in result.variables]
    rows = [[_plain(solution[name]) for name in variables] for solution in result]
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


class PortInUseError(RuntimeError):
    """The port asked for is taken by another process."""


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Whether a server could listen on ``127.0.0.1:port`` now (as oxigraph binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _port_in_use(port: int) -> PortInUseError:
    return PortInUseError(
        f"port {port} on 127.0.0.1 is already in use (stop what listens there, "
        "choose another --port, or leave --port out for a free one)"
    )


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
        """Terminate the server (killed after 10 s) and remove its temporary store."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.location, ignore_errors=True)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Have Linux terminate the server if kg itself dies without cleaning up (SIGKILL)."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def launch_server(
    location: Path, port: int, union: bool = False, timeout: float = 30.0
) -> OxigraphServer:
    """Run ``oxigraph serve`` on the store in ``location/db`` and wait until it listens.

    Returns an :class:`OxigraphServer`. Raises :class:`PortInUseError` when the port is
    taken, ``RuntimeError`` when the server exits or stays silent; the server is stopped
    (and ``location`` removed) on any failure.
    """
    log_path = location / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                oxigraph_binary(),
                "serve",
                "--location",
                str(location / "db"),
                "--bind",
                f"127.0.0.1:{port}",
                *(["--union-default-graph"] if union else []),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches kg, which stops the server itself
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    server = OxigraphServer(process, port, location)
    try:
        _wait_until_listening(server, log_path, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_listening(server: OxigraphServer, log_path: Path, timeout: float) -> None:
    """Return once the server itself says it listens and answers a connection; raise if it
    exits first (a port taken by another program answers too, so its answer is not enough)."""
    deadline = time.monotonic() + timeout
    answered_since: float | None = None
    while time.monotonic() < deadline:
        log = log_path.read_text(encoding="utf-8", errors="replace")
        status = server.process.poll()
        if status is not None:
            if "Address already in use" in log or "os error 98" in log:
                raise _port_in_use(server.port)
            detail = log.strip().splitlines()[0][:300] if log.strip() else "no message"
            raise RuntimeError(f"oxigraph serve exited with status {status}: {detail}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=0.5):
                pass
        except OSError:
            time.sleep(0.1)
            continue
        now = time.monotonic()
        answered_since = answered_since or now
        # an oxigraph that does not print its "Listening" line is trusted once it has
        # stayed up for a second while the port answers
        if "Listening for requests" in log or now - answered_since >= 1.0:
            return
        time.sleep(0.1)
    raise RuntimeError(f"oxigraph serve did not answer on port {server.port} within {timeout:g} s")


def start_server(graph: str | Path | None = None, port: int | None = None) -> OxigraphServer:
    """Start an Oxigraph SPARQL server on loopback, with ``graph`` (a build or RDF file) loaded.

    The store lives in a temporary folder removed by :meth:`OxigraphServer.stop` (and on
    any failure to start). A ``port`` already in use raises :class:`PortInUseError`.
    """
    if port is not None:
        if not 0 < port < 65536:
            raise ValueError(f"port {port}: not a TCP port (1 to 65535)")
        if not port_is_free(port):
            raise _port_in_use(port)
    binary = oxigraph_binary()
    location = Path(tempfile.mkdtemp(prefix="kg-oxigraph-"))
    try:
        # a loaded build gets its merged default graph (see merge_into_default_graph); an
        # empty store, there to receive `kg load` pushes, answers over the union of its graphs
        if graph is not None:
            merged = location / "merged.nq"
            KnowledgeGraph.open(graph).store.dump(str(merged), format=ox.RdfFormat.N_QUADS)
            loaded = subprocess.run(
                [binary, "load", "--location", str(location / "db"), "--file", str(merged)],
                capture_output=True,
                stdin=subprocess.DEVNULL,
            )
            if loaded.returncode != 0:
                detail = loaded.stderr.decode("utf-8", "replace").strip()[:300]
                raise RuntimeError(f"oxigraph load failed: {detail}")
            merged.unlink()
        return launch_server(location, port or free_port(), union=graph is None)
    except BaseException:
        shutil.rmtree(location, ignore_errors=True)
        raise
