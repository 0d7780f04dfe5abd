"""Line shapes and the regular expression of each, written from the grammar for :mod:`argmap.syntax.lane`.

A shape is a list of *pieces*, the rule's expansion with its in-line
nonterminals chosen: ``("t", terminal, filtered)``, ``("n", rule, pieces)``
for a nonterminal read by one of its rules, ``("r", name, base rule,
recursive rule, pieces)`` for lark's left-recursive repetition of an element.
A plan is the shape's regular expression for one LALR state stack, with the
group name of every token that is kept.
"""

from __future__ import annotations

import attrs

from argmap.syntax.starts import may_overlap


def terms(pieces, k: int) -> list[str]:
    """The terminals of *pieces*, each repetition taken *k* times."""
    out: list[str] = []
    for p in pieces:
        if p[0] == "t":
            out.append(p[1])
        elif p[0] == "n":
            out += terms(p[2], k)
        else:
            for _ in range(k):
                out += terms(p[4], k)
    return out


def shape_key(pieces) -> tuple:
    """A value equal for equal shapes (the rules themselves are not hashable in a stable way)."""
    return tuple((p[0], p[1]) if p[0] == "t" else (p[0], str(p[1]), shape_key(p[2] if p[0] == "n" else p[4]))
                 for p in pieces)


@attrs.define
class Plan:
    """One branch of a line expression: the shape, its steps and where its tokens are in a match."""

    shape: Shape
    steps: list  # (regex of the blanks before a token, of the token, the piece it reads if it is kept)
    names: dict  # id(piece) -> group name (a repetition: the group of the whole run)
    elements: dict  # id(repetition piece) -> (compiled regex of one element, its group names)
    checks: list  # (piece, keywords lark would retype its token to: then the lane must not read it)
    next_stack: tuple
    build: object = None  # build(m, m1, line, line_start, flat, text): its values (see codegen.py)
    keep: list = attrs.field(factory=list)  # for a line of a repetition: what each line adds


class Shape:
    """One line shape: its role in the statement, the rule it comes from and its pieces."""

    def __init__(self, number: int, role: str, origin: str, rep: str | None, pieces: list):
        self.number, self.role, self.origin, self.rep, self.pieces = number, role, origin, rep, pieces
        self.layout = {k: terms(pieces, k) for k in (1, 2, 3)}
        self.symbols = tuple(p[1] if p[0] != "n" else p[1].origin.name for p in pieces)

    def first(self) -> str:
        return self.layout[1][0]

    def plan(self, lane, stack: tuple) -> Plan | None:
        """The branch of this shape for a line starting on *stack*, or None if it cannot start there."""
        sims = [lane.simulate(stack, self.layout[k]) for k in (1, 2, 3)]
        if any(s is None for s in sims) or len({s[2] for s in sims}) != 1:
            return None
        emitter = _Emitter(lane, self, sims[0][0], sims[2][0])
        if emitter.walk(self.pieces, "pre", capture=True) is None:
            return None
        return Plan(self, emitter.steps, emitter.names, emitter.elements, emitter.checks, sims[0][2])


