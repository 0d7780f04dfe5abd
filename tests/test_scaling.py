"""Nothing quadratic: doubling a map at most a little more than doubles the work.

The work is counted, not timed: every Python function call, every call of a
C function (``sys.setprofile`` events) and every Python line executed
(``sys.settrace``) while one stage runs.
Wall-clock time would make the test flaky on a busy machine; a call count
is exact and the same on every run.  (It cannot see loops inside C code.)  A stage whose work grows with the
square of the map's size shows a ratio near 4 here, a linear one near 2.

Each stage runs once before it is counted, so that one-time work (building
the LALR parser, importing the rule modules) is not counted against the
smaller map.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import argmap
from argmap.evaluation.core import evaluate
from argmap.rendering import diagram

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate_map  # noqa: E402

SMALL = 1000
# Doubling may cost a little more than double: dict and list growth, and the
# log factor of sorting the diagnostics and claims.
LIMIT = 2.25


def rich_map(claims: int, seed: int = 7) -> str:
    """The benchmark map, plus what it lacks: contradictions, undercuts, linked arguments, quotations."""
    rng = random.Random(seed)
    body, footnotes = generate_map(claims, seed=seed, attacks_per_claim=0.3).split("\nfootnotes\n")
    lines = [body]
    for i in range(10, claims, 10):
        lines.append(f"c{i} contradicts c{rng.randrange(i)}")
    for i in range(20, claims, 25):
        lines.append(f"c{i} undercuts c{i - 1} -> c{rng.randrange(i - 1)}")
    for i in range(40, claims, 40):
        lines.append(f"argument a{i} (pro): c{i - 10} + c{i - 20} -> c{i - 30}")
    lines.append("footnotes\n" + footnotes)
    return "\n".join(lines)


def calls(fn) -> int:
    """How much work *fn()* does: its Python and C function calls plus the Python lines it runs.

    Lines count too so that a loop that calls nothing (``for x in d.items(): if ...``) is seen.
    """
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    def trace(frame, event, arg):
        nonlocal count
        count += 1  # "call" and every "line"
        return trace

    sys.setprofile(profile)
    sys.settrace(trace)
    try:
        fn()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def maps():
    small, large = rich_map(SMALL), rich_map(2 * SMALL)
    parsed = argmap.parse(small), argmap.parse(large)
    assert len(parsed[1].claims) == 2 * len(parsed[0].claims)
    return (small, large), parsed


STAGES = {
    "parse": lambda text, m: argmap.parse(text),
    "check": lambda text, m: argmap.check(m),
    "grounded": lambda text, m: evaluate(m, "grounded"),
    "dot": lambda text, m: diagram(m, labels=True).source,
    "dot with diagnostics": lambda text, m: diagram(m, diagnostics=True).source,
}


@pytest.mark.slow
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_doubling_the_map_at_most_doubles_the_work(maps, stage):
    (small_text, large_text), (small, large) = maps
    run = STAGES[stage]
    run(small_text, small)  # warm up: parser tables, rule imports, cached properties of no interest
    # Fresh maps, so that tables cached on a Map are built inside the count, as a user's first call does.
    small, large = argmap.parse(small_text), argmap.parse(large_text)
    a = calls(lambda: run(small_text, small))
    b = calls(lambda: run(large_text, large))
    assert a > 1000, f"{stage}: counted too little to mean anything ({a})"
    assert b / a <= LIMIT, f"{stage}: {SMALL} claims made {a} calls, {2 * SMALL} made {b} (x{b / a:.2f})"


def test_the_checks_see_every_kind_of_relation(maps):
    """The map the scaling test counts on exercises the structure rules' costly paths."""
    _, (small, _) = maps
    kinds = {r.kind for r in small.relations}
    assert {"supports", "rebuts", "contradicts", "undercuts"} <= kinds
    assert small.arguments


# ------------------------------------------------------------ big diagrams ----

from argmap.cli import main  # noqa: E402
from argmap.rendering import engines  # noqa: E402

SMALL_MAP = """\
map big "Big enough" {
}

thesis t: The thesis.
claim a: Alpha.
  supports t
claim b: Beta.
  rebuts a
claim c: Gamma.
  supports a
"""


