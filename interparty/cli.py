"""The ``interparty`` command: ingest, extract, query, view and report.

Every command that touches a store takes ``--db PATH`` (embedded file; also
``$INTERPARTY_DB``) or ``--neo4j URI`` (also ``$NEO4J_URI``), before or after
the command name. Errors are one line naming the file or query and the problem.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from interparty.graph.store import ENV_NEO4J, StoreError, default_db_path

EXIT_ERROR = 2
EXIT_PROBLEMS = 1
EXIT_STOPPED = 3


class CliError(Exception):
    """Shown as ``interparty: error: …`` without a traceback."""


# ---------------------------------------------------------------- helpers


def _params(pairs: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise CliError(f"parameter {pair!r} is not key=value")
        out[key.strip()] = value
    return out


def _typed(params: dict[str, Any]) -> dict[str, Any]:
    """Ad-hoc Cypher parameters: JSON numbers, booleans and lists as such, anything else as text."""
    out = {}
    for k, v in params.items():
        try:
            parsed = json.loads(v)
            out[k] = parsed if isinstance(parsed, int | float | bool | list) else v
        except ValueError:
            out[k] = v
    return out


def _print_frame(df: pd.DataFrame, fmt: str) -> None:
    df = df.astype(object).where(df.notna(), None)
    if fmt == "json":
        print(json.dumps(df.to_dict("records"), ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    else:
        if df.empty:
            print("(no rows)")
        else:
            with pd.option_context("display.max_rows", 500, "display.max_columns", 50, "display.width", 200,
                                   "display.max_colwidth", 60):
                print(df.to_string(index=False))


def _open(args: argparse.Namespace, *, read_only: bool = False):
    import interparty

    # An explicit --db wins over $NEO4J_URI in the environment (as --neo4j wins over $INTERPARTY_DB).
    neo4j = args.neo4j or (None if args.db else os.environ.get(ENV_NEO4J))
    return interparty.open(args.db, neo4j=neo4j, read_only=read_only, judgements=args.judgements)


def _bar(total: int | None, desc: str) -> tqdm:
    return tqdm(total=total, desc=desc, unit="src", file=sys.stderr, disable=None, leave=False)


# ---------------------------------------------------------------- commands


def cmd_ingest(args: argparse.Namespace) -> int:
    from interparty.loaders.sources import expand

    total = sum(1 for _ in expand(args.paths))
    with _open(args) as kg, _bar(total, "ingest") as bar:
        print(f"graph: {kg.location}", file=sys.stderr)
        report = kg.ingest(args.paths, batch=args.batch, on_item=lambda _item: bar.update(1))
    if report.stopped:
        print(f"interparty: stopped early: {report.stopped}", file=sys.stderr)
    added = ", ".join(f"{v:+d} {k}" for k, v in report.delta.items()) or "nothing new"
    print(f"sources: {len(report.added)} added, {len(report.replaced)} replaced, "
          f"{len(report.unchanged)} unchanged, {len(report.problems)} not read")
    print(f"graph: {added}")
    for p in report.warnings:
        print(f"partly read {p}", file=sys.stderr)
    for p in report.problems:
        print(f"skipped {p}", file=sys.stderr)
    if args.log:
        lines = [{"path": p.path, "reason": p.reason, "status": "partial" if p.partial else "skipped"}
                 for p in [*report.warnings, *report.problems]]
        Path(args.log).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    if report.stopped:
        return EXIT_STOPPED
    return EXIT_PROBLEMS if args.strict and report.problems else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from interparty.loaders.evalfmt import to_eval
    from interparty.loaders.sources import Problem, expand
    from interparty.pipeline import extractions

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    problems = written = 0
    total = sum(1 for _ in expand(args.paths))
    with _bar(total, "extract") as bar:
        for item in extractions(args.paths):
            bar.update(1)
            if isinstance(item, Problem):
                problems += not item.partial
                print(f"{'partly read' if item.partial else 'skipped'} {item}", file=sys.stderr)
                continue
            stem = Path(item.source.path).stem if item.source.path else item.source.key
            if "#" in item.source.key:
                stem += "_" + item.source.key.rsplit("#", 1)[1]
            data = to_eval(item) if args.format == "eval" else item.model_dump(mode="json")
            (out / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            written += 1
    print(f"wrote {written} files to {out}" + (f"; {problems} sources not read" if problems else ""))
    return EXIT_PROBLEMS if args.strict and problems else 0


def cmd_query(args: argparse.Namespace) -> int:
    from interparty.queries.library import get, library

    if args.list:
        rows = [{"name": q.name, "description": q.description,
                 "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                             "description": p.description} for p in q.params]}
                for q in library().values()]
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                ps = " ".join(f"{p['name']}=…" if p["required"] else f"[{p['name']}={p['default']!r}]"
                              for p in r["params"])
                print(f"{r['name']} {ps}".rstrip())
                print(f"    {r['description']}")
        return 0
    if not args.name:
        raise CliError("name a query, or use --list")
    q = get(args.name)
    params = q.bind(_params(args.param))
    with _open(args, read_only=True) as kg:
        _print_frame(kg.store.read(q.cypher, params), args.format)
    return 0


def cmd_cypher(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as kg:
        _print_frame(kg.cypher(args.text, **_typed(_params(args.param))), args.format)
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from interparty.viz.views import build

    with _open(args, read_only=True) as kg:
        g = kg.to_networkx(with_evidence=True)
    view = build(g, args.kind, args.args, hops=args.hops, limit=args.limit)
    path = view.save(args.output)
    note = " (truncated to the most relevant part)" if view.truncated else ""
    print(f"wrote {path}: {view.title}: {view.nodes} nodes, {view.edges} edges{note}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from interparty.report import write_report

    with _open(args, read_only=True) as kg:
        index = write_report(kg, Path(args.output))
    print(f"wrote {index}")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from interparty.graph.transfer import push

    with _open(args, read_only=True) as kg:
        copied = push(kg.store, args.uri)
    print(f"copied to {args.uri}: " + ", ".join(f"{v} {k}" for k, v in copied.items() if v))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with _open(args) as kg:
        merges = kg.merge(args.a, args.b)
        print(f"recorded in {kg.judgements_path}: {args.a!r} = {args.b!r}")
    for m in merges:
        print(f"merged {m.kind} {m.drop!r} into {m.keep!r}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with _open(args) as kg:
        kg.split(args.a, args.b)
        print(f"recorded in {kg.judgements_path}: {args.a!r} ≠ {args.b!r}; "
              "re-ingest their sources to separate nodes already merged")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as kg:
        info = kg.explain(args.name)
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"{info['kind']} {info['name']} (key {info['key']!r}, country {info['country'] or '?'})")
    print("spellings: " + "; ".join(info["variants"]))
    print("sources:   " + "; ".join(info["sources"]))
    for r in info["joined_because"]:
        print(f"joined:    {r['a']} ~ {r['b']}: {r['rule']}")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--db", default=argparse.SUPPRESS,
                       help=f"embedded graph file (default: $INTERPARTY_DB or {default_db_path()})")
    store.add_argument("--judgements", default=argparse.SUPPRESS, metavar="FILE",
                       help="merge / do-not-merge judgements (default: $INTERPARTY_JUDGEMENTS or "
                            "judgements.yaml beside the default graph)")
    store.add_argument("--neo4j", default=argparse.SUPPRESS, metavar="URI",
                       help="use a Neo4j server instead (bolt://host:7687; also $NEO4J_URI, with "
                            "$NEO4J_USER and $NEO4J_PASSWORD)")
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=("table", "csv", "json"), default="table")
    fmt.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE")

    ap = argparse.ArgumentParser(prog="interparty", parents=[store],
                                 description="News articles and party plans about inter-party cooperation, "
                                             "as a knowledge graph with provenance.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[store], help="load articles and plans into the graph")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--strict", action="store_true", help="exit 1 when any source could not be read")
    p.add_argument("--log", metavar="FILE", help="write the sources not read as JSON lines")
    p.add_argument("--batch", type=int, default=1, metavar="N",
                   help="sources per transaction (default 1; larger loads big folders faster)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="extract facts without a store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("eval", "facts"), default="eval",
                   help="eval: the shared evaluation format; facts: every fact with its provenance")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--strict", action="store_true")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("query", parents=[store, fmt], help="run a named query (--list shows them)")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("cypher", parents=[store, fmt], help="run ad-hoc Cypher (values as -p parameters)")
    p.add_argument("text", metavar="QUERY")
    p.set_defaults(func=cmd_cypher)

    from interparty.viz.views import MAX_NODES, VIEWS

    p = sub.add_parser("view", parents=[store], help="write an interactive, self-contained HTML view")
    p.add_argument("kind", choices=sorted(VIEWS), metavar="KIND", help=" | ".join(sorted(VIEWS)))
    p.add_argument("args", nargs="*", metavar="ARG", help="ego: NAME; hierarchy: [ROOT]; bilateral: [A B]; "
                                                          "timeline: [YEAR]; course: [COURSE]")
    p.add_argument("--hops", type=int, default=1, help="ego: how many links out")
    p.add_argument("--limit", type=int, default=MAX_NODES, help="most nodes to draw")
    p.add_argument("-o", "--output", required=True, metavar="FILE.html")
    p.set_defaults(func=cmd_view)

    p = sub.add_parser("report", parents=[store], help="write views and a summary of the graph into a folder")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.set_defaults(func=cmd_report)

    for name, helptext, func in (("merge", "record that two names are one entity, and merge them", cmd_merge),
                                 ("split", "record that two names are different entities", cmd_split)):
        p = sub.add_parser(name, parents=[store], help=helptext)
        p.add_argument("a", metavar="NAME_A")
        p.add_argument("b", metavar="NAME_B")
        p.set_defaults(func=func)

    p = sub.add_parser("explain", parents=[store], help="show an entity's spellings, sources and why they were joined")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("push", parents=[store], help="copy the embedded graph to Neo4j")
    p.add_argument("uri", metavar="URI")
    p.set_defaults(func=cmd_push)
    return ap


class _OneLine(logging.Formatter):
    """Library warnings (the Neo4j driver's "will be retried in 1.9s (...)") as one line each."""

    def format(self, record: logging.LogRecord) -> str:
        return "interparty: " + " ".join(f"{record.name}: {record.getMessage()}".split())


def _quiet_libraries() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    log = logging.getLogger("neo4j")
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _quiet_libraries()
    args = parser.parse_args(argv)
    for name in ("db", "neo4j", "judgements"):
        if not hasattr(args, name):
            setattr(args, name, None)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interparty: interrupted", file=sys.stderr)
        return 130
    except (CliError, StoreError, ValueError, OSError) as exc:
        print(f"interparty: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except RuntimeError as exc:  # the stores' own errors (bad Cypher, a server that went away)
        print(f"interparty: error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("INTERPARTY_DEBUG"):
            raise
        print(f"interparty: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
              "(set INTERPARTY_DEBUG=1 to see where)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
