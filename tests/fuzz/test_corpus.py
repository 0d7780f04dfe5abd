"""Replay the fuzzing corpus: inputs that once found (or nearly found) a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.harness import CORPUS, SUFFIX, exercise, exercise_for

CASES = sorted(CORPUS.glob("*.argmap"))
# Inputs of the other entry points, kept under the suffix the harness writes them with.
FOREIGN = sorted((p, entry) for entry in ("argdown", "aif", "kialo", "config")
                 for p in CORPUS.glob(f"*{SUFFIX[entry]}"))


def test_the_corpus_is_not_empty():
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_input_is_handled(path: Path):
    """Parse, check, fmt and draw: an input is either rejected with diagnostics or goes all the way."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert exercise(text) in {"rejected", "not formatted", "formatted", "drawn"}


@pytest.mark.parametrize("path, entry", FOREIGN, ids=[p.name for p, _ in FOREIGN])
def test_corpus_input_of_another_entry_point_is_handled(path: Path, entry: str):
    """A converter's or the configuration's input: read with diagnostics, or refused with them; never a crash."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert exercise_for(entry)(text)


def test_fuzzer_smoke():
    """A few hundred mutated maps, so a broken harness shows up in the normal suite."""
    from collections import Counter

    from hypothesis import given, settings

    from tests.fuzz.harness import mutated, run_one, seeds

    stats: Counter = Counter()

    @settings(max_examples=200, deadline=None, database=None)
    @given(mutated(seeds()))
    def fuzz(text):
        run_one(text, stats)

    fuzz()
    assert stats["findings"] == 0 and sum(stats.values()) >= 100
