""""Did you mean ...?": the known names closest to a misspelt one.

:func:`close_matches` gives exactly what :func:`difflib.get_close_matches`
gives (the same names, in the same order) without comparing the word with
every candidate in Python.  difflib's score of two strings is ``2*M/T``,
where ``M`` counts the characters of the matching blocks it finds and
``T`` the two lengths together; the matched characters form a common
subsequence, so ``M`` is at most the length of the longest common
subsequence.  rapidfuzz's ``fuzz.ratio`` is ``2*LCS/T`` (the normalised
Indel similarity), computed in C, so it bounds difflib's score from above.
Candidates are taken in order of that bound, and difflib's own score is
computed only until the bound falls below the *n*-th best score found: a
handful of candidates a query, however many names there are.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterable, Sequence

# rapidfuzz scores are floats: widen the bound a little so rounding never prunes an exact tie.
_SLACK = 1e-6
_FIRST_BATCH = 16


class Names:
    """A fixed set of candidate names, ready to be asked for the ones closest to a word.

    Build it once when many words are looked up against the same names
    (one rule reporting many dangling references): the list is made once.
    """

    def __init__(self, names: Iterable[str]):
        self.names: Sequence[str] = list(names)

    def close_matches(self, word: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """The at most *n* names whose similarity to *word* is at least *cutoff*, best first.

        The same list as ``difflib.get_close_matches(word, names, n, cutoff)``.
        """
        if n <= 0:
            raise ValueError(f"n must be > 0: {n!r}")
        if not 0.0 <= cutoff <= 1.0:
            raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
        from rapidfuzz import fuzz, process  # loaded when a name is first looked up, not with every check

        best: list[tuple[float, str]] = []  # a min-heap of the n best (score, name) so far
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)  # difflib's orientation: the word is the second sequence
        limit = _FIRST_BATCH
        scored: set[int] = set()
        while True:
            # the `limit` names of highest bound, highest first; a larger batch only when they all tie
            bounds = process.extract(word, self.names, scorer=fuzz.ratio, processor=None, limit=limit,
                                     score_cutoff=max(cutoff * 100 - _SLACK, 0))
            for name, bound, index in bounds:
                if index in scored:
                    continue
                if len(best) == n and bound / 100 + _SLACK < best[0][0]:
                    return _ordered(best)
                scored.add(index)
                matcher.set_seq1(name)
                score = matcher.ratio()
                if score >= cutoff:
                    if len(best) < n:
                        heapq.heappush(best, (score, name))
                    elif (score, name) > best[0]:
                        heapq.heapreplace(best, (score, name))
            if len(bounds) < limit:  # every name above the cutoff has been scored
                return _ordered(best)
            limit *= 4


def _ordered(best: list[tuple[float, str]]) -> list[str]:
    # difflib sorts (score, name) pairs from the largest: ties go to the later name
    return [name for _, name in sorted(best, reverse=True)]


def close_matches(word: str, names: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The at most *n* of *names* closest to *word* (similarity at least *cutoff*), best first.

    Exactly ``difflib.get_close_matches(word, names, n, cutoff)``, in near
    linear time: see the module's documentation.
    """
    return Names(names).close_matches(word, n, cutoff)


def did_you_mean(word: str, names: Iterable[str]) -> str | None:
    """The hint ``did you mean x or y?`` naming the (at most three) names closest to *word*, or None."""
    close = close_matches(word, names)
    return f"did you mean {' or '.join(close)}?" if close else None
