"""The ``kg`` command line: thin wrappers that parse options, call the API and print.

kg build seeds/ -o out/
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from kg.documents import SUPPORTED_SUFFIXES
from kg.pipeline import BuildSummary, NoInputError, NothingBuiltError, build


def _print_summary(summary: BuildSummary) -> None:
    entities = ", ".join(f"{kind} {count}" for kind, count in summary.entities.items())
    facts = summary.facts
    cached = summary.documents - summary.parsed
    print(
        f"kg build: {summary.documents} documents read, {len(summary.skipped)} skipped "
        f"in {summary.seconds:.1f} s ({summary.parsed} parsed, {cached} from the cache)"
    )
    print(f"  entities:   {sum(summary.entities.values())} ({entities})")
    print(f"  roles:      {facts.get('roles', 0)}")
    print(f"  operations: {facts.get('operations', 0)} operation-place links")
    print(f"  statements: {facts.get('statements', 0)}")
    print(f"  wrote:      {', '.join(summary.outputs)}")


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a probability in [0, 1]")
    return value


def _add_min_confidence(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="P",
        help="leave out facts whose fitted confidence is below P (default: each kind's "
        "threshold that maximised F1 on the training sets; 0 keeps every fact)",
    )


def cmd_build(args: argparse.Namespace) -> int:
    if not args.inputs and not args.update:
        print("kg build: error: name at least one input file, folder or glob", file=sys.stderr)
        return 2
    try:
        summary = build(
            args.inputs,
            Path(args.output),
            model=args.model,
            html=not args.no_html,
            progress=not args.quiet and sys.stderr.isatty(),
            max_bytes=args.max_bytes,
            update=args.update,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
            min_confidence=args.min_confidence,
        )
    except NoInputError as error:
        print(f"kg build: error: {error}", file=sys.stderr)
        return 2
    except NothingBuiltError as error:
        print(f"kg build: error: {error}", file=sys.stderr)
        return 1
    except RuntimeError as error:
        print(f"kg build: error: {error}", file=sys.stderr)
        return 2
    for skipped in summary.skipped:
        print(f"kg build: warning: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    if not args.quiet:
        _print_summary(summary)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate

    out = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="kg-eval-"))
    try:
        return evaluate(
            args.corpus,
            args.gold,
            out,
            scorer=args.scorer,
            errors=args.errors,
            model=args.model,
            by_rule=args.by_rule,
            min_confidence=args.min_confidence,
        )
    except (FileNotFoundError, NoInputError, NothingBuiltError) as error:
        print(f"kg eval: error: {error}", file=sys.stderr)
        return 2


def looks_like_query_file(argument: str) -> bool:
    """Whether a ``kg query`` argument names a file rather than holding SPARQL text: it ends
    in ``.rq``/``.sparql``, or is one word with a path separator (``DESCRIBE <http://…>``
    is text)."""
    if "{" in argument or "\n" in argument:
        return False
    if argument.lower().endswith((".rq", ".sparql")):
        return True
    has_separator = "/" in argument or "\\" in argument
    return has_separator and "<" not in argument and not any(c.isspace() for c in argument)


def read_query(argument: str) -> tuple[str, str | None]:
    """The SPARQL text of a ``kg query`` argument and the file it came from (or None).

    Raises ``FileNotFoundError`` for a path that names no file."""
    path = Path(argument)
    if looks_like_query_file(argument) or path.is_file():
        if not path.is_file():
            raise FileNotFoundError(f"{argument}: no such query file")
        try:
            return path.read_text(encoding="utf-8"), argument
        except (OSError, UnicodeDecodeError) as error:
            raise FileNotFoundError(f"{argument}: cannot read the query file ({error})") from None
    return argument, None


def cmd_query(args: argparse.Namespace) -> int:
    from kg.store import format_results, load

    try:
        text, source = read_query(args.query)
        bindings = dict(_pair(b) for b in args.bind)
    except (FileNotFoundError, ValueError) as error:
        print(f"kg query: error: {error}", file=sys.stderr)
        return 2
    try:
        graph = load(args.graph)
    except (FileNotFoundError, ValueError, OSError) as error:
        print(f"kg query: error: {error}", file=sys.stderr)
        return 2
    where = f"{source}: " if source else ""
    try:
        output = format_results(graph.query(text, bindings), args.format)
    except (ValueError, SyntaxError, OSError) as error:
        print(f"kg query: error: {where}{error}", file=sys.stderr)
        return 2
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _pair(binding: str) -> tuple[str, str]:
    name, sep, value = binding.partition("=")
    if not sep or not name.lstrip("?$"):
        raise ValueError(f"--bind takes NAME=VALUE, not {binding!r}")
    return name, value


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export.files import write_atomic
    from kg.export.graphml import graphml_bytes
    from kg.export.rdf_files import serialize
    from kg.store import load

    try:
        graph = load(args.graph)
    except (FileNotFoundError, ValueError) as error:
        print(f"kg export: error: {error}", file=sys.stderr)
        return 2
    if args.format == "graphml":
        payload = graphml_bytes(graph.to_networkx())
    else:
        payload = serialize(graph.quads(), args.format)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(payload)
    else:
        write_atomic(Path(args.output), payload)
    return 0


class StopRequested(Exception):
    """SIGTERM, SIGINT or SIGHUP arrived: stop cleanly."""


def _request_stop(signum: int, _frame: object) -> None:
    raise StopRequested(signal.Signals(signum).name)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve until SIGINT (Ctrl-C), SIGTERM or SIGHUP, then stop the server and remove its
    store; exit 0 then, 2 when it cannot start, 1 when the server dies on its own."""
    from kg.store import start_server

    stop_signals = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):
        stop_signals.append(signal.SIGHUP)
    previous = {signum: signal.signal(signum, _request_stop) for signum in stop_signals}
    server = None
    try:
        try:
            server = start_server(args.graph, args.port)
        except (FileNotFoundError, RuntimeError, ValueError, OSError) as error:
            print(f"kg serve: error: {error}", file=sys.stderr)
            return 2
        print(f"SPARQL endpoint: {server.url}/query  (Graph Store: {server.url}/store)")
        print("Ctrl-C (or kill PID) stops the server.", flush=True)
        status = server.process.wait()
        print(f"kg serve: error: the oxigraph server exited with status {status}", file=sys.stderr)
        return 1
    except (StopRequested, KeyboardInterrupt):
        return 0
    finally:
        for signum in stop_signals:
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up
        if server is not None:
            server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def cmd_load(args: argparse.Namespace) -> int:
    from kg.store import push_to_store

    try:
        count = push_to_store(args.graph, args.store)
    except (FileNotFoundError, RuntimeError, ValueError, OSError) as error:
        print(f"kg load: error: {error}", file=sys.stderr)
        return 2
    print(f"kg load: {count} graphs written to {args.store}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    try:
        conforms, report = validate(args.graph)
    except (FileNotFoundError, ValueError) as error:
        print(f"kg validate: error: {error}", file=sys.stderr)
        return 2
    print(report)
    return 0 if conforms else 1


def cmd_html(args: argparse.Namespace) -> int:
    from kg.confidence import apply_confidence
    from kg.export.html import page_name, write_html
    from kg.pipeline import load_corpus

    if args.output:
        target = Path(args.output)
    else:
        target = Path(args.graph) / page_name(args.focus, args.max_nodes)
    existed = target.exists()
    try:
        corpus = load_corpus(Path(args.graph), args.model)
        corpus = apply_confidence(corpus, None, args.min_confidence)
        write_html(
            corpus,
            target,
            title=args.title,
            focus=args.focus,
            hops=args.hops,
            max_nodes=args.max_nodes,
        )
    except (FileNotFoundError, ValueError) as error:
        print(f"kg html: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"kg html: error: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return 2
    note = ""
    if existed and not args.output and target.name == "graph.html":
        note = " (the build's page, replaced; -o FILE writes elsewhere)"
    elif existed:
        note = " (replaced the earlier page)"
    print(f"kg html: wrote {target}{note}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    from kg import __version__

    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph from English news articles."
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser(
        "build",
        help="build the graph of a corpus",
        description="Read articles, extract entities, roles, operations and statements, and "
        "write into OUTPUT: graph.ttl (Turtle), graph.nt (N-Triples), graph.nq (N-Quads) and "
        "graph.trig (TriG) with one named graph per document, graph.jsonld (JSON-LD), "
        "graph.graphml (GraphML), graph.html (the graph page; not with --no-html) and "
        "report.json (counts, skipped files), plus cache/ for --update.",
        epilog="example: kg build seeds/ -o out/",
    )
    build_parser.add_argument(
        "inputs",
        nargs="*",
        help="files (plain text, HTML, JSON or JSON Lines), folders (searched recursively for "
        f"{', '.join(SUPPORTED_SUFFIXES)}) or glob patterns",
    )
    build_parser.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    build_parser.add_argument(
        "--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm)"
    )
    build_parser.add_argument(
        "--no-html",
        action="store_true",
        help="skip the HTML page (and remove a graph.html left in OUTPUT by an earlier build)",
    )
    build_parser.add_argument(
        "--max-bytes",
        type=int,
        default=20_000_000,
        help="skip input files larger than this (default: 20000000)",
    )
    build_parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only warnings and errors"
    )
    build_parser.add_argument(
        "--update",
        action="store_true",
        help="add INPUTS to the build in OUTPUT (only new or changed documents are parsed; "
        "documents whose files were deleted are removed)",
    )
    build_parser.add_argument("--jobs", type=int, default=1, help="processes (default: 1)")
    build_parser.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where to parse"
    )
    build_parser.add_argument(
        "--scheduler", default=None, help="Dask scheduler address (default: a local cluster)"
    )
    _add_min_confidence(build_parser)
    build_parser.set_defaults(handler=cmd_build)

    eval_parser = commands.add_parser(
        "eval",
        help="build a corpus and score it against gold facts",
        description="Build CORPUS and score its graph with the evaluation's score.py.",
        epilog="example: kg eval ../shared/eval/ggt-dev/corpus "
        "--gold ../shared/eval/ggt-dev/gold.json --errors",
    )
    eval_parser.add_argument("corpus", help="folder of articles")
    eval_parser.add_argument("--gold", required=True, help="gold facts (JSON)")
    eval_parser.add_argument("-o", "--output", default=None, help="output folder (default: temp)")
    eval_parser.add_argument("--scorer", default=None, help="score.py (default: ../shared/eval/)")
    eval_parser.add_argument("--errors", action="store_true", help="list every FP and FN")
    eval_parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    eval_parser.add_argument(
        "--by-rule",
        action="store_true",
        help="also print each extraction rule's facts, precision and mean confidence",
    )
    _add_min_confidence(eval_parser)
    eval_parser.set_defaults(handler=cmd_eval)

    query_parser = commands.add_parser(
        "query",
        help="run SPARQL over a build",
        description="Run a SPARQL query (text or a .rq file) over a build folder or RDF file. "
        "kg's prefixes (schema, org, prov, rdfs, skos, kg, ...) are predeclared; the default "
        "graph is the union of all graphs. --format json, csv and tsv write the W3C SPARQL 1.1 "
        "query results formats.",
        epilog="example: kg query out/ ontology/queries/who-said-what.rq --bind entity='Tom Homan'",
    )
    query_parser.add_argument("graph", help="build folder (out/) or RDF file")
    query_parser.add_argument(
        "query",
        help="SPARQL text, or a query file (read as one when it ends in .rq or .sparql, "
        "is one word with a /, or exists)",
    )
    query_parser.add_argument(
        "--format", choices=("table", "csv", "tsv", "json"), default="table", help="SELECT output"
    )
    query_parser.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME, a variable of the query, to the string VALUE (safely; repeatable)",
    )
    query_parser.set_defaults(handler=cmd_query)

    export_parser = commands.add_parser(
        "export",
        help="convert a build to another format",
        description="Write a build in another syntax.",
        epilog="example: kg export out/ --format trig -o graph.trig",
    )
    export_parser.add_argument("graph", help="build folder (out/) or RDF file")
    export_parser.add_argument(
        "--format",
        required=True,
        choices=("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml"),
    )
    export_parser.add_argument("-o", "--output", default=None, help="file (default: stdout)")
    export_parser.set_defaults(handler=cmd_export)

    serve_parser = commands.add_parser(
        "serve",
        help="start an Oxigraph SPARQL server with a build loaded",
        description="Start an Oxigraph SPARQL 1.1 server on 127.0.0.1 with the graph loaded. "
        "Ctrl-C, SIGTERM or SIGHUP stops it and removes its temporary store (exit 0); a port "
        "in use is an error (exit 2).",
        epilog="example: kg serve out/ --port 7878",
    )
    serve_parser.add_argument("graph", nargs="?", default="out", help="build folder or RDF file")
    serve_parser.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    serve_parser.set_defaults(handler=cmd_serve)

    load_parser = commands.add_parser(
        "load",
        help="push a build into a SPARQL store (Graph Store Protocol)",
        description="Replace each document's named graph, and the entity graph, in a store.",
        epilog="example: kg load out/ --store http://127.0.0.1:7878/store",
    )
    load_parser.add_argument("graph", help="build folder (out/) or RDF file")
    load_parser.add_argument("--store", required=True, help="Graph Store Protocol endpoint URL")
    load_parser.set_defaults(handler=cmd_load)

    html_parser = commands.add_parser(
        "html",
        help="write the graph page of a build, or a focused part of it",
        description="Write the interactive graph page of a build (from its cache, no parsing).",
        epilog='example: kg html out/ --focus "Tom Homan" --hops 2   '
        "(writes out/graph-focus-tom-homan.html)",
    )
    html_parser.add_argument("graph", help="build folder (out/)")
    html_parser.add_argument(
        "-o",
        "--output",
        default=None,
        help="file (default: in the build folder, graph-focus-NAME.html with --focus, "
        "graph-top-N.html with --max-nodes, else graph.html)",
    )
    html_parser.add_argument("--focus", default=None, help="entity name or alias to centre on")
    html_parser.add_argument("--hops", type=int, default=2, help="neighbourhood size with --focus")
    html_parser.add_argument(
        "--max-nodes", type=int, default=None, help="keep the N most mentioned"
    )
    html_parser.add_argument("--title", default="kg graph", help="page title")
    html_parser.add_argument("--model", default=None, help="the --model the build used")
    _add_min_confidence(html_parser)
    html_parser.set_defaults(handler=cmd_html)

    validate_parser = commands.add_parser(
        "validate",
        help="check a build against the SHACL shapes",
        description="Validate a build with ontology/shapes.ttl (pyshacl); exit 1 on violations.",
        epilog="example: kg validate out/",
    )
    validate_parser.add_argument("graph", help="build folder (out/) or RDF file")
    validate_parser.set_defaults(handler=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
