"""The graph explorer page ``graph.html``: pyvis network data, vis-network, our template.

The page opens from disk with no network: the vis-network library that ships in the
pyvis wheel is inlined, and so are our script and styles (``templates/graph.*``).
Edges are facts: a role (person -> organization), an operation's place, and a
statement (speaker -> each entity the quoted or reported text names); each carries
its confidence, which a control on the page filters by. Node and edge data are built
with pyvis's ``Network`` and embedded as JSON. Every
string from an article reaches the page through ``textContent`` (never ``innerHTML``),
the JSON is escaped so that no ``</script>`` or markup in a name or quote can end the
script, and a Content-Security-Policy lets only the page's own two scripts run.

    write_html(corpus, Path("out/graph.html"))
    write_html(corpus, Path("focus.html"), focus="Tom Homan", hops=2)
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export.files import write_atomic
from kg.extract.records import (
    DocumentFacts,
    Entity,
    Evidence,
    Mention,
    ResolvedCorpus,
    Statement,
)

VIS_DIR = ("lib", "vis-9.1.2")
PHYSICS_LIMIT = 300  # larger graphs get positions computed here and no physics in the page
LAYOUT_SEED = 7
NODE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "shape": "square"},
    "Place": {"color": "#59a14f", "shape": "triangle"},
    "Operation": {"color": "#e15759", "shape": "diamond"},
}
FALLBACK_STYLE = {"color": "#9c9c9c", "shape": "ellipse"}
# (kind, label in the filters, edge colour or None when the kind has no edges)
FACT_KINDS: tuple[tuple[str, str, str | None], ...] = (
    ("role", "roles", "#7f7f7f"),
    ("operation", "operation places", "#e15759"),
    ("statement", "statements", "#b07aa1"),
    ("none", "entities without facts", None),
)
OPERATION_LABEL = "takes place in"
STATEMENT_LABEL = "speaks of"
EDGE_QUOTE_CHARS = 32  # a statement edge's label: the start of its one quote
TOOLTIP_QUOTE_CHARS = 120
TOOLTIP_QUOTES = 3  # an edge of several statements lists this many in its tooltip
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Fact:
    """One edge of the page: every sentence that ties ``source`` to ``target`` by ``kind``."""

    source: str
    target: str
    kind: str
    evidence: list[dict] = field(default_factory=list)

    def labels(self) -> list[str]:
        if self.kind == "statement":
            return [STATEMENT_LABEL]
        return sorted({item["label"] for item in self.evidence})

    def documents(self) -> list[str]:
        return sorted({item["doc"] for item in self.evidence})

    def confidence(self) -> float:
        """The highest confidence among the sentences behind the edge."""
        return max(item["confidence"] for item in self.evidence)

    def count(self) -> int:
        """Statements behind a statement edge; documents behind any other edge."""
        return len(self.evidence) if self.kind == "statement" else len(self.documents())


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "\u2026"


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


def _named_in(facts: DocumentFacts, statement: Statement) -> list[Mention]:
    """The mentions inside the statement's text span, in order."""
    return sorted(
        (m for m in facts.mentions if statement.start <= m.start and m.end <= statement.end),
        key=lambda m: (m.start, m.end, m.text),
    )


