"""The lane's reading loop: a map's lines matched by the lane's expressions, and their values built.

Each line's first token is read by the lexer of the LALR state the line
starts in; the rest of the line by the expression of the shapes that can
follow (see :mod:`argmap.syntax.lane`).  Each plan's function (see
:mod:`argmap.syntax.codegen`) makes the tokens with their positions and the
values with the rules' Builder methods, in post-order.
"""

from __future__ import annotations

from argmap.syntax.lane import Lane, Stop, _Run


def _refused(plan, m) -> bool:
    """Whether a name the line's match read is a keyword where lark would retype it."""
    return any(m.group(g) in bad for g, bad in plan.checks)


def read(lane: Lane, text: str, pos: int, line: int, ctx: int, statements: list, bucket: list) -> Stop | None:
    """Read statements with *lane* from *pos* (a line's first token, on *line*, in context *ctx*) to the end.

    Appends each statement's value to *statements*; None at the end of the
    text, else where lark must take over.
    """
    n = len(text)
    line_start = text.rfind("\n", 0, pos) + 1
    ignore = lane.ignore
    # per context met: (its first-token match, its keyword retyping, {first token: (rest match, plans)})
    seen: dict[int, tuple] = {}
    statement = lane.statement
    head = None  # the open statement: [origin, symbols, values, and where lark would start (see below)]
    while pos < n:
        entry = seen.get(ctx)
        if entry is None:
            regex, retypes = lane.first(ctx)
            entry = seen[ctx] = (regex.match, retypes, {})
        match, retypes, rests = entry
        m1 = match(text, pos)
        while m1 is not None and m1.lastgroup in ignore:
            m1 = match(text, m1.end())
        if m1 is None:
            break
        kind = m1.lastgroup
        retype = retypes.get(kind)
        if retype:
            kind = retype.get(m1.group(), kind)
        rest = rests.get(kind, False)
        if rest is False:
            found = lane.rest(ctx, kind)
            rest = rests[kind] = (found[0].match, found[1]) if found is not None else None
        if rest is None:
            break
        m2 = rest[0](text, m1.end())
        if m2 is None:
            break
        plan, next_ctx = rest[1][m2.lastgroup]
        if plan.checks and _refused(plan, m2):  # a name lark would read as a keyword: the line is lark's
            break
        start = m1.start()
        shape = plan.shape
        role = shape.role
        flat = text.find("\n", start)
        if role == "head":
            if head is not None:
                statements.append(statement(head[0], head[1], head[2]))
            # the statement's values so far, and where lark would start if the lane stops inside it
            head = [shape.origin, shape.symbols, plan.build(m2, m1, line, line_start, flat if flat >= 0 else n, text),
                    start, line, start - line_start + 1, ctx, kind, len(bucket)]
        elif head is None:  # pragma: no cover - a shape that continues a statement needs one
            break
        elif role == "rep":
            values = plan.build(m2, m1, line, line_start, flat if flat >= 0 else n, text)
            symbols, held = head[1], head[2]
            if symbols[-1] != shape.rep:
                head[1] = (*symbols, shape.rep)
                run = _Run()
                held.append(run)
            else:
                run = held[-1]
            for i, spliced in plan.keep:
                if spliced:
                    run += values[i]
                else:
                    run.append(values[i])
        else:
            head[1] = head[1] + shape.symbols
            head[2] += plan.build(m2, m1, line, line_start, flat if flat >= 0 else n, text)
        end = m2.end()
        breaks = text.count("\n", line_start, end)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", 0, end) + 1
        pos, ctx = end, next_ctx
    else:
        if lane.accepts_end(ctx):
            if head is not None:
                statements.append(statement(head[0], head[1], head[2]))
            return None
    if head is not None:
        start, line, column, at, kind, collected = head[3:]
        return Stop(start, line, column, lane.reduced(at, kind), collected, pos)
    return Stop(pos, line, pos - line_start + 1, lane.reduced_any(ctx), len(bucket), pos)
