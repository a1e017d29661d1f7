"""The graph explorer page ``graph.html``: pyvis network data, vis-network, our template.

The page opens from disk with no network: the vis-network library that ships in the
pyvis wheel is inlined, and so is every style. Node and edge data are built with
pyvis's ``Network`` and embedded as JSON; every string from an article reaches the
page through ``textContent`` (never ``innerHTML``), and the JSON is escaped so that
no ``</script>`` or HTML in a name or quote can end the script or run anything.

    write_html(corpus, Path("out/graph.html"))
    write_html(corpus, Path("focus.html"), focus="Tom Homan", hops=2)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export.files import write_atomic
from kg.extract.records import DocumentFacts, Entity, Evidence, ResolvedCorpus

TEMPLATE = "graph.html"
VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")
VIS_CSS = ("lib", "vis-9.1.2", "vis-network.css")
PHYSICS_LIMIT = 300
NODE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "shape": "square"},
    "Place": {"color": "#59a14f", "shape": "triangle"},
    "Operation": {"color": "#e15759", "shape": "diamond"},
}
EDGE_COLORS = {"role": "#7f7f7f", "operation": "#e15759"}


@dataclass
class _Edge:
    source: str
    target: str
    kind: str
    label: str
    evidence: list[dict] = field(default_factory=list)


def _sentence(facts: DocumentFacts, evidence: Evidence) -> str:
    return " ".join(facts.text[evidence.sentence_start : evidence.sentence_end].split())


def _source(facts: DocumentFacts, evidence: Evidence) -> dict:
    info = facts.document
    return {
        "doc": info.name,
        "title": info.title or info.name,
        "date": info.date or "",
        "sentence": _sentence(facts, evidence),
    }


def _collect(corpus: ResolvedCorpus) -> tuple[dict[str, dict], dict[tuple, _Edge]]:
    """Per-entity evidence (roles, statements, documents) and the fact edges."""
    details: dict[str, dict] = {
        key: {"roles": [], "statements": [], "documents": list(entity.documents)}
        for key, entity in corpus.entities.items()
    }
    edges: dict[tuple, _Edge] = {}
    for facts in corpus.documents:
        name = facts.document.name
        for m in facts.memberships:
            person = corpus.entity_for(name, m.person)
            if person is None:
                continue
            org = corpus.entity_for(name, m.organization)
            label = f"{m.qualifier} {m.role}" if m.qualifier else m.role
            details[person.key]["roles"].append(
                {
                    "role": label,
                    "organization": org.name if org else "",
                    **_source(facts, m.evidence),
                }
            )
            if org is not None:
                edge = edges.setdefault(
                    (person.key, org.key, "role", label),
                    _Edge(person.key, org.key, "role", label),
                )
                edge.evidence.append(_source(facts, m.evidence))
        for op in facts.operations:
            event = corpus.entity_for(name, op.operation)
            place = corpus.entity_for(name, op.location)
            if event is None or place is None:
                continue
            edge = edges.setdefault(
                (event.key, place.key, "operation", "takes place in"),
                _Edge(event.key, place.key, "operation", "takes place in"),
            )
            edge.evidence.append(_source(facts, op.evidence))
        for s in facts.statements:
            speaker = corpus.entity_for(name, s.speaker)
            if speaker is None:
                continue
            details[speaker.key]["statements"].append(
                {"text": s.text, "kind": s.kind, "cue": s.cue or "", **_source(facts, s.evidence)}
            )
    return details, edges


def _keep(
    corpus: ResolvedCorpus,
    edges: dict[tuple, _Edge],
    focus: str | None,
    hops: int,
    max_nodes: int | None,
) -> set[str]:
    """The entity keys shown: all, a neighbourhood of ``focus``, or the most mentioned."""
    keys = set(corpus.entities)
    if focus:
        wanted = focus.casefold()
        start = [
            e.key
            for e in corpus.entities.values()
            if wanted in {n.casefold() for n in (e.name, *e.aliases)}
        ]
        if not start:
            raise ValueError(f"no entity named {focus!r} in the graph")
        graph = nx.Graph()
        graph.add_nodes_from(keys)
        graph.add_edges_from((e.source, e.target) for e in edges.values())
        keys = set()
        for key in start:
            keys |= set(nx.single_source_shortest_path_length(graph, key, cutoff=hops))
    if max_nodes is not None and len(keys) > max_nodes:
        ranked = sorted(keys, key=lambda k: (-corpus.entities[k].mention_count, k))
        keys = set(ranked[:max_nodes])
    return keys


def _tooltip(entity: Entity, detail: dict) -> str:
    lines = [f"{entity.name} ({entity.type})", f"{entity.mention_count} mentions"]
    if entity.aliases:
        lines.append("also: " + ", ".join(entity.aliases[:5]))
    if detail["statements"]:
        lines.append(f"{len(detail['statements'])} statements")
    return "\n".join(lines)


def build_network(
    corpus: ResolvedCorpus,
    *,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> tuple[Network, dict]:
    """The pyvis network of the corpus and the evidence the page's side panel shows."""
    details, edges = _collect(corpus)
    keys = _keep(corpus, edges, focus, hops, max_nodes)
    network = Network(directed=True)
    for key in sorted(keys):
        entity = corpus.entities[key]
        style = NODE_STYLES[entity.type]
        network.add_node(
            key,
            label=entity.name,
            title=_tooltip(entity, details[key]),
            color=style["color"],
            shape=style["shape"],
            size=10 + min(entity.mention_count, 60) ** 0.5 * 4,
        )
    edge_data = []
    for index, (_, edge) in enumerate(sorted(edges.items(), key=lambda item: item[0])):
        if edge.source not in keys or edge.target not in keys:
            continue
        documents = sorted({e["doc"] for e in edge.evidence})
        edge_id = f"e{index}"
        network.add_edge(
            edge.source,
            edge.target,
            id=edge_id,
            label=edge.label,
            title=f"{edge.label} ({len(documents)} documents)",
            color=EDGE_COLORS[edge.kind],
            kind=edge.kind,
            documents=documents,
        )
        edge_data.append(
            {
                "id": edge_id,
                "kind": edge.kind,
                "label": edge.label,
                "documents": documents,
                "evidence": edge.evidence,
            }
        )
    entities = {
        key: {
            "name": corpus.entities[key].name,
            "type": corpus.entities[key].type,
            "aliases": list(corpus.entities[key].aliases),
            "mentions": corpus.entities[key].mention_count,
            **details[key],
        }
        for key in sorted(keys)
    }
    documents = [
        {
            "name": f.document.name,
            "title": f.document.title or f.document.name,
            "date": f.document.date or "",
        }
        for f in corpus.documents
    ]
    return network, {"entities": entities, "edges": edge_data, "documents": documents}


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath(*parts).read_text(encoding="utf-8")


