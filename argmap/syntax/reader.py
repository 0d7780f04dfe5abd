"""The lane's reading loop: a map's lines matched by the lane's expressions, and their values built.

Each line's first token is read by the lexer of the LALR state the line
starts in; the rest of the line by the expression of the shapes that can
follow (see :mod:`argmap.syntax.lane`).  The tokens are made with their
positions and the values by lark's callbacks, in post-order.
"""

from __future__ import annotations

from lark import Token

from argmap.syntax.lane import Lane, Stop, _Run


def read(lane: Lane, text: str, pos: int, line: int, ctx: int, statements: list, bucket: list) -> Stop | None:
    """Read statements with *lane* from *pos* (a line's first token, on *line*, in context *ctx*) to the end.

    Appends each statement's value to *statements*; None at the end of the
    text, else where lark must take over.
    """
    n = len(text)
    line_start = text.rfind("\n", 0, pos) + 1
    ignore = lane.ignore
    rests = lane._rest
    firsts = lane._first
    head = None  # the open statement: (origin, symbols, values, Stop to fall back to)
    while pos < n:
        first = firsts.get(ctx) or lane.first(ctx)
        m1 = first[0].match(text, pos)
        while m1 is not None and m1.lastgroup in ignore:
            m1 = first[0].match(text, m1.end())
        if m1 is None:
            break
        kind = m1.lastgroup
        retype = first[1].get(kind)
        if retype:
            kind = retype.get(m1.group(), kind)
        rest = rests.get((ctx, kind), False)
        if rest is False:
            rest = lane.rest(ctx, kind)
        if rest is None:
            break
        m2 = rest[0].match(text, m1.end())
        if m2 is None:
            break
        plan, next_ctx = rest[1][m2.lastgroup]
        if plan.checks and any(m2.group(g) in bad for g, bad in plan.checks):
            break
        start = m1.start()
        shape = plan.shape
        if shape.role == "head":
            if head is not None:
                statements.append(lane.statement(*head[:3]))
            # where lark would start if the lane stops inside this statement
            head = (shape.origin, list(shape.symbols), [], (start, line, start - line_start + 1, ctx, kind,
                                                           len(bucket)))
        elif head is None:  # pragma: no cover - a shape that continues a statement needs one
            break
        values = _Reader(text, m1, line, line_start).run(plan.recipe, m2)
        if shape.role == "rep":
            symbols, held = head[1], head[2]
            if symbols and symbols[-1] == shape.rep and type(held[-1]) is _Run:
                held[-1].append(values)
            else:
                symbols.append(shape.rep)
                held.append(_Run([values]))
        else:
            if shape.role == "seg":
                head[1].extend(shape.symbols)
            head[2].extend(values)
        end = m2.end()
        breaks = text.count("\n", line_start, end)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", 0, end) + 1
        pos, ctx = end, next_ctx
    else:
        if lane.accepts_end(ctx):
            if head is not None:
                statements.append(lane.statement(*head[:3]))
            return None
    if head is not None:
        start, line, column, at, kind, collected = head[3]
        return Stop(start, line, column, lane.reduced(at, kind), collected, pos)
    return Stop(pos, line, pos - line_start + 1, lane.reduced_any(ctx), len(bucket), pos)


_new = str.__new__


def make_token(type_: str, value: str, start: int, line: int, column: int, text: str) -> Token:
    """A lark token with its position, as lark's lexer makes it."""
    tok = _new(Token, value)
    tok.type = type_
    tok.value = value
    tok.start_pos = start
    tok.line = line
    tok.column = column
    tok.end_pos = start + len(value)
    breaks = value.count("\n")
    if breaks:
        tok.end_line = line + breaks
        tok.end_column = len(value) - value.rfind("\n")
    else:
        tok.end_line = line
        tok.end_column = column + len(value)
    return tok


class _Reader:
    """The values of one matched line: its tokens, and lark's callbacks for its rules."""

    __slots__ = ("text", "m1", "line", "line_start", "flat_until")

    def __init__(self, text: str, m1, line: int, line_start: int):
        self.text, self.m1, self.line, self.line_start = text, m1, line, line_start
        # before the line's first line break every token is on the line's first line
        end = text.find("\n", m1.start())
        self.flat_until = end if end >= 0 else len(text)

    def token(self, name: str, m, group) -> Token:
        start = m.start(group)
        value = m.group(group)
        if start < self.flat_until:
            line, column = self.line, start - self.line_start + 1
        else:
            text = self.text
            line = self.line + text.count("\n", self.line_start, start)
            column = start - text.rfind("\n", 0, start)
        tok = _new(Token, value)
        tok.type = name
        tok.value = value
        tok.start_pos = start
        tok.line = line
        tok.column = column
        tok.end_pos = start + len(value)
        if "\n" in value:
            tok.end_line = line + value.count("\n")
            tok.end_column = len(value) - value.rfind("\n")
        else:
            tok.end_line = line
            tok.end_column = column + len(value)
        return tok

    def run(self, ops: list[tuple], m) -> list:
        """Run a plan's steps on its match *m*: the values of the line's top pieces."""
        stack: list = []
        push = stack.append
        for op in ops:
            code = op[0]
            if code == 0:
                push(None)
            elif code == 1:
                tok = self.token(op[1], m, op[2]) if op[2] is not None else self.token(op[1], self.m1, 0)
                push(op[3](tok) if op[3] is not None else tok)
            elif code == 3:
                n = op[1]
                args = stack[-n:]
                del stack[-n:]
                push(op[2](args))
            elif code == 2:
                worth = op[4]
                if worth is not None and not worth(m.group(op[2])):
                    push(None)
                else:
                    push(op[3](self.token(op[1], m, op[2])))
            else:
                pos, end = m.start(op[1]), m.end(op[1])
                regex, element_ops, base, rec = op[2], op[3], op[4], op[5]
                value = None
                while pos < end:
                    e = regex.match(self.text, pos)
                    children = self.run(element_ops, e)
                    value = base(children) if value is None else rec([value, *children])
                    pos = e.end()
                push(value)
        return stack
