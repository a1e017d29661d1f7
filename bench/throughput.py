"""Throughput, scaling, memory and incremental-build figures (prints them; asserts nothing).

    .venv/bin/python bench/throughput.py ../shared/corpora/polnear-train [--limit N] [--skip-memory]

Figures, all from one run on this machine (runs vary by about ±30 % here, so compare the
ratios, which are measured side by side):

1. raw parse: ``nlp.pipe`` over the texts with the same pipeline and batch size (words/s);
2. ``kg build`` end to end (read, parse, extract, merge, write RDF, GraphML and HTML) with
   one process, and the ratio to (1);
3. ``kg build --jobs 2`` and its speed-up over (2);
4. incremental: adding 10 documents to the build with ``--update``, as a share of (2);
5. peak memory (RSS) of a build of the corpus and of the corpus repeated 10 times as
   distinct documents (``--skip-memory`` to leave out; it takes 11 builds' time);
6. export: a synthetic graph of 1 million triples written as Turtle and N-Quads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def words_in(folder: Path) -> int:
    return sum(len(p.read_text("utf-8", errors="replace").split()) for p in folder.glob("*.txt"))


def copy_corpus(source: Path, target: Path, limit: int | None, copies: int = 1) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(source.glob("*.txt"))[:limit]
    for copy in range(copies):
        for path in files:
            text = path.read_text("utf-8", errors="replace")
            # a distinct document per copy: the hash (and the name) differ
            (target / f"{copy:02d}_{path.name}").write_text(f"{text}\n\n[copy {copy}]\n", "utf-8")
    return target


def raw_parse(folder: Path) -> float:
    from kg.nlp import load_pipeline
    from kg.pipeline import BATCH_SIZE

    nlp = load_pipeline()
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started


def timed_build(args: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of ``kg build ARGS`` in a fresh process."""
    script = (
        "import resource, sys; from kg.cli import main; code = main(sys.argv[1:]); "
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)"
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, "build", *args, "-q"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - started
    return elapsed, int(result.stdout.split("PEAK")[-1].split()[0])


def synthetic_export(triples: int = 1_000_000) -> tuple[float, float]:
    import pyoxigraph as ox

    from kg.export.rdf_files import union_of_sorted
    from kg.rdf.vocab import TURTLE_PREFIXES

    base = "https://w3id.org/kg-news/id/"
    graph = ox.NamedNode("https://w3id.org/kg-news/doc/synthetic.txt")
    predicate = ox.NamedNode("https://schema.org/text")
    quads = [
        ox.Quad(
            ox.NamedNode(f"{base}quote/{i // 4:08d}"), predicate, ox.Literal(f"text {i}"), graph
        )
        for i in range(triples)
    ]
    started = time.perf_counter()
    quads.sort(key=str)  # a build sorts its quads (N-Quads line order) before writing
    ox.serialize(union_of_sorted(quads), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    turtle = time.perf_counter() - started
    started = time.perf_counter()
    ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return turtle, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-jobs", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = copy_corpus(args.corpus, work / "corpus", args.limit)
        words = words_in(corpus)
        documents = len(list(corpus.glob("*.txt")))
        print(f"corpus: {documents} documents, {words:,} words")

        raw = raw_parse(corpus)
        print(f"raw nlp.pipe:            {raw:7.1f} s  {words / raw:8,.0f} words/s")

        one, _ = timed_build([str(corpus), "-o", str(work / "out1")])
        print(
            f"kg build (1 process):    {one:7.1f} s  {words / one:8,.0f} words/s  "
            f"ratio to raw parse {raw / one:.2f}"
        )

        if not args.skip_jobs:
            two, _ = timed_build([str(corpus), "-o", str(work / "out2"), "--jobs", "2"])
            print(
                f"kg build --jobs 2:       {two:7.1f} s  {words / two:8,.0f} words/s  "
                f"speed-up {one / two:.2f}x"
            )

        extra = copy_corpus(args.corpus, work / "extra", 10, copies=1)
        for path in extra.glob("*.txt"):
            path.rename(path.with_name("new_" + path.name))
        update, _ = timed_build([str(extra), "-o", str(work / "out1"), "--update"])
        print(f"kg build --update +10:   {update:7.1f} s  share of full build {update / one:.1%}")

        if not args.skip_memory:
            _, peak_one = timed_build([str(corpus), "-o", str(work / "m1"), "--no-html"])
            big = copy_corpus(args.corpus, work / "corpus10", args.limit, copies=10)
            _, peak_ten = timed_build([str(big), "-o", str(work / "m10"), "--no-html"])
            print(
                f"peak RSS: 1 copy {peak_one / 1024:,.0f} MiB, 10 copies "
                f"{peak_ten / 1024:,.0f} MiB, ratio {peak_ten / peak_one:.2f}"
            )

        turtle, nquads = synthetic_export()
        print(f"export 1M triples:       Turtle {turtle:.2f} s, N-Quads {nquads:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
