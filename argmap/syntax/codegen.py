"""A Python function per line plan: the plan's tokens made and lark's tree shaping applied, in one call.

lark wraps each rule's Builder method in its tree-shaping callbacks: a child
filter (``to_include``: which children are kept, which inlined rules are
spliced in), ``ExpandSingleChild`` for ``?rule``, the default Tree for rules
the Builder has no method for.  For a plan, all of that is known before any
text is read, so it is read here out of lark's own callback objects and
written out as one expression per line shape: the tokens a rule keeps, in
order, handed to the rule's Builder method (``node_builder``).  The values
are those lark's callbacks make; ``tests/test_lane.py`` holds the two equal.
"""

from __future__ import annotations

from lark import Token
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild


_new = str.__new__


def make_token(m, g, name: str, line: int, line_start: int, flat: int, text: str) -> Token:
    """Group *g* of match *m* as a lark token, with the position lark's lexer gives it.

    *line* and *line_start* are those of the match's first token; before offset
    *flat* (the line's first line break) no position needs a line count.
    """
    start = m.start(g)
    value = m.group(g)
    if start < flat:
        column = start - line_start + 1
    else:
        line += text.count("\n", line_start, start)
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


class Unsupported(Exception):
    """A rule whose shaping this module cannot write out: the lane leaves its lines to lark."""


def shaping(callback):
    """(to_include or None, expand single child?, node_builder) of one of lark's rule callbacks."""
    to_include = None
    if isinstance(callback, ChildFilterLALR_NoPlaceholders):
        to_include, callback = callback.to_include, callback.node_builder
    elif type(callback).__name__.startswith("ChildFilter"):
        raise Unsupported(type(callback).__name__)
    expand1 = isinstance(callback, ExpandSingleChild)
    if expand1:
        callback = callback.node_builder
    return to_include, expand1, callback


def core_of(builder):
    """The builder's own method behind lark's callback *builder* (it reads :class:`Tok` tokens)."""
    core = getattr(builder, "core", None)
    if core is None:  # lark's default: a parse tree, which the lane does not make
        raise Unsupported(getattr(builder, "__name__", repr(builder)))
    return core.__get__(builder.__self__)


def kept(to_include, n: int) -> list[tuple[int, bool]]:
    """The (index, spliced) of the children a rule of *n* symbols keeps."""
    return list(to_include) if to_include is not None else [(i, False) for i in range(n)]


def repetition_keeps(lane, name: str) -> list[tuple[int, bool]]:
    """What one element of lark's repetition rule *name* adds to the rule that splices it in.

    ``x: e | x e`` with ``x`` inlined: the rule that uses ``x`` receives, element
    after element, the children of ``e`` that ``x``'s first rule keeps.
    """
    base, rec, element = lane.repetition(name)
    keep, expand1, _ = shaping(lane.callbacks[base])
    keep = kept(keep, len(element))
    rec_keep, rec_expand1, _ = shaping(lane.callbacks[rec])
    if expand1 or rec_expand1 or not name.startswith("_") or \
            list(rec_keep or ()) != [(0, True)] + [(i + 1, spliced) for i, spliced in keep]:
        raise Unsupported(name)
    return keep


def statement_closer(lane, origin: str, symbols: tuple[str, ...]):
    """``close(values)``: a statement's value from its symbols' values, as its rule keeps and shapes them.

    ``statement`` itself passes the value on; the kept children are written out
    as one list display (a spliced repetition's children with ``*``).
    """
    keep, expand1, builder = shaping(lane.callbacks[lane.rule_of[(origin, symbols)]])
    outer, outer_expand1, _ = shaping(lane.callbacks[lane.rule_of[("statement", (origin,))]])
    if expand1 or outer is not None or not outer_expand1:
        raise Unsupported(origin)
    children = ", ".join(f"*values[{i}]" if spliced else f"values[{i}]" for i, spliced in kept(keep, len(symbols)))
    namespace = {"CORE": core_of(builder)}
    source = f"def close(values):\n    return CORE([{children}])\n"
    exec(compile(source, f"<argmap statement {origin}>", "exec"), namespace)  # noqa: S102 - our own code
    return namespace["close"]


