"""The build: read -> parse -> extract -> resolve -> confidence -> RDF -> export.

Each stage lives in its own module; this one only wires them in order and
counts what happened. A document that fails is reported and skipped.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from spacy.tokens import Doc

from kg.cache import FactCache
from kg.confidence import apply_confidence
from kg.documents import (
    DEFAULT_MAX_BYTES,
    Document,
    NoInputError,
    SkippedFile,
    collect_paths,
    read_documents,
)
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
WORKER_BATCH = 16


class NothingBuiltError(Exception):
    """Every input was skipped: there is no graph to write."""


@dataclass(slots=True)
class BuildSummary:
    """What a build read, found and wrote."""

    documents: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    parsed: int = 0
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
        document=_document_info(document),
        text=document.text,
        mentions=mentions,
        memberships=extract_memberships(parsed, mentions),
        operations=extract_operations(parsed, mentions),
        statements=extract_statements(parsed, mentions),
    )


def extract_batch(
    documents: list[Document], model: str | None = None
) -> list[DocumentFacts | SkippedFile]:
    """Parse and extract a batch in this process (the unit of work of every engine).

    The pipeline is loaded once per process. A document whose extraction fails comes
    back as a ``SkippedFile`` with the reason; the others are unaffected.
    """
    return list(extract_stream(documents, model))


def extract_stream(
    documents: Iterable[Document], model: str | None = None
) -> Iterator[DocumentFacts | SkippedFile]:
    """Parse and extract documents one by one as ``nlp.pipe`` streams them."""
    nlp = load_pipeline(model)
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for parsed in nlp.pipe(texts(), batch_size=BATCH_SIZE):
        document = pending.popleft()
        try:
            yield extract_document(document, parsed)
        except Exception as error:  # noqa: BLE001 - one bad document must not stop a corpus
            yield SkippedFile(document.path, f"extraction failed: {error!r}")


def _batches(documents: list[Document], size: int) -> list[list[Document]]:
    return [documents[i : i + size] for i in range(0, len(documents), size)]


def _run_batches(
    batches: list[list[Document]], model: str | None, jobs: int, engine: str, scheduler: str | None
) -> Iterator[list[DocumentFacts | SkippedFile]]:
    """Results of :func:`extract_batch` for each batch, in order, on the chosen engine."""
    if engine == "dask":
        from kg.distributed import run_on_dask

        yield from run_on_dask(batches, model, scheduler=scheduler, workers=jobs)
    elif jobs > 1 and len(batches) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            yield from pool.imap(partial(extract_batch, model=model), batches)
    else:
        for batch in batches:
            yield from ([item] for item in extract_stream(batch, model))


def extract_corpus(
    documents: list[Document],
    *,
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    on_result: Callable[[DocumentFacts], None] | None = None,
) -> tuple[list[DocumentFacts], list[SkippedFile]]:
    """Parse and extract every document; a document whose extraction fails is skipped.

    ``on_result`` sees each document's facts as soon as they exist (the build caches
    them there, so a killed build loses only the batch in flight)."""
    results: list[DocumentFacts] = []
    skipped: list[SkippedFile] = []
    usable = []
    for document in documents:
        if len(document.text) > MAX_DOCUMENT_CHARS:
            reason = f"too long ({len(document.text):,} characters)"
            skipped.append(SkippedFile(document.path, reason))
        else:
            usable.append(document)
    parallel = jobs > 1 or engine != "local"
    size = max(1, min(WORKER_BATCH, -(-len(usable) // max(jobs, 1)))) if parallel else BATCH_SIZE
    batches = _batches(usable, size)
    outputs = _run_batches(batches, model, jobs, engine, scheduler)
    for batch_results in _progress(outputs, len(batches), progress):
        for item in batch_results:
            if isinstance(item, SkippedFile):
                skipped.append(item)
                continue
            results.append(item)
            if on_result is not None:
                on_result(item)
    return results, skipped


def _progress(items: Iterable, total: int, enabled: bool) -> Iterator:
    if not enabled or total < 2:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="batch", file=sys.stderr, leave=False)


def summarise(corpus: ResolvedCorpus) -> tuple[dict[str, int], dict[str, int]]:
    """Counts of entities by type and of facts by kind."""
    entities = Counter(e.type for e in corpus.entities.values())
    facts = {
        "roles": sum(len(f.memberships) for f in corpus.documents),
        "operations": sum(len(f.operations) for f in corpus.documents),
        "statements": sum(len(f.statements) for f in corpus.documents),
    }
    return dict(sorted(entities.items())), facts


def _inputs(inputs: list[str], cache: FactCache, update: bool) -> list[tuple[Path, str]]:
    pairs = collect_paths(inputs) if inputs else []
    if update:
        names = {name for _, name in pairs}
        for path, name in cache.read_manifest():
            if name not in names and (Path(path).exists() or Path(path).is_symlink()):
                pairs.append((Path(path), name))
                names.add(name)
    return sorted(pairs, key=lambda pair: pair[1])


def _document_info(document: Document) -> DocumentInfo:
    return DocumentInfo(
        name=document.name,
        title=document.title,
        date=document.date,
        sha256=document.sha256,
        length=len(document.text),
        url=document.url,
        source=document.source,
    )


def build(
    inputs: list[str],
    out_dir: Path,
    *,
    model: str | None = None,
    html: bool = True,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    update: bool = False,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    min_confidence: float | None = None,
) -> BuildSummary:
    """Build the graph of ``inputs`` (files, folders, globs) into ``out_dir``.

    Only documents whose text is not in the output folder's cache are parsed. With
    ``update``, the documents of the previous build (still on disk) are kept and
    ``inputs`` are added. Facts below ``min_confidence`` are left out (None: each kind's
    fitted threshold, see :mod:`kg.confidence`; 0 keeps all). ``jobs`` processes (or a
    Dask cluster with ``engine="dask"``) parse and extract. Raises ``NoInputError`` when
    no input file is found and ``NothingBuiltError`` when every file was skipped; earlier
    output is left untouched.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    cache = FactCache(out_dir, model or "default")
    pairs = _inputs(inputs, cache, update)
    if not pairs:
        raise NoInputError(f"no input files found in {', '.join(inputs) or 'the previous build'}")
    documents, skipped = read_documents(pairs, max_bytes)
    documents = sorted({d.name: d for d in documents}.values(), key=lambda d: d.name)
    facts: dict[str, DocumentFacts] = {}
    to_parse: list[Document] = []
    for document in documents:
        cached = cache.get(_document_info(document), document.text)
        if cached is None:
            to_parse.append(document)
        else:
            facts[document.name] = cached
    fresh, failed = extract_corpus(
        to_parse,
        model=model,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        on_result=cache.put,
    )
    skipped += failed
    for item in fresh:
        facts[item.document.name] = item
    summary = BuildSummary(documents=len(facts), skipped=skipped, parsed=len(fresh))
    if not facts:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped)
        raise NothingBuiltError(f"no document could be read: {reasons}")
    resolved = resolve([facts[name] for name in sorted(facts)])
    corpus = apply_confidence(resolved, None, min_confidence)
    summary.entities, summary.facts = summarise(corpus)
    rdf_paths, triples = write_rdf(corpus_quads(corpus), out_dir)
    outputs = list(rdf_paths.values())
    network = KnowledgeGraph.from_triples(triples).to_networkx()
    write_graphml(network, out_dir / "graph.graphml")
    outputs.append(out_dir / "graph.graphml")
    if html:
        from kg.export.html import write_html

        write_html(corpus, out_dir / "graph.html")
        outputs.append(out_dir / "graph.html")
    else:
        (out_dir / "graph.html").unlink(missing_ok=True)  # an earlier build's page is stale
    cache.write_manifest([(d.path, d.name) for d in documents if d.name in facts])
    cache.prune({f.document.sha256 for f in facts.values()})
    summary.outputs = [str(p) for p in outputs]
    summary.seconds = time.perf_counter() - started
    report = json.dumps(summary.as_dict(), indent=2, sort_keys=True) + "\n"
    write_atomic(out_dir / "report.json", report)
    return summary