def _template() -> str:
    return resources.files("kg.export").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")


def render_html(
    corpus: ResolvedCorpus,
    *,
    title: str = "kg graph",
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> str:
    """The whole page as a string (deterministic: the same corpus gives the same bytes)."""
    network, evidence = build_network(corpus, focus=focus, hops=hops, max_nodes=max_nodes)
    nodes, edges, *_ = network.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "physics": len(nodes) <= PHYSICS_LIMIT,
        "styles": NODE_STYLES,
        **evidence,
    }
    library, styles = _asset(*VIS_JS), _asset(*VIS_CSS)
    if "</script" in library.lower() or "</style" in styles.lower():
        raise ValueError("the bundled vis-network cannot be inlined safely")
    page = _template()
    for placeholder, value in (
        ("/*VIS_CSS*/", styles),
        ("/*VIS_JS*/", library),
        ("/*KG_DATA*/", script_json(data)),
        ("<!--TITLE-->", _escape_text(title)),
    ):
        page = page.replace(placeholder, value)
    return page


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_html(corpus: ResolvedCorpus, path: Path, **options: object) -> None:
    """Write the page to ``path`` atomically; ``options`` as for :func:`render_html`."""
    write_atomic(Path(path), render_html(corpus, **options))  # type: ignore[arg-type]


__all__ = ["build_network", "render_html", "script_json", "write_html"]