def test_above_the_limit_the_layout_is_the_fast_one_and_says_how_to_force_dot():
    limit = engines.DOT_NODE_LIMIT
    assert engines.choose_layout(limit) == engines.Layout("dot")
    fast = engines.choose_layout(limit + 1)
    assert fast.engine == engines.FAST_ENGINE != "dot"
    assert ("splines", "false") in fast.graph_attributes
    assert "--engine dot" in fast.message and f"{limit + 1:,}" in fast.message
    # an engine asked for is always honoured, at any size, without a word
    assert engines.choose_layout(100 * limit, "dot") == engines.Layout("dot")
    assert engines.choose_layout(3, "neato") == engines.Layout("neato")
    with pytest.raises(engines.RenderError):
        engines.choose_layout(3, "spring")


@pytest.fixture
def laid_out(monkeypatch):
    """Every layout `argmap render` asks for, as (engine, DOT source); the SVG is a stub."""
    asked: list[tuple[str, str]] = []

    def run(source, format="svg", engine="dot", renderer="auto", timeout=None):
        asked.append((engine, source))
        return b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'

    monkeypatch.setattr(engines, "run", run)
    monkeypatch.setattr(engines, "DOT_NODE_LIMIT", 3)  # SMALL_MAP draws 4 nodes
    return asked


def test_render_switches_to_the_fast_layout_above_the_limit(tmp_path, laid_out, capsys):
    path = tmp_path / "big.argmap"
    path.write_text(SMALL_MAP, encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "big.svg")]) == 0
    (engine, source), = laid_out
    assert engine == engines.FAST_ENGINE and "splines=false" in source
    err = capsys.readouterr().err
    assert "4 nodes are more than" in err and "--engine dot" in err


def test_engine_dot_forces_the_full_layout(tmp_path, laid_out, capsys):
    path = tmp_path / "big.argmap"
    path.write_text(SMALL_MAP, encoding="utf-8")
    assert main(["render", str(path), "--engine", "dot", "-o", str(tmp_path / "big.svg")]) == 0
    (engine, source), = laid_out
    assert engine == "dot" and "splines=false" not in source
    assert "more than" not in capsys.readouterr().err


def test_dot_text_is_written_as_built_at_any_size(tmp_path, laid_out, capsys):
    path = tmp_path / "big.argmap"
    path.write_text(SMALL_MAP, encoding="utf-8")
    assert main(["render", str(path), "--format", "dot"]) == 0
    captured = capsys.readouterr()
    assert not laid_out and "splines" not in captured.out and "more than" not in captured.err


# ------------------------------------------------------- big configurations ----


def _configured_folder(folder: Path, patterns: int) -> Path:
    folder.mkdir()
    (folder / "a.argmap").write_text(SMALL_MAP, encoding="utf-8")
    lines = ["[per-file-ignores]"] + [f'"dir{i}/*.argmap" = ["S208"]' for i in range(patterns)]
    lines += ['"sub/a?.argmap" = ["C102"]', '"*.argmap" = ["unused-footnote"]']
    lines += ["[severity]"] + ['S208 = "info"']
    (folder / "argmap.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_doubling_the_per_file_ignores_at_most_doubles_the_work(tmp_path):
    from argmap.checks.paths import check_paths

    small, large = _configured_folder(tmp_path / "small", 1000), _configured_folder(tmp_path / "large", 2000)
    check_paths([small])  # warm up
    a = calls(lambda: check_paths([small]))
    b = calls(lambda: check_paths([large]))
    assert b / a <= LIMIT, f"1000 patterns made {a} calls, 2000 made {b} (x{b / a:.2f})"


def test_the_patterns_are_matched_once_per_file_not_once_per_rule():
    # asking whether each of the ~40 rules runs for a file costs about what asking for one does
    from argmap.checks.rules import all_rules
    from argmap.checks.runner import Config

    patterns = tuple((f"dir{i}/*.argmap", ("S208",)) for i in range(2000)) + (("*.argmap", ("C102",)),)
    rules = all_rules()

    def fresh() -> Config:
        return Config(per_file_ignores=patterns, base="/maps")

    one, every = fresh(), fresh()
    a = calls(lambda: one.enabled(rules[0], "/maps/a.argmap"))
    b = calls(lambda: [every.enabled(r, "/maps/a.argmap") for r in rules])
    assert len(rules) > 20 and b < 2 * a, f"one rule: {a} calls; all {len(rules)} rules: {b}"
    assert not every.enabled(next(r for r in rules if r.code == "C102"), "/maps/a.argmap")
    assert every.enabled(next(r for r in rules if r.code == "S208"), "/maps/a.argmap")
    assert not every.enabled(next(r for r in rules if r.code == "S208"), "/maps/dir7/x.argmap")
