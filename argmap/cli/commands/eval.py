"""``argmap eval``: which claims stand, and why, under a chosen semantics."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

SEMANTICS = ("grounded", "preferred", "stable", "dfquad", "quadratic-energy", "carneades")

EXAMPLES = """\
examples:
  argmap eval maps/brown2017.argmap                  grounded labels, one line a claim
  argmap eval maps/                                  every map in a folder, one after another
  argmap eval maps/brown2017.argmap --semantics preferred
  argmap eval maps/brown2017.argmap --format json > labels.json
  argmap eval graph.apx                              an ICCMA graph: arg(a). att(a,b).
  argmap eval graph.tgf                              ... TGF: nodes, a `#` line, attacks
  argmap eval graph.i23 --semantics stable           ... ICCMA 2023: `p af N`, then `i j`
  argmap eval graph.txt --from apx                   say the format when the suffix does not
  argmap eval maps/brown2017.argmap --semantics dfquad      a strength in [0, 1] for every claim
  argmap eval maps/brown2017.argmap --why failed     the attacks and defences that decide a label
  argmap eval maps/brown2017.argmap --deciding       the footnotes whose loss would change each thesis

labels: IN (stands: every attack on it is defeated), OUT (defeated by an IN
attacker, named on the line), UNDEC (caught in an undecided conflict).
"weakened" marks a claim that is not OUT but whose every support is, and
that cites no footnote of its own.  dfquad and quadratic-energy give
strengths from base scores set by the evidence (a verified quotation with a
note, a cited claim, an uncited one, a failed check: `base-scores` in
[tool.argmap]); carneades applies proof standards with the burden of proof
on the pro side.  See docs/evaluation.md.

Several inputs (or a folder) are evaluated one after another: in text each
result under a line `==> PATH <==`; in json one object
{"results": [{"path": PATH, "result": ...}, ...]}.

exit status: 0 evaluated, 2 unreadable input or a graph too large to enumerate
(for several inputs, the worst of them)
"""


def register(sub) -> None:
    p = sub.add_parser("eval", help="label every claim IN, OUT or UNDEC, and say why",
                       description="Evaluate a map (or an ICCMA attack graph) under argumentation semantics.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("paths", nargs="+", metavar="MAP",
                   help="an .argmap file, a folder of them, or an ICCMA graph (.apx, .tgf, .af, .i23); several may be given")
    p.add_argument("--semantics", choices=SEMANTICS, default="grounded",
                   help="grounded (one labelling, linear time; default), preferred or stable (every labelling), "
                        "dfquad or quadratic-energy (gradual strengths), carneades (proof standards)")
    p.add_argument("--why", metavar="ID", help="explain one node: the chain of attacks and defences behind its "
                   "grounded label, or (gradual semantics) the largest contributions to its strength")
    p.add_argument("--deciding", action="store_true",
                   help="for each thesis, the footnotes whose loss would flip its grounded label or move its "
                        "strength most")
    p.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                   help="a folder holding the article's text, so that quotations count as verified (repeatable)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--from", dest="source_format", choices=("argmap", "apx", "tgf", "i23"),
                   help="the input's format (default: from the file's suffix)")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"argmap eval: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from argmap.files.loader import find_maps

    inputs = []
    for raw in args.paths:
        if Path(raw).is_dir():
            found, problems = find_maps([raw])
            for d in problems:
                print(d.format(), file=sys.stderr)
            inputs += [str(path) for path, _ in found]
        else:
            inputs.append(raw)
    if len(inputs) == 1:
        args.path = inputs[0]
        return _run_one(args, print)
    if not inputs:
        return _fail(f"no maps in {', '.join(args.paths)}")
    import json

    status, results = 0, []
    for n, path in enumerate(inputs):
        args.path = path
        out: list[str] = []
        status = max(status, _run_one(args, out.append))
        if args.format == "json":
            results.append({"path": path, "result": json.loads(out[0]) if out else None})
        elif out:
            print(("\n" if n else "") + f"==> {path} <==\n" + out[0])
    if args.format == "json":
        print(json.dumps({"results": results}, indent=2, ensure_ascii=False))
    return status


def _run_one(args, emit) -> int:
    """Evaluate the one input ``args.path``; *emit* receives the result's text."""
    from argmap.checks.config import ConfigError
    from argmap.evaluation.dung import EvaluationError
    from argmap._gc import leave_to_exit
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
            leave_to_exit(m)  # the program ends without freeing it object by object (see argmap._gc)
            bad = [d for d in m.problems if d.code == "A010"]
            if bad:  # a weight, standard or burden the evaluation would have to guess
                print("\n".join(d.format() for d in bad), file=sys.stderr)
                return 2
            result = _evaluate_map(m, args)
        elif args.semantics not in SEMANTICS[:3] or args.why or args.deciding:
            return _fail(f"{args.path}: an attack graph has no evidence or supports: --semantics "
                         f"{args.semantics}, --why and --deciding need a map")
        else:
            result = _evaluate_graph(args, fmt)
    except KeyError as exc:
        return _fail(str(exc.args[0]))
    except ConfigError as exc:
        print(exc.diagnostic.format() if hasattr(exc, "diagnostic") else str(exc), file=sys.stderr)
        return 2
    except (IccmaError, EvaluationError) as exc:
        return _fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"{args.path}: cannot read the file: {getattr(exc, 'strerror', None) or exc}")
    emit(result)
    return 0


def _evaluate_map(m, args) -> str:
    from argmap.evaluation.core import evaluate
    from argmap.evaluation.report import dumps

    options = {}
    if args.semantics not in SEMANTICS[:3]:
        options = _evidence_options(m, args)
    e = evaluate(m, args.semantics, **options)
    if args.why:
        from argmap.evaluation.explain import why

        return why(m, e, args.why, json_output=args.format == "json")
    if args.deciding:
        from argmap.evaluation.explain import deciding_text

        return deciding_text(m, args.semantics, json_output=args.format == "json", **options)
    return dumps(e.to_json(m.id)) if args.format == "json" else e.to_text(m.id)


def _evidence_options(m, args) -> dict:
    """The base scores of the configuration nearest the map, and the article's text when it is found."""
    from argmap.checks.config import settings_for
    from argmap.files.loader import find_source_text

    settings = settings_for([args.path])
    text, _, _ = find_source_text(m, list(args.text_dir) + list(settings.text_dirs))
    return {"base_scores": dict(settings.base_scores), "source_text": text}


def _evaluate_graph(args, fmt: str) -> str:
    from argmap._gc import no_gc
    from argmap.evaluation.dung import labelling_codes
    from argmap.evaluation.iccma import read
    from argmap.evaluation.report import dumps, graph_json, graph_text

    with no_gc():  # millions of numbers and lists, and no cycle among them
        graph = read(args.path, fmt)
        labellings = labelling_codes(graph.numbered, args.semantics)
    name = Path(args.path).name
    if args.format == "json":
        return dumps(graph_json(name, args.semantics, graph.nodes, labellings))
    return graph_text(name, args.semantics, graph.nodes, graph.n_attacks, labellings)
