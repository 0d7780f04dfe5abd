"""The line lane: a map read a line at a time, by regular expressions compiled from the grammar.

Nearly every line of a map is one of a few shapes.  This module reads lark's
compiled grammar (its rules, terminals, LALR table and contextual lexers) and
turns every line-level rule into *line shapes*: a rule's expansion cut at each
``_NL``, its in-line nonterminals (``text``, ``ref``, ``target``...) expanded
into each of their alternatives, lark's left-recursive ``__x_star_n`` rules
read as repetitions.  For the parser state a line starts in, the shapes that
can follow are joined into one regular expression with a group per terminal.

The expression does what lark's contextual lexer would do, token by token: it
is built from the lexer of the LALR state each token would be read in (found
by running the LALR table over the shape's terminals), so a token is matched
by its terminal's own pattern, as an atomic group (lark matches each terminal
on its own), after a negative look-ahead for every terminal that lexer would
try first.  The first token of a line is read by that state's lexer itself
(lark's alternation, and the keyword check lark applies to names).

On a match the lane makes the tokens (with their line, column and offsets)
and hands each rule's kept children to its Builder method, in post-order, as
lark's callbacks would (:mod:`argmap.syntax.codegen` writes that out per
shape from lark's own callback objects), so the model is built by the Builder
exactly as when lark parses.  A line no shape fits is left to lark:
:func:`argmap.syntax.reader.read` stops there and says where the statement it
belongs to started.
"""

from __future__ import annotations

import itertools
import re

import attrs
from lark import Lark, Token
from lark.lexer import CallChain, UnlessCallback
from lark.parsers.lalr_analysis import Shift

from argmap.syntax.codegen import build_function, core_of, kept, repetition_keeps, shaping, statement_closer
from argmap.syntax.shapes import Plan, Shape, shape_key, terms, trie_regex
from argmap.syntax.starts import may_hold

_MAX_GROUPS = 400  # a guard on the size of one line's expression (Python's re has no limit since 3.5)


@attrs.frozen
class Stop:
    """Where the lane stopped: *pos* is the start of the statement lark must read."""

    pos: int
    line: int
    column: int
    stack: tuple[int, ...]  # the LALR state stack, everything before *pos* reduced
    bucket: int  # comments collected before *pos*
    failed: int = -1  # the line the lane could not read


def _unless(callback) -> dict[str, str]:
    """The keywords an unless-callback retypes a name token to: {value: terminal}."""
    while isinstance(callback, CallChain):
        callback = callback.callback1
    if isinstance(callback, UnlessCallback):
        return {t.pattern.value: t.name for t in callback.scanner.terminals}
    return {}


def _deferred(lane: Lane, plan: Plan, groupindex: dict):
    """A stand-in for *plan*'s build function that writes and compiles it on its first call.

    An expression joins every shape that can follow a line's first token, but a
    map uses few of them: compiling each one only when a line of its shape is
    met keeps most of that work out of reading a small map.
    """
    def build(*args):
        plan.build = real = build_function(lane, plan, groupindex)
        return real(*args)

    return build


