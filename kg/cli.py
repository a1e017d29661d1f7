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
    print(
        f"kg build: {summary.documents} documents read, {len(summary.skipped)} skipped "
        f"in {summary.seconds:.1f} s"
    )
    print(f"  entities:   {sum(summary.entities.values())} ({entities})")
    print(f"  roles:      {facts.get('roles', 0)}")
    print(f"  operations: {facts.get('operations', 0)} operation-place links")
    print(f"  statements: {facts.get('statements', 0)}")
    print(f"  wrote:      {', '.join(summary.outputs)}")


def cmd_build(args: argparse.Namespace) -> int:
    try:
        summary = build(
            args.inputs,
            Path(args.output),
            model=args.model,
            html=not args.no_html,
            progress=not args.quiet and sys.stderr.isatty(),
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
    build_parser.add_argument("inputs", nargs="+", help="files, folders or glob patterns")
    build_parser.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    build_parser.add_argument(
        "--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm)"
    )
    build_parser.add_argument("--no-html", action="store_true", help="skip the HTML page")
    build_parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only warnings and errors"
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