def _collect(corpus: ResolvedCorpus) -> tuple[dict[str, dict], dict[tuple[str, str, str], _Fact]]:
    """Per-entity evidence (roles, statements, fact kinds) and the fact edges.

    A statement gives an edge from its speaker to every other entity its text names;
    the edge's evidence points at the statement in the speaker's list (no copy).
    """
    details: dict[str, dict] = {
        key: {"roles": [], "statements": [], "kinds": set()} for key in corpus.entities
    }
    facts_by_edge: dict[tuple[str, str, str], _Fact] = {}

    def add_fact(source: str, target: str, kind: str, item: dict) -> None:
        fact = facts_by_edge.setdefault((source, target, kind), _Fact(source, target, kind))
        fact.evidence.append(item)
        details[source]["kinds"].add(kind)
        details[target]["kinds"].add(kind)

    for facts in corpus.documents:
        name = facts.document.name
        for membership in facts.memberships:
            person = corpus.entity_for(name, membership.person)
            if person is None:
                continue
            org = corpus.entity_for(name, membership.organization)
            role = membership.role
            label = f"{membership.qualifier} {role}" if membership.qualifier else role
            source = _source(facts, membership.evidence)
            details[person.key]["roles"].append(
                {"role": label, "organization": org.name if org else "", **source}
            )
            details[person.key]["kinds"].add("role")
            if org is not None and org.key != person.key:
                confidence = membership.evidence.confidence
                add_fact(
                    person.key,
                    org.key,
                    "role",
                    {"label": label, "confidence": confidence, **source},
                )
        for link in facts.operations:
            operation = corpus.entity_for(name, link.operation)
            place = corpus.entity_for(name, link.location)
            if operation is None or place is None or operation.key == place.key:
                continue
            item = {
                "label": OPERATION_LABEL,
                "confidence": link.evidence.confidence,
                **_source(facts, link.evidence),
            }
            add_fact(operation.key, place.key, "operation", item)
        for statement in facts.statements:
            speaker = corpus.entity_for(name, statement.speaker)
            if speaker is None:
                continue
            said = details[speaker.key]["statements"]
            said.append(
                {
                    "text": statement.text,
                    "kind": statement.kind,
                    "cue": statement.cue or "",
                    "confidence": statement.evidence.confidence,
                    **_source(facts, statement.evidence),
                }
            )
            details[speaker.key]["kinds"].add("statement")
            named: set[str] = set()
            for mention in _named_in(facts, statement):
                entity = corpus.entity_for(name, mention)
                if entity is None or entity.key in named or entity.key == speaker.key:
                    continue
                named.add(entity.key)
                item = {
                    "statement": len(said) - 1,
                    "confidence": statement.evidence.confidence,
                    "doc": name,
                }
                add_fact(speaker.key, entity.key, "statement", item)
    return details, facts_by_edge


def _names(entity: Entity) -> set[str]:
    return {name.casefold() for name in (entity.name, *entity.aliases)}


def _keep(
    corpus: ResolvedCorpus,
    facts: dict[tuple[str, str, str], _Fact],
    focus: str | None,
    hops: int,
    max_nodes: int | None,
) -> tuple[set[str], list[str]]:
    """The entity keys shown (all, a neighbourhood of ``focus``, or the most mentioned)
    and the keys ``focus`` names."""
    if hops < 0:
        raise ValueError(f"hops must be 0 or more, not {hops}")
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be 0 or more, not {max_nodes}")
    keys = set(corpus.entities)
    centres: list[str] = []
    if focus:
        wanted = focus.strip().casefold()
        centres = sorted(e.key for e in corpus.entities.values() if wanted in _names(e))
        if not centres:
            raise ValueError(f"no entity named {focus!r} in the graph")
        graph = nx.Graph()
        graph.add_nodes_from(keys)
        graph.add_edges_from((fact.source, fact.target) for fact in facts.values())
        keys = set()
        for key in centres:
            keys |= set(nx.single_source_shortest_path_length(graph, key, cutoff=hops))
    if max_nodes is not None and len(keys) > max_nodes:
        ranked = sorted(
            keys,
            key=lambda k: (k not in centres, -corpus.entities[k].mention_count, k),
        )
        keys = set(ranked[:max_nodes])
    return keys, centres


def _ordered_subgraph(members: list[str], edges: list[tuple[str, str]]) -> nx.Graph:
    """The component as a graph of its own, nodes and edges in a fixed order.

    (``Graph.subgraph`` iterates a set, whose order changes with PYTHONHASHSEED.)
    """
    sub = nx.Graph()
    sub.add_nodes_from(members)
    sub.add_edges_from(edges)
    return sub