class _Writer:
    """Writes the body of one plan's function: a statement per token, an expression per value."""

    def __init__(self, lane, names: dict, groupindex: dict, elements: dict, env: dict | None = None,
                 indent: str = "    ", broken: bool = False):
        self.lane, self.names, self.groupindex, self.elements = lane, names, groupindex, elements
        self.env: dict = env if env is not None else {"TOK": make_token}
        self.indent = indent
        self.broken = broken  # a token read so far on this line may hold a line break
        self.code: list[str] = []  # the tokens, made in the order lark's lexer makes them
        self.helpers: list[str] = []

    def bind(self, value) -> str:
        name = f"v{len(self.env)}"
        self.env[name] = value
        return name

    def group(self, piece) -> int:
        return self.groupindex[self.names[id(piece)]]

    def token(self, name: str, m: str, g: int) -> str:
        """Statements making group *g* of match *m* a builder's token (see :func:`make_token`); its variable."""
        t = f"t{len(self.code)}"
        pad = self.indent
        newline = name in self.lane.newline_types  # a token that can hold a line break ends elsewhere
        # (a token's end column is its column plus its length, unless it holds a line break)
        if not self.broken:
            # no token before it on the line can hold a line break: it starts on the line's first line
            lines = [f"value = {m}.group({g})", f"c = {m}.start({g}) - ls + 1",
                     f"{t} = ({name!r}, value, line, c, line, c + len(value))"]
        else:
            lines = [f"s = {m}.start({g})", f"value = {m}.group({g})",
                     "if s < flat:", "    l, c = line, s - ls + 1",
                     "else:", "    l, c = line + text.count('\\n', ls, s), s - text.rfind('\\n', 0, s)",
                     f"{t} = ({name!r}, value, l, c, l, c + len(value))"]
        if newline:
            lines[-1:] = ["if '\\n' in value:",
                          f"    {t} = ({name!r}, value, {'line' if not self.broken else 'l'}, c, "
                          f"{'line' if not self.broken else 'l'} + value.count('\\n'), len(value) - value.rfind('\\n'))",
                          "else:", "    " + lines[-1]]
            self.broken = True
        self.code.append("".join(f"{pad}{line}\n" for line in lines))
        return t

    def expr(self, piece, m: str) -> str:
        """The expression of one piece's value (for a spliced repetition: a list of values)."""
        lane = self.lane
        kind = piece[0]
        if kind == "t":
            name, filtered = piece[1], piece[2]
            callback = lane.user_callbacks.get(name)
            group = self.names.get(id(piece), False)
            if filtered and (callback is None or group is False):
                return "None"
            if group is None:
                tok = self.token(name, "m1", 0)  # the line's first token, read before the shape's regex
            elif filtered:  # made only for its lexer callback, and only when that would act
                needle = lane.lazy.get(name)
                g = self.group(piece)
                condition = f"{needle!r} in {m}.group({g})" if needle is not None else "True"
                call = f"{self.bind(callback)}(TOK({m}, {g}, {name!r}, line, ls, flat, text))"
                self.code.append(f"{self.indent}if {condition}:\n{self.indent}    {call}\n")
                return "None"
            else:
                tok = self.token(name, m, self.group(piece))
            if callback is not None:  # a lexer callback wants lark's token: leave such lines to lark
                raise Unsupported(name)
            return tok
        if kind == "n":
            rule = piece[1]
            to_include, expand1, builder = shaping(lane.callbacks[rule])
            subs = [self.expr(p, m) for p in piece[2]]
            children: list[str] = []
            for i, spliced in kept(to_include, len(subs)):
                sub = subs[i]
                if not spliced:
                    children.append(sub)
                elif isinstance(sub, list):  # an inlined rule: its children, known here
                    children += sub
                else:  # a repetition: its children, known when the line is read
                    children.append("*" + sub)
            if rule.origin.name.startswith("_") and not hasattr(lane.transformer, rule.origin.name):
                return children  # lark splices an inlined rule's children into the rule that uses it
            if expand1:
                if len(children) != 1 or children[0].startswith("*"):
                    raise Unsupported(str(rule))
                return children[0]
            return f"{self.bind(core_of(builder))}([{', '.join(children)}])"
        return self.repetition(piece, m)

    def repetition(self, piece, m: str) -> str:
        """A helper reading every element of an in-line repetition; its value is the kept children."""
        regex, element_names = self.elements[id(piece)]
        element = _Writer(self.lane, element_names, regex.groupindex, self.elements, self.env, "        ", True)
        keep = repetition_keeps(self.lane, piece[1])
        subs = [element.expr(p, "e") for p in piece[4]]
        parts: list[str] = []
        for i, spliced in keep:
            sub = subs[i]
            parts += sub if isinstance(sub, list) else [("*" + sub) if spliced else sub]
        body = ", ".join(parts)
        name = f"rep{len(self.env)}"
        self.env[name] = None
        self.helpers += element.helpers
        self.helpers.append(
            f"def {name}(m, g, m1, line, ls, flat, text):\n"
            f"    pos, end = m.start(g), m.end(g)\n"
            f"    out = []\n"
            f"    match = {self.bind(regex)}.match\n"
            f"    while pos < end:\n"
            f"        e = match(text, pos)\n"
            + "".join(element.code) +
            f"        out += [{body}]\n"
            f"        pos = e.end()\n"
            f"    return out\n")
        return f"{name}({m}, {self.group(piece)}, m1, line, ls, flat, text)"


def build_function(lane, plan, groupindex: dict):
    """``build(m, m1, line, ls, flat, text)``: the values of a plan's top pieces, from its match."""
    writer = _Writer(lane, plan.names, groupindex, plan.elements)
    values = [writer.expr(p, "m") for p in plan.shape.pieces]
    # an inlined rule among the line's top pieces: its children, as a list for the statement
    values = [f"[{', '.join(v)}]" if isinstance(v, list) else v for v in values]
    source = "".join(writer.helpers) + (
        "def build(m, m1, line, ls, flat, text):\n"
        + "".join(writer.code) +
        f"    return [{', '.join(values)}]\n")
    namespace = dict(writer.env)
    exec(compile(source, f"<argmap line shape {plan.shape.number}>", "exec"), namespace)  # noqa: S102 - our own code
    return namespace["build"]
