"""Property tests: no text makes the parser or checker fail with anything but diagnostics."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError
from argmap.language import RESERVED

PIECES = st.sampled_from([
    "claim", "thesis", "case", "person", "org", "argument", "use", "map", "footnotes", "supports",
    "rebuts", "undercuts", "contradicts", "quote", "tags", "concession", "by", "for", "against", "from",
    "a", "b.c", "(", ")", ":", "{", "}", "->", "+", '"', '\\"', "\\", "[^1]", "[^", "]", "[^1]:", "#",
    "\n", "\r\n", "  ", "\t", "Ibid.", "2017-02", "\ufeff", "日本", "\u202e", "\x00",
])

text_soup = st.lists(PIECES, max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), text_soup)


@given(ANY_TEXT)
def test_random_text_parses_or_gives_diagnostics(text):
    try:
        m = argmap.parse(text, "random.argmap")
    except ArgmapError as error:
        assert error.diagnostics
        for d in error.diagnostics:
            assert d.path == "random.argmap" and d.line >= 1 and d.column >= 1
            assert d.code == "A001" and d.message
        return
    for d in argmap.check(m):
        assert d.line >= 1 and d.code


# a name is any word but the language's keywords (derived from the grammar) and the words of a statement's head
NAME = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8).filter(
    lambda s: s not in RESERVED | {"by", "for", "against", "from"})
WORDS = st.text(alphabet=string.ascii_letters + string.digits + " ,.;'\"!?()-#&<>{}|/", min_size=1, max_size=40).map(
    lambda s: s.strip() or "x").filter(lambda s: not s.startswith("#") and "[^" not in s)


@st.composite
def valid_maps(draw):
    """Map text built from the language's constructs, with random names and texts."""
    ids = draw(st.lists(NAME, min_size=1, max_size=8, unique=True))
    notes = draw(st.integers(0, 4))
    lines = ["thesis t0: " + draw(WORDS), "case pro for t0: " + draw(WORDS), "person p: " + draw(WORDS)]
    for i, ident in enumerate(ids):
        cite = f" [^{draw(st.integers(1, notes))}]" if notes and draw(st.booleans()) else ""
        spacing = draw(st.sampled_from([" ", "  ", "\t"]))
        lines.append(f"claim{spacing}{ident} (pro) by p: {draw(WORDS)}{cite}")
        if draw(st.booleans()):
            quoted = draw(WORDS).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'  quote "{quoted}"{cite}')
        for _ in range(draw(st.integers(0, 2))):
            kind = draw(st.sampled_from(["supports", "rebuts", "contradicts", "undercuts"]))
            target = draw(st.sampled_from(ids + ["t0"]))
            if kind == "undercuts":
                target = f"{target} -> {draw(st.sampled_from(ids))}"
            lines.append(f"  {kind} {target}")
        if draw(st.booleans()):
            lines.append("# " + draw(WORDS))
    if len(ids) >= 2 and draw(st.booleans()):
        lines.append(f"argument arg (pro): {ids[0]} + {ids[1]} -> t0")
    if notes:
        lines.append("footnotes")
        for n in range(1, notes + 1):
            lines.append(f"  [^{n}]: {draw(WORDS)}")
    return "\n".join(lines) + "\n"


@given(valid_maps())
def test_valid_maps_parse_and_check_without_syntax_errors(text):
    m = argmap.parse(text, "valid.argmap")
    assert m.theses[0].id == "t0"
    assert len(m.claims) == text.count("\nclaim")
    diagnostics = argmap.check(m)
    assert not any(d.code.startswith("A") for d in diagnostics)


@given(valid_maps())
def test_order_of_statements_does_not_change_a_claim(text):
    m = argmap.parse(text)
    lines = text.splitlines()
    again = argmap.parse("\n\n" + "\n".join(lines) + "\n\n")
    assert again == m


@given(NAME, NAME, NAME, st.sampled_from(["", " ", "  ", "\t"]), st.sampled_from(["", " ", "\t"]))
def test_fast_and_fine_grained_claim_heads_agree(ident, case, person, gap, inner):
    """`claim a (c) by p:` is read as one token when it can be; any spacing means the same."""
    fast = argmap.parse(f"claim {ident} ({case}) by {person}: text\n  supports x\n")
    spaced = argmap.parse(f"claim {ident}{gap}({inner}{case}{inner}){gap or ' '}by {person}{gap}: text\n  supports{gap or ' '}x{gap}\n")
    assert fast == spaced