class Lane:
    """The line shapes of one lark parser, compiled lazily for each parser state met."""

    def __init__(self, lark: Lark, lazy_callbacks: dict[str, str]):
        frontend = lark.parser
        parser = frontend.parser.parser
        table = parser.parse_table
        self.states = table.states
        self.start_state = table.start_states["start"]
        self.end_state = table.end_states["start"]
        self.callbacks = parser.callbacks
        self.transformer = lark.options.transformer
        self.lexers = frontend.lexer.lexers
        self.terminals = {t.name: t for t in lark.terminals}
        self.ignore = frozenset(lark.lexer_conf.ignore)
        self.user_callbacks = dict(lark.lexer_conf.callbacks)
        # a user callback is only worth a token holding this string (a `#` in a newline token)
        self.lazy = lazy_callbacks
        # the terminals whose tokens can hold a line break (lark's guess, narrowed by reading each pattern)
        self.newline_types = frozenset(name for name in frontend.lexer.root_lexer.newline_types
                                       if may_hold(self.terminals[name].pattern.to_regexp(), "\n"))
        self.by_origin: dict[str, list] = {}
        for rule in lark.rules:
            self.by_origin.setdefault(rule.origin.name, []).append(rule)
        self.rule_of = {(r.origin.name, tuple(s.name for s in r.expansion)): r for r in lark.rules}
        self._shapes_by_first: dict[str, list] = {}
        self._derive()
        self._ctx: dict[tuple, int] = {}
        self._stacks: list[tuple] = []
        self._first: dict[int, tuple] = {}
        self._rest: dict[tuple, object] = {}
        self._compiled: dict[str, object] = {}
        self._closers: dict[tuple, object] = {}
        self.base = self.context((self.start_state,))
        #: lark's repetition rule for the statements of ``start``
        self.star = next(s.name for r in self.by_origin["start"] for s in r.expansion if self._rep(s.name))

    # -- shapes ------------------------------------------------------------------

    def _rep(self, name: str):
        """(base rule, recursive rule, element symbols) when *name* is lark's repetition rule."""
        rules = self.by_origin.get(name, ())
        if len(rules) != 2:
            return None
        base, rec = sorted(rules, key=lambda r: len(r.expansion))
        element = [s.name for s in base.expansion]
        if [s.name for s in rec.expansion] != [name, *element]:
            return None
        return base, rec, base.expansion

    def _has_newline(self, name: str, seen=frozenset()) -> bool:
        if name in self.terminals or name in seen:
            return name == "_NL"
        return any(self._has_newline(s.name, seen | {name}) for r in self.by_origin[name] for s in r.expansion)

    def _inline(self, symbols) -> list[list]:
        """Every expansion of a run of in-line symbols, as lists of pieces."""
        choices = []
        for sym in symbols:
            name = sym.name
            if name in self.terminals or name == "$END":
                choices.append([("t", name, sym.filter_out)])
            elif (rep := self._rep(name)) is not None:
                base, rec, element = rep
                choices.append([("r", name, base, rec, elem) for elem in self._inline(element)])
            else:
                choices.append([("n", rule, sub) for rule in self.by_origin[name] for sub in self._inline(rule.expansion)])
        return [list(combo) for combo in itertools.product(*choices)]

    def _derive(self) -> None:
        """Cut every line-level rule into line shapes: (role, origin rule name, pieces)."""
        shapes = []
        statement_rules = [r.expansion[0].name for r in self.by_origin["statement"]]
        for origin in statement_rules:
            for rule in self.by_origin[origin]:
                segment: list = []
                index = 0
                for sym in rule.expansion:
                    rep = self._rep(sym.name) if sym.name not in self.terminals else None
                    if rep is not None and self._has_newline(sym.name):
                        # a repetition of whole lines: each element is a line of its own
                        for element in self._lines_of(rep[2]):
                            shapes.append(("rep", origin, sym.name, element))
                        index += 1
                        continue
                    segment.append(sym)
                    if sym.name == "_NL":
                        for pieces in self._inline(segment):
                            shapes.append(("head" if index == 0 else "seg", origin, None, pieces))
                        segment = []
                        index += 1
        seen = set()
        for role, origin, rep, pieces in shapes:
            key = (role, origin, rep, shape_key(pieces))
            if key in seen:
                continue
            seen.add(key)
            shape = Shape(len(seen), role, origin, rep, pieces)
            self._shapes_by_first.setdefault(shape.first(), []).append(shape)

    def _lines_of(self, element) -> list[list]:
        """The one-line expansions of a repeated element (``claim_line`` -> quote, tags...)."""
        return [p for p in self._inline(element) if terms(p, 1)[-1] == "_NL" and terms(p, 1).count("_NL") == 1]

    # -- the LALR table ------------------------------------------------------------

    def context(self, stack: tuple) -> int:
        """The id of a state stack a line can start in."""
        ctx = self._ctx.get(stack)
        if ctx is None:
            ctx = self._ctx[stack] = len(self._stacks)
            self._stacks.append(stack)
        return ctx

    def stack(self, ctx: int) -> tuple:
        return self._stacks[ctx]

    def simulate(self, stack, terms):
        """(the state each terminal is lexed in, the stack before the first shift, the final stack), or None."""
        states, end_state = self.states, self.end_state
        stack = list(stack)
        lexed = []
        before = None
        for t in terms:
            lexed.append(stack[-1])
            while True:
                act = states[stack[-1]].get(t)
                if act is None:
                    return None
                action, arg = act
                if action is Shift:
                    if before is None:
                        before = tuple(stack)
                    stack.append(arg)
                    break
                if arg.expansion:
                    del stack[-len(arg.expansion):]
                _, goto = states[stack[-1]][arg.origin.name]
                stack.append(goto)
                if t == "$END" and goto == end_state:
                    return lexed, before, tuple(stack)
        return lexed, before, tuple(stack)

    def accepts_end(self, ctx: int) -> bool:
        """Whether the text may end here (every open statement complete)."""
        return self.simulate(self._stacks[ctx], ["$END"]) is not None

    def reduced(self, ctx: int, first: str) -> tuple:
        """The stack a statement starting with terminal *first* is read from, all before it reduced."""
        found = self.simulate(self._stacks[ctx], [first])
        return found[1] if found else self._stacks[ctx]

    # -- the expressions -------------------------------------------------------------

    def first(self, ctx: int):
        """(the first-token expression, {terminal: {keyword: terminal}}) of a line starting in *ctx*."""
        found = self._first.get(ctx)
        if found is None:
            lexer = self.lexers[self._stacks[ctx][-1]]
            scanner = lexer.scanner
            regex = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in scanner.terminals)
            retype = {name: _unless(cb) for name, cb in lexer.callback.items() if _unless(cb)}
            found = self._first[ctx] = (self.compile(regex), retype)
        return found

    def competitors(self, state: int, term: str) -> tuple[list[str], frozenset] | None:
        """(patterns of the terminals the lexer of *state* tries before *term*, keywords it retypes *term* to).

        None when that lexer has no such terminal of its own (a keyword it reads as a
        name and retypes): such a token is for lark, not the lane.
        """
        lexer = self.lexers[state]
        order = [t.name for t in lexer.scanner.terminals]
        if term not in order:
            return None
        before = [t.pattern.to_regexp() for t in lexer.scanner.terminals[:order.index(term)]]
        return before, frozenset(_unless(lexer.callback.get(term)))

    def rest(self, ctx: int, first: str):
        """(the expression for the rest of a line whose first token is *first*, its plans), or None."""
        key = (ctx, first)
        found = self._rest.get(key, False)
        if found is not False:
            return found
        stack = self._stacks[ctx]
        plans: list[Plan] = [p for shape in self._shapes_by_first.get(first, ())
                             if (p := shape.plan(self, stack)) is not None]
        regex, groups = trie_regex(plans) if plans else ("", 0)
        if not plans or groups > _MAX_GROUPS:
            found = None
        else:
            compiled = self.compile(regex)
            for p in plans:
                p.build = _deferred(self, p, compiled.groupindex)
                if p.shape.role == "rep":
                    p.keep = repetition_keeps(self, p.shape.rep)
            found = (compiled, {f"b{i}": (p, self.context(p.next_stack)) for i, p in enumerate(plans)})
        self._rest[key] = found
        return found

    def compile(self, regex: str):
        """*regex* compiled, once for every plan that writes the same one."""
        compiled = self._compiled.get(regex)
        if compiled is None:
            compiled = self._compiled[regex] = re.compile(regex)
        return compiled

    # -- reading -----------------------------------------------------------------------

    def repetition(self, name: str):
        """(base rule, recursive rule, element symbols) of lark's repetition rule *name*."""
        found = self._rep(name)
        if found is None:
            raise KeyError(name)
        return found

    def statement(self, origin: str, symbols: tuple[str, ...], values: list):
        """One statement's value: its children as its rule keeps them, to its Builder method."""
        key = (origin, symbols)
        close = self._closers.get(key)
        if close is None:
            close = self._closers[key] = statement_closer(self, origin, symbols)
        return close(values)

    def finish(self, statements: list, leading: Token | None):
        """What lark's ``start`` rule makes of the statements (and the file's leading newlines)."""
        symbols, values = [], []
        if leading is not None:
            symbols.append("_NL")
            values.append(leading)
        if statements:
            symbols.append(self.star)
            values.append(statements)
        keep, _, builder = shaping(self.callbacks[self.rule_of[("start", tuple(symbols))]])
        builder = core_of(builder)
        children: list = []
        for i, spliced in kept(keep, len(symbols)):
            if spliced:
                children += values[i]
            else:
                children.append(values[i])
        return builder(children)

    def is_star(self, below: int, state: int) -> bool:
        """Whether *state* on top of *below* holds the statements read so far."""
        return self.states[below].get(self.star) == (Shift, state)

    def with_statements(self, stack: tuple) -> tuple:
        """*stack* (everything before a statement reduced) once that statement is read too."""
        if len(stack) > 1 and self.is_star(stack[-2], stack[-1]):
            return stack
        return (*stack, self.states[stack[-1]][self.star][1])

    def starts_statement(self, text: str, pos: int) -> bool:
        """Whether the line at *pos* starts a statement: its first two tokens can begin one."""
        stack = self.with_statements(self._stacks[self.base])
        terms: list[str] = []
        for _ in range(2):
            ctx = self.context(stack if not terms else self.simulate(stack, terms)[2])
            first, retype = self.first(ctx)
            m = first.match(text, pos)
            while m is not None and m.lastgroup in self.ignore:
                m = first.match(text, m.end())
            if m is None:
                return False
            kind = m.lastgroup
            if kind in retype:
                kind = retype[kind].get(m.group(), kind)
            terms.append(kind)
            if self.simulate(stack, terms) is None:
                return False
            pos = m.end()
        return True

    def reduced_any(self, ctx: int) -> tuple:
        """The stack of *ctx* with a finished statement reduced (for a line that starts none)."""
        stack = self._stacks[ctx]
        for shapes in self._shapes_by_first.values():
            for shape in shapes:
                if shape.role == "head":
                    found = self.simulate(stack, [shape.first()])
                    if found is not None:
                        return found[1]
        return stack


class _Run(list):
    """The elements of a repetition of whole lines (a claim's lines, a header's fields) so far."""