def _recorded_path(path: str, out_dir: Path) -> Path:
    """Where a manifest's document is now. Paths are absolute since manifests record them
    so; an older manifest's relative path was relative to the folder the build ran in,
    unknown here: the current folder, then the output folder's parent and its ancestors
    are tried (``kg build seeds/ -o out/`` run beside ``seeds/``)."""
    recorded = Path(path)
    if recorded.is_absolute() or recorded.exists() or recorded.is_symlink():
        return recorded
    for folder in Path(out_dir).absolute().parents:
        candidate = folder / recorded
        if candidate.exists():
            return candidate
    return recorded


def load_corpus(out_dir: Path, model: str | None = None) -> ResolvedCorpus:
    """The resolved corpus of an earlier build, from its cache (nothing is parsed), with
    every fact and its extractor's prior confidence (:func:`kg.confidence.apply_confidence`
    fits and cuts them as the build did).

    Works from any folder. Raises ``FileNotFoundError`` when ``out_dir`` holds no build,
    none of its documents can be read, or a document has changed since (run
    ``kg build --update`` first).
    """
    cache = FactCache(Path(out_dir), model or "default")
    pairs = [(_recorded_path(path, out_dir), name) for path, name in cache.read_manifest()]
    if not pairs:
        raise FileNotFoundError(f"{out_dir}: no kg build here (run kg build first)")
    documents, skipped = read_documents(pairs)
    facts = []
    for document in sorted(documents, key=lambda d: d.name):
        cached = cache.get(_document_info(document), document.text)
        if cached is None:
            raise FileNotFoundError(
                f"{document.path} changed since the build in {out_dir}; run kg build --update"
            )
        facts.append(cached)
    if not facts:
        why = ""
        if skipped:
            more = f", and {len(skipped) - 1} more" if len(skipped) > 1 else ""
            why = f" ({skipped[0].path}: {skipped[0].reason}{more})"
        raise FileNotFoundError(f"{out_dir}: the build's documents are no longer readable{why}")
    return resolve(facts)


__all__ = [
    "BuildSummary",
    "NoInputError",
    "NothingBuiltError",
    "build",
    "extract_document",
    "load_corpus",
]
