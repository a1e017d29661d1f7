"""The build: read -> parse -> extract -> resolve -> RDF -> export.

Each stage lives in its own module; this one only wires them in order and
counts what happened. A document that fails is reported and skipped.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.documents import Document, NoInputError, SkippedFile, collect_paths, read_documents
from kg.export.files import write_atomic
from kg.export.graphml import write_graphml
from kg.export.rdf_files import write_rdf
from kg.extract.entities import extract_mentions
from kg.extract.operations import extract_operations
from kg.extract.records import DocumentFacts, DocumentInfo, ResolvedCorpus
from kg.extract.roles import extract_memberships
from kg.extract.statements import extract_statements
from kg.nlp import load_pipeline
from kg.rdf.triples import corpus_quads
from kg.resolve import resolve
from kg.store import KnowledgeGraph

MAX_DOCUMENT_CHARS = 2_000_000
BATCH_SIZE = 64


class NothingBuiltError(Exception):
    """Every input was skipped: there is no graph to write."""


@dataclass(slots=True)
class BuildSummary:
    """What a build read, found and wrote."""

    documents: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """A JSON-ready view (written to ``report.json``)."""
        return {
            "documents": self.documents,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "entities": self.entities,
            "facts": self.facts,
            "outputs": self.outputs,
        }


def extract_document(document: Document, parsed: Doc) -> DocumentFacts:
    """Run every extractor over one parsed document."""
    mentions = extract_mentions(parsed)
    return DocumentFacts(
        document=DocumentInfo(
            name=document.name,
            title=document.title,
            date=document.date,
            sha256=document.sha256,
            length=len(document.text),
            url=document.url,
            source=document.source,
        ),
        text=document.text,
        mentions=mentions,
        memberships=extract_memberships(parsed, mentions),
        operations=extract_operations(parsed, mentions),
        statements=extract_statements(parsed, mentions),
    )


def extract_corpus(
    documents: list[Document], nlp: Language, *, progress: bool = False
) -> tuple[list[DocumentFacts], list[SkippedFile]]:
    """Parse and extract every document; a document whose extraction fails is skipped."""
    results: list[DocumentFacts] = []
    skipped: list[SkippedFile] = []
    usable = []
    for document in documents:
        if len(document.text) > MAX_DOCUMENT_CHARS:
            skipped.append(
                SkippedFile(document.path, f"too long ({len(document.text):,} characters)")
            )
        else:
            usable.append(document)
    texts = (d.text for d in usable)
    parsed_docs = nlp.pipe(texts, batch_size=BATCH_SIZE)
    for document, parsed in _progress(zip(usable, parsed_docs, strict=True), len(usable), progress):
        try:
            results.append(extract_document(document, parsed))
        except Exception as error:  # noqa: BLE001 - one bad document must not stop a corpus
            skipped.append(SkippedFile(document.path, f"extraction failed: {error!r}"))
    return results, skipped


def _progress(items: Iterable, total: int, enabled: bool) -> Iterator:
    if not enabled or total < 20:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="doc", file=sys.stderr, leave=False)


def summarise(corpus: ResolvedCorpus) -> tuple[dict[str, int], dict[str, int]]:
    """Counts of entities by type and of facts by kind."""
    entities = Counter(e.type for e in corpus.entities.values())
    facts = {
        "roles": sum(len(f.memberships) for f in corpus.documents),
        "operations": sum(len(f.operations) for f in corpus.documents),
        "statements": sum(len(f.statements) for f in corpus.documents),
    }
    return dict(sorted(entities.items())), facts


def build(
    inputs: list[str],
    out_dir: Path,
    *,
    model: str | None = None,
    html: bool = True,
    progress: bool = False,
) -> BuildSummary:
    """Build the graph of ``inputs`` (files, folders, globs) into ``out_dir``.

    Raises ``NoInputError`` when no input file is found and ``NothingBuiltError``
    when every file was skipped; earlier output is left untouched in both cases.
    """
    started = time.perf_counter()
    pairs = collect_paths(inputs)
    if not pairs:
        raise NoInputError(f"no input files found in {', '.join(inputs)}")
    documents, skipped = read_documents(pairs)
    facts, failed = (
        extract_corpus(documents, load_pipeline(model), progress=progress)
        if documents
        else ([], [])
    )
    skipped += failed
    summary = BuildSummary(documents=len(facts), skipped=skipped)
    if not facts:
        raise NothingBuiltError(
            "no document could be read: " + "; ".join(f"{s.path}: {s.reason}" for s in skipped)
        )
    corpus = resolve(facts)
    summary.entities, summary.facts = summarise(corpus)
    out_dir = Path(out_dir)
    rdf_paths = write_rdf(corpus_quads(corpus), out_dir)
    outputs = list(rdf_paths.values())
    write_graphml(KnowledgeGraph.open(rdf_paths["nquads"]).to_networkx(), out_dir / "graph.graphml")
    outputs.append(out_dir / "graph.graphml")
    if html:
        from kg.export.html import write_html

        write_html(corpus, out_dir / "graph.html")
        outputs.append(out_dir / "graph.html")
    summary.outputs = [str(p) for p in outputs]
    summary.seconds = time.perf_counter() - started
    write_atomic(
        out_dir / "report.json", json.dumps(summary.as_dict(), indent=2, sort_keys=True) + "\n"
    )
    return summary


__all__ = ["BuildSummary", "NoInputError", "NothingBuiltError", "build", "extract_document"]
