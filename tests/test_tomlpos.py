"""Key positions in TOML, shared by the configuration and the scheme catalogues."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from argmap.tomlpos import key_positions


def test_tables_keys_dotted_keys_and_arrays_of_tables_are_placed():
    text = ('select = ["C1"]\n[tool.argmap]\nfail-on = "error"\nseverity.C106 = "error"\n'
            '[[schemes.x.questions]]\nq = "a"\n[[schemes.x.questions]]\nq = """two\nlines = 3\n"""\n')
    at = key_positions(text)
    assert at[("select",)] == (1, 1)
    assert at[("tool",)] == at[("tool", "argmap")] == (2, 2)
    assert at[("tool", "argmap", "fail-on")] == (3, 1)
    assert at[("tool", "argmap", "severity")] == at[("tool", "argmap", "severity", "C106")] == (4, 1)
    assert at[("schemes", "x", "questions")] == at[("schemes", "x", "questions", 0)] == (5, 3)
    assert at[("schemes", "x", "questions", 1, "q")] == (8, 1)
    assert ("schemes", "x", "questions", 1, "lines") not in at  # inside a multi-line string


_name = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)


@given(st.dictionaries(_name, st.dictionaries(_name, st.integers(0, 9), max_size=3), min_size=1, max_size=4))
def test_every_key_tomllib_reads_has_the_line_it_is_written_on(tables):
    lines = []
    for table, keys in tables.items():
        lines.append(f"[{table}]")
        lines += [f"{k} = {v}" for k, v in keys.items()]
    text = "\n".join(lines) + "\n"
    data, at = tomllib.loads(text), key_positions(text)
    rows = text.split("\n")
    for table, keys in data.items():
        assert rows[at[(table,)][0] - 1] == f"[{table}]"
        for k in keys:
            assert rows[at[(table, k)][0] - 1].startswith(f"{k} = ")
