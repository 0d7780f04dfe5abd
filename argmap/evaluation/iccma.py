"""Readers for the attack-graph formats of the ICCMA solver competitions.

* APX (ASPARTIX): ``arg(a).`` and ``att(a,b).`` statements; ``%`` comments.
* TGF (trivial graph format): one argument a line, a ``#`` line, then one
  attack ``a b`` a line.
* ICCMA 2023: a header ``p af N`` and then one attack ``i j`` a line over
  the arguments 1..N; ``#`` starts a comment line.

Formats as described by the ICCMA 2019 and 2023 calls for solvers
(https://iccma2019.dmi.unipg.it/SubmissionFormats.pdf,
https://iccma2023.github.io/rules.html).  Every reader returns a
:class:`Graph` for :func:`argmap.evaluation.core.grounded` and friends, or raises
:class:`IccmaError` naming the file, line and column of the first problem.

The ICCMA 2023 reader is one linear pass: a file written the usual way
(``i j`` and a newline on every line) is checked and split in a few passes
of C code over the whole text; anything else (comments, blank lines, tabs,
an error to report) is read line by line.  A header may not declare more
arguments than the file can name plus :data:`MAX_UNNAMED_ARGUMENTS`, so
that a few bytes cannot make the reader allocate gigabytes.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, islice, repeat
from pathlib import Path

import attrs

from argmap.evaluation.dung import Numbered

FORMATS = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}

MAX_UNNAMED_ARGUMENTS = 1_000_000
"""Most arguments an ICCMA 2023 header may declare beyond those its attack lines can name
(a line ``i j`` names at most two arguments in four characters)."""


class IccmaError(ValueError):
    """Malformed ICCMA input: ``path:line:col: message``."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


@attrs.frozen(eq=False)
class Graph:
    """A plain attack graph: argument names, and the attacks as numbers into them.

    ``edges`` holds each attack as two numbers, attacker then target, into
    ``nodes``; ``attacks`` gives them as (attacker, target) name pairs and
    :attr:`numbered` as successor lists for :mod:`argmap.evaluation.dung`.
    """

    nodes: tuple[str, ...]
    edges: Sequence[int] = attrs.field(repr=False)

    @classmethod
    def of(cls, nodes: Sequence[str], attacks: Sequence[tuple[str, str]]) -> Graph:
        """The graph of *nodes* (each once) and *attacks* between them, by name."""
        nodes = tuple(dict.fromkeys(nodes))
        index = {name: i for i, name in enumerate(nodes)}
        return cls(nodes, [index[name] for pair in attacks for name in pair])

    @property
    def n_attacks(self) -> int:
        return len(self.edges) // 2

    @functools.cached_property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """Every attack as (attacker, target) names, in the order of the file."""
        names, edges = self.nodes, self.edges
        return tuple(zip(map(names.__getitem__, edges[0::2]), map(names.__getitem__, edges[1::2])))

    @functools.cached_property
    def numbered(self) -> Numbered:
        """The graph as successor lists, attacks in the order of the file.

        A file that lists its attacks by attacker, as ICCMA files usually
        are, gives each node's list as one slice of the targets, the slices'
        ends counted in C; any other order is sorted into lists one attack
        at a time.
        """
        edges = self.edges
        attackers, targets = edges[0::2], edges[1::2]
        if all(map(operator.le, attackers, islice(attackers, 1, None))):
            counts = Counter(attackers)
            ends = list(accumulate(map(counts.get, range(len(self.nodes)), repeat(0))))
            succ = list(map(targets.__getitem__, map(slice, [0, *ends[:-1]], ends)))
            return Numbered(self.nodes, succ)
        succ = [[] for _ in self.nodes]
        for a, b in zip(attackers, targets):
            succ[a].append(b)
        return Numbered(self.nodes, succ)


_APX = re.compile(r"\s*(?:(arg)\(\s*([^\s(),.]+)\s*\)|(att)\(\s*([^\s(),.]+)\s*,\s*([^\s(),.]+)\s*\))\s*\.")


def read_apx(text: str, path: str = "<string>") -> Graph:
    """An APX graph; every argument an attack names must be declared with ``arg``."""
    nodes: dict[str, None] = {}
    attacks = []
    pending = []
    for number, line in enumerate(text.splitlines(), 1):
        pos = 0
        body = line.split("%", 1)[0].rstrip()
        while pos < len(body):
            if body[pos:].strip() == "":
                break
            m = _APX.match(body, pos)
            if m is None:
                col = pos + len(body[pos:]) - len(body[pos:].lstrip()) + 1
                raise IccmaError(path, number, col, f"expected `arg(name).` or `att(a,b).`, found {body[col - 1:col + 19]!r}")
            if m.group(1):
                nodes.setdefault(m.group(2))
            else:
                attacks.append((m.group(4), m.group(5)))
                pending.append((number, m.start(4) + 1, m.start(5) + 1))
            pos = m.end()
    for (a, b), (number, ca, cb) in zip(attacks, pending):
        for name, col in ((a, ca), (b, cb)):
            if name not in nodes:
                raise IccmaError(path, number, col, f"the attack names {name!r}, which no `arg({name}).` declares")
    return Graph.of(tuple(nodes), attacks)


