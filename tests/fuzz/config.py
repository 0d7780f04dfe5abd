"""Fuzzing the configuration: ``argmap.toml`` and ``[tool.argmap]`` as people damage them.

Seeds are the configurations the documentation shows and one that uses
every key.  Each input is mutated line by line (delete, duplicate, swap,
cut) and with TOML's syntax and values of every type in every place (a
string where a table belongs, an array of tables, ``inf``, a date, an
empty selector).  :func:`exercise_config` reads it as ``argmap check`` does,
as an ``argmap.toml`` and as a ``pyproject.toml``, and then asks the
settings which rules run for a file: anything but settings or a
:class:`~argmap.checks.config.ConfigError` whose diagnostic names the file
is a finding.
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent.parent

FULL = """\
text-dir = ["../shared/seeds", "texts"]
fail-on = "warning"
output-format = "json"
select = ["C", "structure", "S201"]
ignore = ["C109", "unused-footnote"]

[per-file-ignores]
"drafts/*.argmap" = ["C102", "S208"]
"maps/brown2017.argmap" = ["C106"]

[severity]
C106 = "error"
S208 = "info"
"""

PIECES = ("=", "[", "]", "[[", "]]", "{", "}", '"', "'", ",", ".", "#", "\n", "\\", " = 1", " = inf", " = 1e309",
          " = true", " = 1979-05-27", ' = ""', " = []", " = [[]]", " = {}", ' = ["x", 1]', "[severity]",
          "[per-file-ignores]", "[[severity]]", "text-dir", "select", "ignore", "fail-on", "severity",
          "per-file-ignores", "output-format", "ALL", "\u00a0", "\ufeff", "\x00", "\r", "é", "a" * 300)


@functools.lru_cache(maxsize=None)
def seeds() -> tuple[str, ...]:
    found = [FULL]
    for page in sorted((ROOT / "docs").glob("*.md")):
        for m in re.finditer(r"^```toml\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S):
            body = m.group(1)
            if "[tool.argmap]" in body:
                body = body.split("[tool.argmap]", 1)[1]
            found.append(body)
    return tuple(found)


@st.composite
def mutated(draw) -> str:
    lines = draw(st.sampled_from(seeds())).splitlines(keepends=True) or ["\n"]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "cut", "insert", "insert")))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "cut":
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
        else:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            piece = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)))
            lines[i] = line[:at] + piece + line[at:]
    return "".join(lines)


def inputs():
    """The strategy of configuration texts."""
    return mutated()


_FOLDER = None


def _folder() -> Path:
    global _FOLDER
    if _FOLDER is None:
        _FOLDER = Path(tempfile.mkdtemp(prefix="argmap-fuzz-config-"))
    return _FOLDER


def exercise_config(text: str) -> str:
    """Read *text* as argmap.toml and as pyproject's [tool.argmap]; settings or a ConfigError, nothing else."""
    from argmap.checks.config import ConfigError, load_settings
    from argmap.checks.rules import all_rules
    from tests.fuzz.harness import Finding

    outcomes = []
    for name, body in (("argmap.toml", text), ("pyproject.toml", "[tool.argmap]\n" + text)):
        path = _folder() / name
        path.write_text(body, encoding="utf-8", errors="surrogatepass")
        try:
            settings = load_settings(path)
        except ConfigError as exc:
            shown = exc.diagnostic.format()
            if name not in shown:
                raise Finding(f"{name}: the message does not name the file: {shown}") from exc
            outcomes.append("rejected")
            continue
        except UnicodeError:
            outcomes.append("not text")  # a lone surrogate cannot be written as UTF-8 in the first place
            continue
        for rule in all_rules():
            settings.rules.enabled(rule, str(_folder() / "drafts" / "a.argmap"))
        outcomes.append("read")
    return "/".join(outcomes)
