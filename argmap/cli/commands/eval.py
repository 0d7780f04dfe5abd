"""``argmap eval``: which claims stand, and why, under a chosen semantics."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap eval maps/brown2017.argmap                  grounded labels, one line a claim
  argmap eval maps/brown2017.argmap --semantics preferred
  argmap eval maps/brown2017.argmap --format json > labels.json
  argmap eval graph.apx                              an ICCMA graph: arg(a). att(a,b).
  argmap eval graph.tgf                              ... TGF: nodes, a `#` line, attacks
  argmap eval graph.i23 --semantics stable           ... ICCMA 2023: `p af N`, then `i j`
  argmap eval graph.txt --from apx                   say the format when the suffix does not

labels: IN (stands: every attack on it is defeated), OUT (defeated by an IN
attacker, named on the line), UNDEC (caught in an undecided conflict).
"weakened" marks a claim that is not OUT but whose every support is, and
that cites no footnote of its own.  See docs/evaluation.md.

exit status: 0 evaluated, 2 unreadable input or a graph too large to enumerate
"""


def register(sub) -> None:
    p = sub.add_parser("eval", help="label every claim IN, OUT or UNDEC, and say why",
                       description="Evaluate a map (or an ICCMA attack graph) under argumentation semantics.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("path", metavar="MAP", help="an .argmap file, or an ICCMA graph (.apx, .tgf, .af, .i23)")
    p.add_argument("--semantics", choices=("grounded", "preferred", "stable"), default="grounded",
                   help="grounded (one labelling, linear time; default), preferred or stable (every labelling)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--from", dest="source_format", choices=("argmap", "apx", "tgf", "i23"),
                   help="the input's format (default: from the file's suffix)")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"argmap eval: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from argmap.evaluation.dung import EvaluationError
    from argmap.evaluation.iccma import IccmaError, format_of
    from argmap.files.loader import load
    from argmap.syntax.parser import ArgmapError

    fmt = args.source_format or format_of(args.path) or "argmap"
    try:
        if fmt == "argmap":
            try:
                m = load(args.path)
            except ArgmapError as exc:
                print("\n".join(d.format() for d in exc.diagnostics), file=sys.stderr)
                return 2
            result = _evaluate_map(m, args)
        else:
            result = _evaluate_graph(args, fmt)
    except (IccmaError, EvaluationError) as exc:
        return _fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"{args.path}: cannot read the file: {getattr(exc, 'strerror', None) or exc}")
    print(result)
    return 0


def _evaluate_map(m, args) -> str:
    from argmap.evaluation.core import evaluate
    from argmap.evaluation.report import dumps

    e = evaluate(m, args.semantics)
    return dumps(e.to_json(m.id)) if args.format == "json" else e.to_text(m.id)


def _evaluate_graph(args, fmt: str) -> str:
    from argmap.evaluation.dung import labelling_codes
    from argmap.evaluation.iccma import read
    from argmap.evaluation.report import dumps, graph_json, graph_text

    graph = read(args.path, fmt)
    labellings = labelling_codes(graph.numbered, args.semantics)
    name = Path(args.path).name
    if args.format == "json":
        return dumps(graph_json(name, args.semantics, graph.nodes, labellings))
    return graph_text(name, args.semantics, graph.nodes, graph.n_attacks, labellings)
