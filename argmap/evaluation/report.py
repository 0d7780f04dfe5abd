"""Evaluations written out: the text ``argmap eval`` prints and the JSON it writes.

For a map (:func:`map_text`, :func:`map_json`) and for a plain graph read
from an ICCMA file (:func:`graph_text`, :func:`graph_json`).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Sequence
from itertools import compress, repeat

from argmap.evaluation.dung import IN, LABELS, OUT, UNDEC, Label


def summary(e, name: str) -> str:
    """``name: N nodes under S semantics: ...``: the counts of an :class:`~argmap.evaluation.labels.Evaluation`."""
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


def map_text(e, name: str) -> str:
    """One line a node (id, label, why) and the summary line."""
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
    lines.append(summary(e, name))
    return "\n".join(lines)


def head(kind: str, name: str, semantics: str) -> dict:
    """The keys every ``argmap eval --format json`` result begins with (docs/evaluation.md, "JSON output"):
    ``kind`` (``map`` or ``graph``), ``name``, ``semantics``, and ``map`` or ``graph`` naming it again."""
    return {"kind": kind, "name": name, kind: name, "semantics": semantics}


def map_json(e, name: str) -> dict:
    """The evaluation as JSON-ready data: labels, reasons (with their words), weakened, links, labellings.

    ``labellings`` has the shape a plain graph's has: each ``{"labels", "reasons"}``, the reasons the
    IN attacker of each OUT node where the labelling is the one ``labels`` gives, else empty.
    """
    labels = {k: v.value for k, v in e.labels.items()}
    by = {k: r.by for k, r in e.reasons.items() if r.by is not None and e.labels.get(k) is not None
          and e.labels[k].value == "out"}
    labellings = []
    # grounded has one labelling, the labels themselves; another semantics lists its own (stable may have none)
    for one in (e.labellings or ((e.labels,) if e.semantics == "grounded" else ())):
        values = {k: v.value for k, v in one.items()}
        labellings.append({"labels": values, "reasons": by if values == labels else {}})
    return {
        **head("map", name, e.semantics),
        "labels": labels,
        "reasons": {k: {"by": r.by, "how": r.how, "undecided": r.undecided, "text": str(r)} for k, r in e.reasons.items()},
        "weakened": sorted(e.weakened),
        "links": {k: v.value for k, v in e.links.items()},
        "labellings": labellings,
        "summary": summary(e, name),
    }


def dumps(data: dict) -> str:
    """JSON as ``argmap eval`` writes it: indented, UTF-8 characters as they are."""
    return json.dumps(data, indent=2, ensure_ascii=False)


# ------------------------------------------------------------ plain graphs ----


def graph_text(name: str, semantics: str, names: Sequence[str], n_attacks: int,
               labellings: Sequence[tuple[bytearray, object]]) -> str:
    """The labellings of a plain graph, one line a node, then a summary line.

    Each labelling is (label codes, the IN attacker of each OUT node: a list
    with -1 for none, or a dict), on the nodes *names*.
    """
    lines: list[str] = []
    width = max(map(len, names), default=0)
    pad = list(map(str.ljust, names, repeat(width))) if labellings else []
    tails = ("  UNDEC", "  IN", "")  # by label code; an OUT line is written whole below
    for number, (lab, reason) in enumerate(labellings, 1):
        if len(labellings) > 1 or semantics != "grounded":
            lines.append(f"# {semantics} labelling {number}")
        by = reason.get if isinstance(reason, dict) else reason.__getitem__
        body = list(map(operator.add, pad, map(tails.__getitem__, lab)))
        out = list(compress(range(len(lab)), map(OUT.__eq__, lab)))
        words = map("{}  OUT    attacked by {}, which is in".format,
                    map(pad.__getitem__, out), map(names.__getitem__, map(by, out)))
        for i, line in zip(out, words):
            body[i] = line
        lines += body
    counts = {IN: 0, OUT: 0, UNDEC: 0}
    if labellings:
        first = labellings[0][0]
        counts = {code: first.count(code) for code in counts}
    text = f"{name}: {len(names)} arguments, {n_attacks} attacks under {semantics} semantics"
    if semantics == "grounded":
        text += f": {counts[IN]} in, {counts[OUT]} out, {counts[UNDEC]} undecided"
    else:
        text += f": {len(labellings)} labelling{'' if len(labellings) == 1 else 's'}"
    lines.append(text)
    return "\n".join(lines)


def graph_json(name: str, semantics: str, names: Sequence[str],
               labellings: Sequence[tuple[bytearray, object]]) -> dict:
    """The labellings of a plain graph as JSON-ready data (labellings as for :func:`graph_text`)."""
    values = [label.value for label in LABELS]
    out = []
    for lab, reason in labellings:
        pairs = enumerate(reason) if isinstance(reason, list) else reason.items()
        out.append({"labels": dict(zip(names, map(values.__getitem__, lab))),
                    "reasons": {names[y]: names[x] for y, x in pairs if x >= 0}})
    return {**head("graph", name, semantics), "labellings": out}


__all__ = ["LABELS", "dumps", "graph_json", "graph_text", "map_json", "map_text", "summary"]
