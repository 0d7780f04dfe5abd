"""Rules about groups (``group id (parent): title`` and a claim's ``in id`` line): a group no
statement defines (S220), and groups that sit inside each other in a ring (S221)."""

from __future__ import annotations

from argmap.checks.rules import Finding, rule
from argmap.diagnostics import Severity
from argmap.suggest import did_you_mean

GROUPS = ("structure", "groups")


def _hint(name: str, known) -> str:
    return did_you_mean(name, known) or (
        f"define it: `group {name}: Its title`" if not known else f"the groups are {', '.join(sorted(known)[:8])}")


@rule("S220", "unknown-group", Severity.ERROR, GROUPS)
def unknown_group(ctx):
    """A claim's `in` line, or a group's parent, names no group of the map.

    What it finds: `in NAME` under a claim, or `group g (NAME): ...`, where
    no `group NAME: ...` line defines NAME.
    Why it matters: the claim is drawn outside every box and listed under no
    section, which is not what its `in` line says; usually the name is
    misspelt.

    Fails:
        group moscow: What Moscow says
        claim russian_law: Russia says the islands are Russian under its law.
          in mosow

    Passes:
        group moscow: What Moscow says
        claim russian_law: Russia says the islands are Russian under its law.
          in moscow
    """
    m = ctx.map
    known = m.group_table
    for g in m.groups:
        if g.parent is not None and (g.parent.map is not None or g.parent.id not in known):
            yield Finding(g.parent.span if g.parent.span.line else g.span,
                          f"group {g.id} sits in {g.parent}, which is no group of this map", _hint(str(g.parent), [k for k in known if k != g.id]))
    for c in m.claims:
        if c.group is not None and c.group not in known:
            yield Finding(c.group_span if c.group_span.line else c.span,
                          f"claim {c.id} is in group {c.group}, which is not defined", _hint(c.group, known))


@rule("S221", "group-cycle", Severity.ERROR, GROUPS)
def group_cycle(ctx):
    """Groups that sit inside each other in a ring.

    What it finds: `group a (b)` and `group b (a)`, or a longer ring, or a
    group inside itself.
    Why it matters: a box cannot hold the box that holds it: the diagram
    cannot draw the groups, and the sections of a brief have no order.

    Fails:
        group russia (talks): Russia's side
        group talks (russia): The talks

    Passes:
        group talks: The talks
        group russia (talks): Russia's side
    """
    table = ctx.map.group_table
    reported: set[str] = set()
    for g in ctx.map.groups:
        if g.id in reported:
            continue
        ring, at = [], g
        while at is not None and at.id not in ring and at.id not in reported:
            ring.append(at.id)
            parent = at.parent
            at = table.get(parent.id) if parent is not None and parent.map is None else None
        if at is not None and at.id == g.id:  # back where it started: g is on a ring
            reported.update(ring)
            yield Finding(g.span, f"group {g.id} sits inside itself: {' in '.join([*ring, g.id])}",
                          f"take the parent off one of them: `group {ring[-1]}: ...`")