def read_tgf(text: str, path: str = "<string>") -> Graph:
    """A TGF graph: node lines (id, optional label), ``#``, edge lines ``a b``."""
    nodes: dict[str, None] = {}
    attacks = []
    in_edges = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "#":
            if in_edges:
                raise IccmaError(path, number, line.index("#") + 1, "a second `#` line; TGF has one, between arguments and attacks")
            in_edges = True
            continue
        parts = stripped.split()
        if not in_edges:
            nodes.setdefault(parts[0])
            continue
        if len(parts) < 2:
            raise IccmaError(path, number, len(line) + 1, f"an attack needs two arguments, `a b`; found {stripped!r}")
        start = len(line) - len(line.lstrip())
        for name, col in ((parts[0], start + 1), (parts[1], line.index(parts[1], start + len(parts[0])) + 1)):
            if name not in nodes:
                raise IccmaError(path, number, col, f"the attack names {name!r}, which is not listed before the `#` line")
        attacks.append((parts[0], parts[1]))
    return Graph.of(tuple(nodes), attacks)


def read_i23(text: str | bytes, path: str = "<string>", *, size: int | None = None) -> Graph:
    """An ICCMA 2023 graph: ``p af N`` and attacks ``i j`` with 1 <= i, j <= N.

    *text* may be the file's bytes (UTF-8), which spares decoding a big
    file.  *size* is the file's size in bytes (default: the text's length):
    the header may declare at most ``size // 2 +``
    :data:`MAX_UNNAMED_ARGUMENTS` arguments.
    """
    size = len(text) if size is None else size
    data = text if isinstance(text, bytes) else None
    if data is None:
        try:
            data = text.encode("ascii")
        except UnicodeEncodeError:
            return _read_i23_lines(text, path, size)
    end = data.find(b"\n")
    head = data[:end] if end >= 0 else data
    parts = head.split()
    if (len(parts) == 3 and parts[:2] == [b"p", b"af"] and parts[2].isdigit()
            and head.isascii() and head.decode().isprintable()):
        start = head.index(b"af") + 2
        n = _declared(int(parts[2]), size, path, 1, head.index(parts[2], start) + 1)
        edges = _plain_attacks(data[end + 1:] if end >= 0 else b"", n)
        if edges is not None:
            return _graph(n, edges)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return _read_i23_lines(text, path, size)


def _declared(n: int, size: int, path: str, line: int, column: int) -> int:
    """*n*, the arguments a header declares, unless the file is too small to mean it."""
    limit = size // 2 + MAX_UNNAMED_ARGUMENTS
    if n > limit:
        raise IccmaError(path, line, column, f"`p af {n}` declares more arguments than a file of {size:,} bytes can "
                                             f"name; argmap reads at most {limit:,} from it")
    return n


def _plain_attacks(data: bytes, n: int) -> list[int] | None:
    """The attacks of a body written the usual way, as numbers from 0; None for anything else.

    The usual way is ``i j`` and a newline on every line, nothing else: then
    deleting the digits leaves `` \\n`` once a line, every token is a
    number, and one pass of ``split`` and ``int`` reads them.
    """
    if not data.endswith(b"\n"):
        data += b"\n"
    separators = data.translate(None, b"0123456789")
    lines = len(separators) // 2
    if separators != b" \n" * lines:
        return None
    tokens = data.split()
    if len(tokens) != 2 * lines:
        return None  # a line with a space but a number missing
    numbers = list(map(int, tokens))
    del tokens
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        return None  # the line-by-line reader says where
    return list(map((1).__rsub__, numbers))  # k - 1 for each, without a Python loop


def _graph(n: int, edges: list[int]) -> Graph:
    return Graph(tuple(map(str, range(1, n + 1))), edges)


def _read_i23_lines(text: str, path: str, size: int) -> Graph:
    """The ICCMA 2023 reader line by line: every form the format allows, and positioned errors."""
    n = None
    edges: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        col = len(line) - len(line.lstrip()) + 1
        if n is None:
            if len(parts) != 3 or parts[0] != "p" or parts[1] != "af" or not parts[2].isdecimal():
                raise IccmaError(path, number, col, f"expected the header `p af N`, found {stripped!r}")
            n = _declared(int(parts[2]), size, path, number, _columns(line)[2])
            continue
        if len(parts) != 2 or not parts[0].isdecimal() or not parts[1].isdecimal():
            raise IccmaError(path, number, col, f"expected an attack `i j` of two argument numbers, found {stripped!r}")
        a, b = int(parts[0]), int(parts[1])
        if not (1 <= a <= n and 1 <= b <= n):
            for value, c in zip((a, b), _columns(line)):
                if not 1 <= value <= n:
                    raise IccmaError(path, number, c, f"argument {value} is outside 1..{n} declared by `p af {n}`")
        edges.append(a - 1)
        edges.append(b - 1)
    if n is None:
        raise IccmaError(path, 1, 1, "the file is empty; an ICCMA 2023 graph starts with `p af N`")
    return _graph(n, edges)


def _columns(line: str) -> list[int]:
    """The column of each whitespace-separated word of *line*, from 1."""
    return [m.start() + 1 for m in re.finditer(r"\S+", line)]


READERS = {"apx": read_apx, "tgf": read_tgf, "i23": read_i23}


def format_of(path: str | Path) -> str | None:
    """The ICCMA format a file's suffix names (``apx``, ``tgf``, ``i23``), or None."""
    return FORMATS.get(Path(path).suffix.lower())


def read(path: str | Path, format: str | None = None) -> Graph:
    """Read an ICCMA file; the format comes from *format* or the suffix.

    Raises OSError/UnicodeDecodeError for unreadable files, :class:`IccmaError`
    for malformed ones, ValueError for an unknown format.
    """
    fmt = format or format_of(path)
    if fmt not in READERS:
        raise ValueError(f"unknown ICCMA format {fmt!r} for {path}: use apx, tgf or i23")
    path = Path(path)
    if fmt == "i23":
        data = path.read_bytes()
        return read_i23(data, str(path), size=len(data))
    return READERS[fmt](path.read_text(encoding="utf-8"), str(path))
