"""Argdown's syntax guide, example by example: Argdown -> argmap -> Argdown, with Argdown's own counts.

    git --git-dir=ARGDOWN_REPO show HEAD:docs/syntax/README.md > syntax.md
    .venv/bin/python bench/argdown_syntax_guide.py syntax.md --argdown /tmp/argdown

Each ```argdown block of the guide (``argdown-cheatsheet`` ones too) is
written to a file; the guide's examples close their front matter with no
empty line after it, which Argdown's CLI refuses, so one is added.  Each
file is read with ``read_argdown``, written as argmap text, read back and
written with ``write_argdown``; ``argdown json`` counts the statements,
arguments and relations of the original and of the result.  The table
shows both counts and, where they differ, argmap's notes (X3xx) on the
example.  Argdown runs once on each folder of files, not once a file.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def examples(guide: str) -> list[tuple[int, str, str]]:
    """(line, section, text) of each Argdown example of the guide."""
    out, heads, block, start = [], [], None, 0
    for n, line in enumerate(guide.split("\n"), 1):
        heading = re.match(r"(#+)\s+(.*)", line)
        if heading and block is None:
            level = len(heading.group(1))
            heads = [*heads[: level - 1], heading.group(2)]
        if block is None and re.match(r"```argdown", line):
            block, start = [], n
        elif block is not None and line.startswith("```"):
            out.append((start, " / ".join(heads[-2:]), _empty_line_after_front_matter("\n".join(block) + "\n")))
            block = None
        elif block is not None:
            block.append(line)
    return out


def _empty_line_after_front_matter(text: str) -> str:
    lines = text.split("\n")
    if lines[0].strip() == "===":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "==="), None)
        if end is not None and end + 1 < len(lines) and lines[end + 1].strip():
            lines.insert(end + 1, "")
    return "\n".join(lines)


def argdown_counts(cli: Path, folder: Path) -> dict[str, tuple[int, int, int]]:
    out = folder.with_name(folder.name + "_json")
    subprocess.run([str(cli), "json", str(folder / "*.argdown"), str(out)], capture_output=True, text=True,
                   timeout=600, check=False)
    counts = {}
    for path in out.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        counts[path.stem] = (len(data["statements"]), len(data["arguments"]), len(data["relations"]))
    return counts


def main(argv: list[str] | None = None) -> int:
    import argmap
    from argmap.formatting.writer import dumps
    from argmap.interchange import ConvertError
    from argmap.interchange.argdown import read_argdown, write_argdown

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("guide", type=Path, help="Argdown's docs/syntax/README.md")
    parser.add_argument("--argdown", type=Path, default=Path("/tmp/argdown"), help="where @argdown/cli is installed")
    args = parser.parse_args(argv)
    cli = args.argdown / "node_modules" / ".bin" / "argdown"
    with tempfile.TemporaryDirectory() as tmp:
        original, back = Path(tmp) / "original", Path(tmp) / "back"
        original.mkdir()
        back.mkdir()
        notes: dict[str, list[str]] = {}
        rows = examples(args.guide.read_text(encoding="utf-8"))
        for number, (_, _, text) in enumerate(rows, 1):
            name = f"ex{number:02d}"
            (original / f"{name}.argdown").write_text(text, encoding="utf-8")
            try:
                m, diagnostics = read_argdown(text, f"{name}.argdown")
                again = argmap.parse(dumps(m), f"{name}.argmap")
                (back / f"{name}.argdown").write_text(write_argdown(again), encoding="utf-8")
                notes[name] = [f"{d.code} line {d.line}: {d.message}" for d in diagnostics
                               if "front matter setting" not in d.message]
            except ConvertError as error:
                notes[name] = [f"{d.code}: {d.message}" for d in error.diagnostics]
        before, after = argdown_counts(cli, original), argdown_counts(cli, back)
    print(f"{'#':>3} {'line':>5}  {'section':<60} {'Argdown':<12} {'round trip':<12} result")
    equal = 0
    for number, (line, section, _) in enumerate(rows, 1):
        name = f"ex{number:02d}"
        a, b = before.get(name), after.get(name)
        same = a is not None and a == b
        equal += same
        print(f"{number:>3} {line:>5}  {section[:60]:<60} {a!s:<12} {b!s:<12} {'equal' if same else 'differs'}")
        if not same:
            for note in notes[name]:
                print(f"{'':>12}{note[:160]}")
    print(f"{equal} of {len(rows)} examples give Argdown the same counts after the round trip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