class _Emitter:
    """Writes a shape's regex, walking the lexer states its tokens are read in.

    With a repetition of *n* terminals after *p* others, the shape taken once
    is laid out ``p | n | suffix`` and taken three times ``p | n | n | n |
    suffix``: a repetition's first element is lexed in the states of the
    first layout, its later ones in those of the second element of the
    other, and what follows it in the states after one element or after
    several (both are guarded against).
    """

    def __init__(self, lane, shape: Shape, once: list[int], thrice: list[int], guards: bool = True):
        self.lane, self.shape, self.once, self.thrice, self.guards = lane, shape, once, thrice, guards
        self.pos = {"pre": 0, "el": 0, "later": 0, "suf": 0}
        self.p = self.n = None
        self.count = 0
        self.names: dict | None = {}
        self.elements: dict = {}
        self.checks: list = []
        self.steps: list = []  # (regex, the piece whose token it is, if kept)

    def _states(self, region: str) -> list[int]:
        i = self.pos[region]
        if region == "pre":
            return [self.once[i]]
        if region == "el":
            return [self.once[self.p + i]]
        if region == "later":
            return [self.thrice[self.p + self.n + i], self.thrice[self.p + 2 * self.n + i]]
        return [self.once[self.p + self.n + i], self.thrice[self.p + 3 * self.n + i]]

    def _guarded(self, states: list[int], name: str) -> tuple[str, frozenset] | None:
        """``(?!terminals tried first)(?>pattern)`` for terminal *name* in every one of *states*.

        A terminal tried first that cannot start where *name* can (``:`` before
        a name, a newline before a space) never matches where *name* does: it
        is left out of the look-ahead.
        """
        own = self.lane.terminals[name].pattern.to_regexp()
        before: list[str] = []
        retype: set[str] = set()
        for state in states:
            found = self.lane.competitors(state, name)
            if found is None:
                return None
            for pat in found[0]:
                if pat not in before and may_overlap(pat, own):
                    before.append(pat)
            retype |= found[1]
        guard = f"(?!{'|'.join(before)})" if before and self.guards else ""
        return f"{guard}(?>{own})", frozenset(retype)

    def _ignore(self, states: list[int]) -> str:
        parts = []
        for name in sorted(self.lane.ignore):
            found = self._guarded(states, name)
            if found is not None:
                parts.append(found[0])
        return f"(?:{'|'.join(parts)})?+" if parts else ""

    def walk(self, pieces, region: str, capture: bool) -> str | None:
        """The regex of *pieces*; with *capture*, added to :attr:`steps` a token at a time instead."""
        out = []
        for piece in pieces:
            kind = piece[0]
            if kind == "t":
                # after the repetition, what the shape taken once calls "pre" is the suffix
                at = "suf" if region == "pre" and self.p is not None else region
                states = self._states(at)
                self.pos[at] += 1
                if at == "pre" and self.pos["pre"] == 1:
                    # the first token is read by the state's own lexer, before this regex
                    self.names[id(piece)] = None
                    continue
                found = self._guarded(states, piece[1])
                if found is None:
                    return None
                body, retype = found
                ignore = self._ignore(states)
                keep = not piece[2] or piece[1] in self.lane.user_callbacks
                if capture:
                    self.steps.append((ignore, body, piece if keep else None))
                    if keep and retype:
                        self.checks.append((piece, retype))
                elif self.names is not None and keep:
                    self.count += 1
                    group = f"e{self.count}"
                    self.names[id(piece)] = group
                    out.append(f"{ignore}(?P<{group}>{body})")
                else:
                    out.append(ignore + body)
            elif kind == "n":
                part = self.walk(piece[2], region, capture)
                if part is None:
                    return None
                out.append(part)
            else:
                part = self._repetition(piece, region, capture)
                if part is None:
                    return None
                out.append(part)
        return "".join(out)

    def _repetition(self, piece, region: str, capture: bool) -> str | None:
        if region != "pre" or self.p is not None or self.pos["pre"] == 0 or not capture:
            return None  # one repetition a line, not first: all this grammar needs
        element = piece[4]
        self.p, self.n = self.pos["pre"], len(terms(element, 1))
        names, self.names = self.names, None
        first = self.walk(element, "el", capture=False)
        later = self.walk(element, "later", capture=False)
        self.names = names
        # the element again, with a group per token, to read each repetition's tokens (the
        # line has matched: no need to guard, each token's own pattern finds where it ends)
        scan = _Emitter(self.lane, self.shape, self.once, self.thrice, guards=False)
        scan.p, scan.n = self.p, self.n
        scan_regex = scan.walk(element, "later", capture=False)
        if first is None or later is None or scan_regex is None:
            return None
        self.elements[id(piece)] = (self.lane.compile(scan_regex), scan.names)
        self.steps.append(("", f"{first}(?:{later})*+", piece))
        return ""


def trie_regex(plans: list[Plan]) -> tuple[str, int]:
    """One regex for all *plans*, their common first tokens matched once (a trie of their steps).

    Sets each plan's group names; the group ``b<i>`` closes last when plan *i* matched.
    Returns the regex and the number of groups in it.
    """
    root: dict = {}
    for i, plan in enumerate(plans):
        node = root
        for ignore, body, piece in plan.steps:
            key = (ignore, body, piece is not None)
            node = node.setdefault(key, {})
            if piece is not None:
                node.setdefault("", []).append((plan, piece))
        node.setdefault(None, []).append(i)
    count = 0

    def emit(node) -> str:
        nonlocal count
        branches = []
        for key, child in node.items():
            if key == "":
                continue
            if key is None:
                branches.extend(f"(?P<b{i}>)" for i in child)
                continue
            ignore, body, kept = key
            if kept:
                count += 1
                group = f"g{count}"
                for plan, piece in child[""]:
                    plan.names[id(piece)] = group
                body = f"(?P<{group}>{body})"
            branches.append(ignore + body + emit(child))
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    regex = emit(root)
    for plan in plans:
        plan.checks = [(plan.names[id(piece)], retype) for piece, retype in plan.checks]
    return regex, count + len(plans)
