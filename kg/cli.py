"""The ``kg`` command line: thin wrappers that parse options, call the API and print.

kg build seeds/ -o out/
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

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
            args.corpus, args.gold, out, scorer=args.scorer, errors=args.errors, model=args.model
        )
    except (FileNotFoundError, NoInputError, NothingBuiltError) as error:
        print(f"kg eval: error: {error}", file=sys.stderr)
        return 2


def cmd_query(args: argparse.Namespace) -> int:
    from kg.store import format_results, load

    text = args.query
    if text.endswith(".rq") and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8")
    bindings = dict(_pair(b) for b in args.bind)
    try:
        result = load(args.graph).query(text, bindings)
        print(format_results(result, args.format))
    except (FileNotFoundError, ValueError, SyntaxError, OSError) as error:
        print(f"kg query: error: {error}", file=sys.stderr)
        return 2
    return 0


def _pair(binding: str) -> tuple[str, str]:
    name, sep, value = binding.partition("=")
    if not sep:
        raise SystemExit(f"kg: --bind takes NAME=VALUE, not {binding!r}")
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


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.store import start_server

    try:
        server = start_server(args.graph, args.port)
    except (FileNotFoundError, RuntimeError, ValueError) as error:
        print(f"kg serve: error: {error}", file=sys.stderr)
        return 2
    print(f"SPARQL endpoint: {server.url}/query  (Graph Store: {server.url}/store)")
    print("Ctrl-C stops the server.")
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


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
    from kg.export.html import page_name, write_html
    from kg.pipeline import load_corpus

    if args.output:
        target = Path(args.output)
    else:
        target = Path(args.graph) / page_name(args.focus, args.max_nodes)
    existed = target.exists()
    try:
        corpus = load_corpus(Path(args.graph), args.model)
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
    note = " (replaced the earlier page)" if existed else ""
    if not args.output and target.name == "graph.html":
        note = " (the build's page, replaced; -o FILE writes elsewhere)" if existed else note
    print(f"kg html: wrote {target}{note}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph from English news articles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser(
        "build",
        help="build the graph of a corpus",
        description="Read articles (.txt files, folders, globs), extract entities, roles, "
        "operations and statements, and write graph.ttl, graph.nq, graph.html and report.json.",
        epilog="example: kg build seeds/ -o out/",
    )
    build_parser.add_argument("inputs", nargs="*", help="files, folders or glob patterns")
    build_parser.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    build_parser.add_argument(
        "--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm)"
    )
    build_parser.add_argument("--no-html", action="store_true", help="skip the HTML page")
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
    eval_parser.set_defaults(handler=cmd_eval)

    query_parser = commands.add_parser(
        "query",
        help="run SPARQL over a build",
        description="Run a SPARQL query (text or a .rq file) over a build folder or RDF file. "
        "kg's prefixes (schema, org, prov, rdfs, skos, kg, ...) are predeclared; the default "
        "graph is the union of all graphs.",
        epilog="example: kg query out/ ontology/queries/who-said-what.rq --bind entity='Tom Homan'",
    )
    query_parser.add_argument("graph", help="build folder (out/) or RDF file")
    query_parser.add_argument("query", help="SPARQL text or a .rq file")
    query_parser.add_argument(
        "--format", choices=("table", "csv", "tsv", "json"), default="table", help="SELECT output"
    )
    query_parser.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to the string VALUE (safely; repeatable)",
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
        description="Start an Oxigraph SPARQL 1.1 server on 127.0.0.1 with the graph loaded.",
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
