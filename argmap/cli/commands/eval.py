"""``argmap eval``: which claims stand, and why, under a chosen semantics."""

from __future__ import annotations

import json
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
    from argmap.evaluation.core import EvaluationError
    from argmap.evaluation.iccma import IccmaError, format_of

    fmt = args.source_format or format_of(args.path) or "argmap"
    try:
        if fmt == "argmap":
            result = _evaluate_map(args)
        else:
            result = _evaluate_graph(args, fmt)
    except _Unreadable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except IccmaError as exc:
        return _fail(str(exc))
    except EvaluationError as exc:
        return _fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"{args.path}: cannot read the file: {getattr(exc, 'strerror', None) or exc}")
    print(result)
    return 0


class _Unreadable(Exception):
    pass


def _evaluate_map(args) -> str:
    from argmap.files.loader import load
    from argmap.syntax.parser import ArgmapError

    try:
        m = load(args.path)
    except ArgmapError as exc:
        raise _Unreadable("\n".join(d.format() for d in exc.diagnostics)) from None
    evaluation = m.evaluate(args.semantics)
    if args.format == "json":
        return json.dumps(_map_json(m, evaluation), indent=2, ensure_ascii=False)
    return _map_text(m, evaluation)


def _map_text(m, e) -> str:
    from argmap.evaluation.core import Label

    ids = list(e.labels)
    width = max((len(i) for i in ids), default=0)
    lines = []
    for i in ids:
        label = e.labels[i]
        why = ""
        if i in e.reasons:
            why = str(e.reasons[i])
        elif label is Label.IN:
            why = "no attack on it stands"
        elif e.labellings:
            count = sum(1 for one in e.labellings if one[i] is Label.IN)
            why = f"in {count} of {len(e.labellings)} {e.semantics} labellings"
        if i in e.weakened:
            why = (why + "; " if why else "") + "weakened: every support is out and it cites nothing"
        lines.append(f"{i:<{width}}  {str(label):<5}  {why}".rstrip())
    lines.append(_summary(m.id, e))
    return "\n".join(lines)


def _summary(name: str, e) -> str:
    from argmap.evaluation.core import Label

    counts = {lab: 0 for lab in Label}
    for lab in e.labels.values():
        counts[lab] += 1
    text = (f"{name}: {len(e.labels)} nodes under {e.semantics} semantics: {counts[Label.IN]} in, "
            f"{counts[Label.OUT]} out, {counts[Label.UNDEC]} undecided")
    if e.weakened:
        text += f"; {len(e.weakened)} weakened"
    if e.semantics != "grounded":
        n = len(e.labellings)
        text += f"; {n} {e.semantics} labelling{'' if n == 1 else 's'}"
        if n == 0:
            text += " (no stable labelling exists: every label is UNDEC)"
    return text


def _map_json(m, e) -> dict:
    return {
        "map": m.id,
        "semantics": e.semantics,
        "labels": {k: v.value for k, v in e.labels.items()},
        "reasons": {k: {"by": r.by, "how": r.how, "undecided": r.undecided, "text": str(r)} for k, r in e.reasons.items()},
        "weakened": sorted(e.weakened),
        "links": {k: v.value for k, v in e.links.items()},
        "labellings": [{k: v.value for k, v in one.items()} for one in e.labellings],
        "summary": _summary(m.id, e),
    }


def _evaluate_graph(args, fmt: str) -> str:
    from argmap.evaluation.core import Label, grounded, preferred, stable
    from argmap.evaluation.iccma import read

    graph = read(args.path, fmt)
    if args.semantics == "grounded":
        labellings = [grounded(graph.nodes, graph.attacks)]
    else:
        labellings = list((preferred if args.semantics == "preferred" else stable)(graph.nodes, graph.attacks))
    name = Path(args.path).name
    if args.format == "json":
        return json.dumps({
            "graph": name, "semantics": args.semantics,
            "labellings": [{"labels": {k: v.value for k, v in one.labels.items()},
                            "reasons": dict(one.reasons)} for one in labellings],
        }, indent=2, ensure_ascii=False)
    lines = []
    for number, one in enumerate(labellings, 1):
        if len(labellings) > 1 or args.semantics != "grounded":
            lines.append(f"# {args.semantics} labelling {number}")
        width = max((len(n) for n in one.labels), default=0)
        for node, label in one.labels.items():
            why = f"attacked by {one.reasons[node]}, which is in" if node in one.reasons else ""
            lines.append(f"{node:<{width}}  {str(label):<5}  {why}".rstrip())
    counts = {lab: 0 for lab in Label}
    if labellings:
        for lab in labellings[0].labels.values():
            counts[lab] += 1
    summary = f"{name}: {len(graph.nodes)} arguments, {len(graph.attacks)} attacks under {args.semantics} semantics"
    if args.semantics == "grounded":
        summary += f": {counts[Label.IN]} in, {counts[Label.OUT]} out, {counts[Label.UNDEC]} undecided"
    else:
        summary += f": {len(labellings)} labelling{'' if len(labellings) == 1 else 's'}"
    lines.append(summary)
    return "\n".join(lines)