def _positions(keys: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """A fixed layout for graphs too big for physics in the page.

    Each connected component is laid out on its own (spring layout when small,
    rings around its best-connected node when large) and the components are packed
    in rows, largest first; deterministic for the same keys and edges.
    """
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    graph.add_edges_from(edges)
    components = sorted(
        (sorted(component) for component in nx.connected_components(graph)),
        key=lambda members: (-len(members), members[0]),
    )
    component_of = {key: index for index, members in enumerate(components) for key in members}
    edges_of: list[list[tuple[str, str]]] = [[] for _ in components]
    for a, b in edges:
        edges_of[component_of[a]].append((a, b))
    spacing = 90.0
    blocks: list[tuple[float, dict[str, tuple[float, float]]]] = []
    for members, inner_edges in zip(components, edges_of, strict=True):
        if len(members) == 1:
            local = {members[0]: (0.0, 0.0)}
        elif len(members) <= 200:
            sub = _ordered_subgraph(members, inner_edges)
            raw = nx.spring_layout(sub, seed=LAYOUT_SEED, scale=1.0)
            radius = spacing * math.sqrt(len(members)) * 0.8
            local = {k: (float(raw[k][0]) * radius, float(raw[k][1]) * radius) for k in members}
        else:
            sub = _ordered_subgraph(members, inner_edges)
            hub = min(members, key=lambda k: (-sub.degree(k), k))
            local = {hub: (0.0, 0.0)}
            by_distance: dict[int, list[str]] = {}
            for key, distance in nx.single_source_shortest_path_length(sub, hub).items():
                if distance:
                    by_distance.setdefault(distance, []).append(key)
            ring_radius = 0.0
            for distance in sorted(by_distance):
                ring = sorted(by_distance[distance])
                ring_radius = max(ring_radius + spacing * 2, len(ring) * spacing / (2 * math.pi))
                for index, key in enumerate(ring):
                    angle = 2 * math.pi * index / len(ring)
                    local[key] = (ring_radius * math.cos(angle), ring_radius * math.sin(angle))
        extent = max(max(abs(x), abs(y)) for x, y in local.values()) + spacing / 2
        blocks.append((extent, local))
    row_width = math.sqrt(sum((2 * extent) ** 2 for extent, _ in blocks)) * 1.2
    positions: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for extent, local in blocks:
        size = 2 * extent
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for key, (dx, dy) in local.items():
            positions[key] = (round(x + extent + dx), round(y + extent + dy))
        x += size
        row_height = max(row_height, size)
    return positions


def _tooltip(entity: Entity, detail: dict) -> str:
    lines = [f"{entity.name} ({entity.type})", f"{entity.mention_count} mentions"]
    if entity.aliases:
        lines.append("also: " + ", ".join(entity.aliases[:5]))
    if detail["roles"]:
        lines.append(f"{len(detail['roles'])} role mentions")
    if detail["statements"]:
        lines.append(f"{len(detail['statements'])} statements")
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _confidence_text(confidence: float, count: int) -> str:
    return f"{'highest confidence' if count > 1 else 'confidence'} {confidence:.2f}"


def _statement_edge_text(fact: _Fact, said: list[dict], corpus: ResolvedCorpus) -> tuple[str, str]:
    """The label and tooltip of a statement edge: its quote, or its count and a few quotes."""
    best_first = sorted(fact.evidence, key=lambda item: -item["confidence"])  # stable
    quotes = [said[item["statement"]]["text"] for item in best_first]
    speaker = shorten(corpus.entities[fact.source].name, TOOLTIP_QUOTE_CHARS)
    named = shorten(corpus.entities[fact.target].name, TOOLTIP_QUOTE_CHARS)
    count = len(quotes)
    lines = [f"{speaker} {STATEMENT_LABEL} {named}"]
    if count == 1:
        label = "\u201c" + shorten(quotes[0], EDGE_QUOTE_CHARS) + "\u201d"
    else:
        label = f"{count} statements"
        documents = _plural(len(fact.documents()), "document")
        lines.append(f"{count} statements in {documents}, for example:")
    shown = quotes[:TOOLTIP_QUOTES]
    lines += ["\u201c" + shorten(quote, TOOLTIP_QUOTE_CHARS) + "\u201d" for quote in shown]
    if count > TOOLTIP_QUOTES:
        lines.append(f"\u2026 and {count - TOOLTIP_QUOTES} more")
    lines.append(_confidence_text(fact.confidence(), count))
    return label, "\n".join(lines)


def _node_size(mentions: int) -> float:
    return round(10 + 4 * math.sqrt(min(max(mentions, 0), 100)), 2)


def build_network(
    corpus: ResolvedCorpus,
    *,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> tuple[Network, dict]:
    """The pyvis network of the corpus and the evidence the page's side panel shows.

    Facts of one kind between the same two entities are one edge, whatever the number
    of documents and role labels behind it; the evidence keeps every sentence.
    """
    details, facts = _collect(corpus)
    shown_keys, centres = _keep(corpus, facts, focus, hops, max_nodes)
    keys = sorted(shown_keys)
    shown = set(keys)
    edges = [
        fact for _, fact in sorted(facts.items()) if fact.source in shown and fact.target in shown
    ]
    positions = (
        _positions(keys, [(f.source, f.target) for f in edges]) if len(keys) > PHYSICS_LIMIT else {}
    )
    network = Network(directed=True)
    for key in keys:
        entity = corpus.entities[key]
        style = NODE_STYLES.get(entity.type, FALLBACK_STYLE)
        placement = {"x": positions[key][0], "y": positions[key][1]} if positions else {}
        network.add_node(
            key,
            label=entity.name,
            title=_tooltip(entity, details[key]),
            color=style["color"],
            shape=style["shape"],
            size=_node_size(entity.mention_count),
            **placement,
        )
    edge_colors = {kind: color for kind, _, color in FACT_KINDS if color}
    edge_evidence: dict[str, dict] = {}
    for index, fact in enumerate(edges):
        edge_id = f"e{index}"
        documents = fact.documents()
        count = fact.count()
        confidence = fact.confidence()
        if fact.kind == "statement":
            label, title = _statement_edge_text(fact, details[fact.source]["statements"], corpus)
        else:
            label = " / ".join(fact.labels())
            title = (
                f"{label}\nsupported by {_plural(count, 'document')}"
                f"\n{_confidence_text(confidence, len(fact.evidence))}"
            )
            label = f"{label} ×{count}" if count > 1 else label
        network.add_edge(
            fact.source,
            fact.target,
            id=edge_id,
            label=label,
            title=title,
            color=edge_colors[fact.kind],
            width=round(1 + math.log2(count), 2),
            kind=fact.kind,
            documents=documents,
            confidence=confidence,
        )
        edge_evidence[edge_id] = {
            "kind": fact.kind,
            "label": " / ".join(fact.labels()),
            "documents": documents,
            "count": count,
            "confidence": confidence,
        }
        if fact.kind == "statement":  # the speaker's statements hold the text, source and score
            edge_evidence[edge_id]["statements"] = [item["statement"] for item in fact.evidence]
        else:
            edge_evidence[edge_id]["evidence"] = fact.evidence
    entities = {}
    for key in keys:
        entity = corpus.entities[key]
        detail = details[key]
        entities[key] = {
            "name": entity.name,
            "type": entity.type,
            "aliases": list(entity.aliases),
            "mentions": entity.mention_count,
            "documents": sorted(entity.documents),
            "roles": detail["roles"],
            "statements": detail["statements"],
            "kinds": sorted(detail["kinds"]),
        }
    documents = [
        {
            "name": f.document.name,
            "title": f.document.title or f.document.name,
            "date": f.document.date or "",
        }
        for f in corpus.documents
    ]
    return network, {
        "entities": entities,
        "facts": edge_evidence,
        "documents": documents,
        "focus": centres,
        "minConfidence": min((fact.confidence() for fact in edges), default=None),
    }


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
    # a lone surrogate cannot be written as UTF-8; as an escape JSON.parse still reads it
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _pyvis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath(*VIS_DIR, name).read_text(encoding="utf-8")


def _template(name: str) -> str:
    return resources.files("kg.export").joinpath("templates", name).read_text(encoding="utf-8")


def _escape_text(text: str) -> str:
    text = LONE_SURROGATE.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _inlinable(text: str, tag: str) -> str:
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ValueError(f"cannot inline this text in a <{tag}> element")
    return text


def render_html(
    corpus: ResolvedCorpus,
    *,
    title: str = "kg graph",
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int | None = None,
) -> str:
    """The whole page as a string (deterministic: the same corpus gives the same bytes).

    ``focus`` (a name or alias) keeps the entities within ``hops`` facts of it;
    ``max_nodes`` keeps the most mentioned entities. Raises ValueError when ``focus``
    names no entity.
    """
    network, evidence = build_network(corpus, focus=focus, hops=hops, max_nodes=max_nodes)
    nodes, edges, *_ = network.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "physics": len(nodes) <= PHYSICS_LIMIT,
        "seed": LAYOUT_SEED,
        "styles": NODE_STYLES,
        "factKinds": [[kind, label, color] for kind, label, color in FACT_KINDS],
        **evidence,
    }
    library = _inlinable(_pyvis_asset("vis-network.min.js"), "script")
    app = _inlinable(_template("graph.js"), "script")
    values = {
        "CSP": (
            "default-src 'none'; "
            f"script-src {_csp_hash(library)} {_csp_hash(app)}; "
            "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        ),
        "TITLE": _escape_text(title),
        "VIS_CSS": _inlinable(_pyvis_asset("vis-network.css"), "style"),
        "CSS": _inlinable(_template("graph.css"), "style"),
        "VIS_JS": library,
        "DATA": script_json(data),
        "JS": app,
    }
    # One pass over the template: inserted text is never searched for placeholders again.
    return re.sub(r"\{\{KG_([A-Z_]+)\}\}", lambda m: values[m.group(1)], _template("graph.html"))


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of ``text``: ASCII letters and digits joined by ``-``
    ("Tom Homan" -> "tom-homan"). Where letters had no ASCII form ("Søren", Arabic
    script) a short hash of ``text`` is added, so different names get different slugs."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rstrip("-")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    kept = sum(char.isalnum() for char in folded)
    lost = sum(char.isalnum() for char in unicodedata.normalize("NFKD", text)) > kept
    if not words:
        return digest[:12]
    return f"{words}-{digest[:8]}" if lost else words


def page_name(focus: str | None = None, max_nodes: int | None = None) -> str:
    """The page's default file name in a build folder: ``graph.html`` for the whole graph,
    ``graph-focus-tom-homan.html`` / ``graph-top-200.html`` for a part of it."""
    parts = []
    if focus and focus.strip():
        parts.append("focus-" + slug(focus.strip()))
    if max_nodes is not None:
        parts.append(f"top-{max_nodes}")
    return "-".join(["graph", *parts]) + ".html"


def write_html(corpus: ResolvedCorpus, path: Path, **options: object) -> None:
    """Write the page to ``path`` atomically; ``options`` as for :func:`render_html`."""
    write_atomic(Path(path), render_html(corpus, **options))  # type: ignore[arg-type]


__all__ = [
    "build_network",
    "page_name",
    "render_html",
    "script_json",
    "shorten",
    "slug",
    "write_html",
]
