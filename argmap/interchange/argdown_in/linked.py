"""Linked attacks back from Argdown: the argument whose conclusion only denies the claim it attacks.

Argdown has no linked attack; argmap writes ``argument x: p + q rebuts c``
as ``<x> {"linked": "rebuts"}`` with premises p and q and the conclusion
``[x_conclusion]: Not: ...`` that attacks ``[c]`` (see
:mod:`argmap.interchange.argdown_out`).  Read back, that shape is the
linked attack again: the denial was never a claim of the map.
"""

from __future__ import annotations

import attrs

from argmap.interchange._common import Report
from argmap.model import Argument, Claim, Ref, Relation


def fold_linked_attacks(entries, argument_ids: dict[str, str], claims: list[Claim], arguments: list[Argument],
                        relations: list[Relation], report: Report) -> None:
    """Turn each argument marked ``{"linked": "rebuts"}`` whose conclusion only attacks one claim into a linked attack.

    *entries* are the reader's argument entries; the lists are changed in place.
    An entry so marked that does not have the shape is left as it is, and said so.
    """
    marked = [e for e in entries if e.steps is not None and e.data.get("linked") == "rebuts"]
    if not marked:
        return
    by_id = {a.id: i for i, a in enumerate(arguments)}
    for entry in marked:
        ident = argument_ids.get(entry.title)
        at = by_id.get(ident) if ident is not None else None
        denial = arguments[at].conclusion if at is not None else None
        used = [r for r in relations if denial in (r.source, getattr(r.target, "source", None), r.target)]
        attacks = [r for r in used if r.kind == "rebuts" and r.source == denial and isinstance(r.target, Ref)]
        others = [a for a in arguments if a.id != ident and denial in (a.conclusion, *a.premises)]
        if denial is None or len(entry.steps) != 1 or len(attacks) != 1 or len(used) != 1 or others:
            report.add("X305", f"<{entry.title}> is marked as a linked attack but its conclusion does more than "
                       "attack one claim; it stays an argument and its conclusion a claim", entry.line, entry.column)
            continue
        arguments[at] = attrs.evolve(arguments[at], conclusion=attacks[0].target, kind="rebuts")
        relations.remove(attacks[0])
        claims[:] = [c for c in claims if c.id != denial.id or denial.map is not None]
