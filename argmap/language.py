"""The grammar, read once, and the keyword table read out of it.

``grammar/argmap.lark`` is the one definition of the syntax.  Everything
else that needs to know the language's words (the reserved-word check, the
formatter, the Pygments lexer, the error messages) takes them from here,
computed from the grammar's terminals and rules, so that a keyword added to
the grammar reaches all of them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path

__all__ = [
    "CLAIM_LINE_KEYWORDS", "FIELD_NAMES", "KEYWORDS", "PERSON_KINDS", "RELATION_KINDS", "RESERVED",
    "STANCES", "STATEMENT_KEYWORDS", "STATEMENT_WORDS", "grammar", "grammar_text", "pattern", "words",
]


def grammar_text() -> str:
    """The grammar, from the installed package or from the source tree."""
    # (a path beside this module, not importlib.resources: that costs a tenth of the start-up)
    packaged = Path(__file__).parent / "grammar" / "argmap.lark"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parents[1] / "grammar" / "argmap.lark"
    return source_tree.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def grammar():
    """The grammar as lark loads it (a ``lark.load_grammar.Grammar``), read once: the parser is built
    from this same value (lark compiles a copy of it each time), so the text is not read twice."""
    from lark.load_grammar import load_grammar

    loaded, _ = load_grammar(grammar_text(), "argmap.lark", [], False)
    return loaded


def cache_path(kind: str, text: str) -> str | None:
    """Where what is compiled from grammar *text* is kept between runs, or None when there is nowhere.

    The user's cache folder, one file per grammar, lark and Python version (their digest is in the
    name), so a changed grammar is compiled again; a folder that cannot be made means compiling
    each run.
    """
    from lark import __version__ as lark_version

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "argmap")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    key = f"{text}\0{lark_version}\0{sys.version_info[0]}.{sys.version_info[1]}"
    return os.path.join(folder, f"{kind}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}.pickle")


def _keep(path: str, value) -> None:
    """Write *value* to *path* whole or not at all (a temporary file renamed); a failure only loses the cache."""
    folder = os.path.dirname(path)
    try:
        import tempfile  # only when the cache is written

        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


@functools.lru_cache(maxsize=1)
def _compiled():
    """(terminals by name, rules) as lark compiles the grammar, without building a parser.

    Kept in the cache folder (see :func:`cache_path`): compiling is most of what importing this
    module costs, and every command pays it.
    """
    from lark.grammar import Rule

    path = cache_path("tables", grammar_text())
    found = None
    if path is not None:
        try:
            with open(path, "rb") as f:
                found = pickle.load(f)
        except Exception:  # noqa: BLE001 - absent or unreadable: compiled again
            found = None
    if found is None:
        terminals, rules, _ = grammar().compile(["start"], set())
        found = (terminals, rules)
        if path is not None:
            _keep(path, found)
    terminals, rules = found
    # a rule keeps its hash, which is of strings, whose hashes differ from one run to the next
    rules = [Rule(r.origin, r.expansion, r.order, r.alias, r.options) for r in rules]
    return {t.name: t for t in terminals}, rules


def pattern(name: str) -> str:
    """The regular expression of terminal *name* (a string terminal's, escaped)."""
    return _compiled()[0][name].pattern.to_regexp()


_WORD_LIST = re.compile(r"\(((?:\w+\|)*\w+)\)\\b")


def words(name: str) -> tuple[str, ...]:
    """The words terminal *name* stands for, in the grammar's order.

    A string terminal (``"claim"``) is its one word; a keyword terminal
    written ``(a|b)\\b`` its alternatives; a pattern that starts with a
    literal word (``by[ \\t]+...``) that word; anything else none.
    """
    term = _compiled()[0][name]
    if term.pattern.type == "str":
        value = term.pattern.value
        return (value,) if re.fullmatch(r"\w+", value) else ()
    m = _WORD_LIST.fullmatch(term.pattern.value)
    if m:
        return tuple(m.group(1).split("|"))
    # letters the pattern starts with, none of them made optional or repeated
    lead = re.match(r"[A-Za-z]+(?![*+?{])", term.pattern.value)
    return (lead.group(),) if lead else ()


def _first(symbol: str, seen: frozenset[str] = frozenset()) -> list[str]:
    """The terminals a phrase of *symbol* can start with, in the grammar's order."""
    terminals, rules = _compiled()
    if symbol in terminals:
        return [symbol]
    out: list[str] = []
    for rule in rules:
        if rule.origin.name == symbol and rule.expansion and symbol not in seen:
            for t in _first(rule.expansion[0].name, seen | {symbol}):
                if t not in out:
                    out.append(t)
    return out


def _words_of(symbols: list[str]) -> tuple[str, ...]:
    return tuple(w for s in symbols for w in words(s))


#: Words that start a statement, in the grammar's order (map, use, thesis, ...).
STATEMENT_WORDS: tuple[str, ...] = _words_of(_first("statement"))
STATEMENT_KEYWORDS = frozenset(STATEMENT_WORDS)
#: The relation kinds (supports, rebuts, undercuts, contradicts).
RELATION_KINDS: tuple[str, ...] = words("LINK_KIND")
#: Words that start a line under a claim, other than a relation kind (quote, tags, concession).
CLAIM_LINE_KEYWORDS = frozenset(_words_of(_first("claim_line"))) - frozenset(RELATION_KINDS)
#: A name spelt like one of these would make a line written from it read as something else.
RESERVED = STATEMENT_KEYWORDS | CLAIM_LINE_KEYWORDS | frozenset(RELATION_KINDS)
FIELD_NAMES: tuple[str, ...] = words("FIELD_NAME")
STANCES: tuple[str, ...] = words("STANCE")
PERSON_KINDS: tuple[str, ...] = words("PERSON_KIND")
#: Every word the grammar gives a meaning to.
KEYWORDS = frozenset(w for name in _compiled()[0] for w in words(name))
