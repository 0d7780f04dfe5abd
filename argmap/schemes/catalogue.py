"""The catalogue of argumentation schemes: premises, conclusion and critical questions.

The catalogue argmap ships (``walton.toml`` beside this module) follows the
compendium of Walton, Reed & Macagno, *Argumentation Schemes* (2008), ch. 9.
A user's TOML files, in the same layout, add schemes or replace shipped ones
by id (:mod:`argmap.schemes.reading` reads them)::

    cat = load_catalogue([Path("my-schemes.toml")])
    scheme = cat["Argument From Expert Opinion"]      # by id, alias or AIF label
    print(explain_scheme(scheme))

A file that cannot be used raises :class:`CatalogueError` with its file,
line and column and a message in plain words (docs/schemes.md).
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterator

import attrs

from argmap.suggest import close_matches

__all__ = ["NO_SCHEME_LABELS", "Catalogue", "CatalogueError", "CriticalQuestion", "Premise", "Scheme",
           "explain_scheme", "names_no_scheme", "normalise"]


#: AIF's labels for an inference, conflict, rephrase or preference with no scheme (AIFdb, OVA):
#: they name no scheme.
NO_SCHEME_LABELS = ("Default Inference", "RA", "Inference", "Default Conflict", "CA", "Conflict",
                    "Default Rephrase", "MA", "Rephrase", "Default Preference", "PA", "Preference")



def normalise(name: str) -> str:
    """*name* as looked up: case, spaces, underscores and hyphens do not count.

    ``"Expert Opinion"``, ``"expert_opinion"`` and ``"EXPERT-OPINION"`` are
    one name.
    """
    return re.sub(r"[\s_\-]+", "", name.casefold())


_NO_SCHEME = frozenset(normalise(label) for label in NO_SCHEME_LABELS)


def names_no_scheme(label: str) -> bool:
    """Whether an S-node's label (``"RA"``, ``"Default Inference"``, empty) says only what kind of node it is."""
    return not label.strip() or normalise(label) in _NO_SCHEME


# ---------------------------------------------------------------- values ----


@attrs.frozen
class Premise:
    """One premise of a scheme: its name (``major``, ``similarity``) and its text."""

    id: str
    text: str

    @property
    def title(self) -> str:
        """The premise as the literature names it: ``major`` -> ``major premise``."""
        return self.id.replace("_", " ") + " premise"


@attrs.frozen
class CriticalQuestion:
    """A question that puts an argument of the scheme in doubt.

    ``premise`` names the premise the question doubts; None means it doubts
    the step from the premises to the conclusion (an exception or an unstated
    assumption).
    """

    id: str
    text: str
    premise: str | None = None


LETTER_ROLES = {
    "speaker": "the one who gives the reason",
    "reason": "the reason",
    "conclusion": "the conclusion",
}
"""What a scheme's letter may stand for in a map's inference (the ``letters`` table of a catalogue)."""


def fill_letters(text: str, letters: dict[str, str]) -> str:
    """*text* with each letter of *letters* (a whole word: ``E``, ``E's``, not ``Eu``) replaced by its words."""
    if not letters:
        return text
    pattern = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, sorted(letters, key=len, reverse=True))) + r")(?!\w)")
    return pattern.sub(lambda m: letters[m.group(1)], text)


