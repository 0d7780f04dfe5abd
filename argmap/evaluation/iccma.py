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
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

FORMATS = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}


class IccmaError(ValueError):
    """Malformed ICCMA input: ``path:line:col: message``."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


@attrs.frozen
class Graph:
    """A plain attack graph: argument names and (attacker, target) pairs."""

    nodes: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...]


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
    return Graph(tuple(nodes), tuple(attacks))


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
    return Graph(tuple(nodes), tuple(attacks))


def read_i23(text: str, path: str = "<string>") -> Graph:
    """An ICCMA 2023 graph: ``p af N`` and attacks ``i j`` with 1 <= i, j <= N."""
    n = None
    attacks = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        col = len(line) - len(line.lstrip()) + 1
        if n is None:
            if len(parts) != 3 or parts[0] != "p" or parts[1] != "af" or not parts[2].isdigit():
                raise IccmaError(path, number, col, f"expected the header `p af N`, found {stripped!r}")
            n = int(parts[2])
            continue
        if len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit():
            raise IccmaError(path, number, col, f"expected an attack `i j` of two argument numbers, found {stripped!r}")
        cols = [m.start() + 1 for m in re.finditer(r"\S+", line)]
        for raw, c in zip(parts, cols):
            if not 1 <= int(raw) <= n:
                raise IccmaError(path, number, c, f"argument {int(raw)} is outside 1..{n} declared by `p af {n}`")
        attacks.append((parts[0], parts[1]))
    if n is None:
        raise IccmaError(path, 1, 1, "the file is empty; an ICCMA 2023 graph starts with `p af N`")
    return Graph(tuple(str(k) for k in range(1, n + 1)), tuple(attacks))


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
    text = Path(path).read_text(encoding="utf-8")
    return READERS[fmt](text, str(path))