@attrs.frozen
class Scheme:
    """One argumentation scheme; ``origin`` is the file it was read from."""

    id: str
    name: str
    premises: tuple[Premise, ...]
    conclusion: str
    questions: tuple[CriticalQuestion, ...]
    source: str
    aif: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    letters: tuple[tuple[str, str], ...] = ()
    """The letters of the scheme's texts that stand for a part of the map's inference: ``(("E", "speaker"),
    ("A", "conclusion"))``; the parts are those of :data:`LETTER_ROLES`."""
    origin: str = attrs.field(default="", eq=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the scheme answers to: id, name, AIF labels, aliases."""
        return (self.id, self.name, *self.aif, *self.aliases)

    @property
    def aif_label(self) -> str:
        """The label to give the scheme's inference nodes in AIF."""
        return self.aif[0] if self.aif else self.name

    def question(self, id: str) -> CriticalQuestion:
        """The critical question *id*; KeyError naming the scheme's questions otherwise."""
        for q in self.questions:
            if q.id == id:
                return q
        raise KeyError(f"scheme {self.id} has no question {id!r}; its questions are "
                       f"{', '.join(q.id for q in self.questions)}")


@attrs.frozen
class Catalogue:
    """Schemes by id, alias or AIF label (case, spaces and underscores ignored).

    A name claimed by two schemes goes to the later one (a user's file is
    read after the shipped catalogue); a scheme's id always names it.
    """

    schemes: tuple[Scheme, ...]

    @functools.cached_property
    def _index(self) -> dict[str, Scheme]:
        index: dict[str, Scheme] = {}
        for scheme in self.schemes:
            for name in scheme.names[1:]:
                index[normalise(name)] = scheme
        for scheme in self.schemes:  # ids last: an id is never taken by another scheme's alias
            index[normalise(scheme.id)] = scheme
        return index

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self.schemes)

    def __len__(self) -> int:
        return len(self.schemes)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Scheme | None:
        """The scheme *name* names, or None (always None for "Default Inference", "RA")."""
        key = normalise(name)
        return None if key in _NO_SCHEME else self._index.get(key)

    def __getitem__(self, name: str) -> Scheme:
        """The scheme *name* names; KeyError saying what was meant otherwise."""
        scheme = self.get(name)
        if scheme is not None:
            return scheme
        if normalise(name) in _NO_SCHEME:
            raise KeyError(f"{name!r} is AIF's label for an inference with no scheme")
        close = self.suggest(name)
        raise KeyError(f"no scheme is called {name!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Ids of up to *limit* schemes whose names are close to *name*, best first."""
        key = normalise(name)
        close = close_matches(key, list(self._index), n=limit * 3, cutoff=0.6)
        found = list(dict.fromkeys(self._index[c].id for c in close))
        if not found:  # a word of a name, such as "consequences"
            found = [s.id for s in self.schemes if len(key) > 3 and any(key in normalise(n) for n in s.names)]
        return tuple(found[:limit])


# ----------------------------------------------------------------- errors ----


class CatalogueError(ValueError):
    """A scheme catalogue that cannot be used: its file, line and column, and why."""

    def __init__(self, path: str, line: int, column: int, message: str):
        self.path, self.line, self.column, self.message = path, line, column, message
        super().__init__(f"{path}:{line}:{column}: {message}")


# ------------------------------------------------------------- explaining ----

_WIDTH = 78


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def explain_scheme(scheme: Scheme) -> str:
    """The scheme as plain text for ``argmap explain``: premises, conclusion, questions, source."""
    lines = [f"{scheme.name} ({scheme.id})"]
    others = [n for n in dict.fromkeys((*scheme.aif, *scheme.aliases)) if normalise(n) != normalise(scheme.name)]
    if others:
        lines += _wrapped("Also called: " + "; ".join(others), "", "  ")
    lines += ["", "Premises:"]
    for p in scheme.premises:
        lines += _wrapped(f"{p.title[:1].upper()}{p.title[1:]}: {p.text}", "  ", "    ")
    lines += ["", "Conclusion:"] + _wrapped(scheme.conclusion, "  ", "  ")
    if scheme.letters:
        lines += ["", "In a map:"] + _wrapped("; ".join(f"{letter} is {LETTER_ROLES[role]}"
                                                       for letter, role in scheme.letters) + ".", "  ", "  ")
    lines += ["", "Critical questions:"]
    for n, q in enumerate(scheme.questions, 1):
        doubts = f"the {q.premise.replace('_', ' ')} premise" if q.premise else "the inference"
        lines += _wrapped(f"{q.text} (doubts {doubts})", f"  {n:>2}. [{q.id}] ", "      ")
    lines += [""] + _wrapped(scheme.source, "Source: ", "  ")
    return "\n".join(lines) + "\n"
