"""``argmap fmt``: rewrite maps in the canonical layout, losing nothing."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap fmt maps/                         rewrite every .argmap file below maps/
  argmap fmt --check maps/                 list the maps that are not canonical (exit 1)
  argmap fmt --diff maps/brown2017.argmap  show what would change, write nothing
  argmap fmt - < draft.argmap              read stdin, write the result to stdout

A map that does not parse is never written: its diagnostics are printed and
the file is left as it is.  Files are replaced through a temporary file and a
rename, so an interrupted run leaves every map whole.

exit status: 0 nothing to change (or all written), 1 changes found by --check
or --diff, or a map that does not parse, 2 unreadable input or usage error
"""


def register(sub) -> None:
    p = sub.add_parser("fmt", help="rewrite maps in the canonical layout (comments kept)",
                       description="Rewrite maps in one canonical layout: order, comments and blank lines "
                                   "as the author had them; indentation, spacing and line wrapping made uniform.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("paths", nargs="+", metavar="PATH", help="map files or folders of maps; - for stdin")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 and list the maps that would change")
    mode.add_argument("--diff", action="store_true", help="write nothing; print a unified diff, exit 1 if any")
    p.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    p.set_defaults(func=run)


class _Run:
    def __init__(self, args):
        self.args = args
        self.changed = 0
        self.unchanged = 0
        self.status = 0

    def say(self, message: str) -> None:
        if not self.args.quiet:
            print(message, file=sys.stderr)

    def fail(self, diagnostics, status: int) -> None:
        for d in diagnostics:
            print(d.format(), file=sys.stderr)
        self.status = max(self.status, status)

    def format(self, text: str, shown: str) -> str | None:
        """The formatted text, or None after reporting why there is none."""
        from argmap.syntax.parser import ArgmapError
        from argmap.formatting.writer import CannotFormat, UnsafeFormat, format_text

        try:
            return format_text(text, shown)
        except ArgmapError as exc:
            self.fail(exc.diagnostics, 2 if any(d.code == "A002" for d in exc.diagnostics) else 1)
            self.say(f"{shown}: not formatted (the map has errors; the file is unchanged)")
        except CannotFormat as exc:
            print(f"{shown}: not formatted: {exc} (the file is unchanged)", file=sys.stderr)
            self.status = max(self.status, 1)
        except UnsafeFormat as exc:
            print(f"{shown}: argmap fmt would change what this map says, so it was not written: {exc}\n"
                  "  this is a bug in argmap; please report it with the file", file=sys.stderr)
            self.status = 2
        except RecursionError:  # pragma: no cover - a guard: no user input should reach it
            print(f"{shown}: the map is too deeply structured to format", file=sys.stderr)
            self.status = 2
        return None

    def handle(self, original: str, formatted: str, shown: str, path: Path | None, stamp=None) -> None:
        from argmap.files.io import ChangedMeanwhile, write_atomic

        if formatted == original:
            self.unchanged += 1
            if path is None and not (self.args.check or self.args.diff):
                sys.stdout.write(formatted)
            return
        self.changed += 1
        if self.args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                original.splitlines(keepends=True), formatted.splitlines(keepends=True),
                fromfile=f"{shown} (original)", tofile=f"{shown} (formatted)"))
            self.status = max(self.status, 1)
        elif self.args.check:
            print(f"would reformat {shown}", file=sys.stderr)
            self.status = max(self.status, 1)
        elif path is None:
            sys.stdout.write(formatted)
        else:
            try:
                write_atomic(path, formatted, allow_maps=True, expect_unchanged=stamp)
            except ChangedMeanwhile:
                print(f"{shown}: not written: the file changed on disk while it was being formatted "
                      "(another program saved it); run argmap fmt again", file=sys.stderr)
                self.status = max(self.status, 1)
                return
            except OSError as exc:
                print(f"{shown}: cannot write: {exc.strerror or exc}", file=sys.stderr)
                self.status = 2
                return
            self.say(f"reformatted {shown}")

    def stdin(self) -> None:
        from argmap.files.loader import MAX_FILE_BYTES, decode
        from argmap.syntax.parser import ArgmapError

        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            print(f"<stdin>: the input is over {MAX_FILE_BYTES // 1048576} MiB; maps are limited to that",
                  file=sys.stderr)
            self.status = 2
            return
        try:
            text = decode(data, "<stdin>")
        except ArgmapError as exc:
            self.fail(exc.diagnostics, 2)
            return
        formatted = self.format(text, "<stdin>")
        if formatted is None:
            if not (self.args.check or self.args.diff):
                sys.stdout.write(text)  # a pipe into an editor keeps the buffer as it was
            return
        self.handle(text, formatted, "<stdin>", None)

    def file(self, path: Path) -> None:
        from argmap.files.loader import display, read_text_stamped
        from argmap.syntax.parser import ArgmapError

        shown = display(path)
        try:
            text, stamp = read_text_stamped(path, shown)
        except ArgmapError as exc:
            self.fail(exc.diagnostics, 2)
            return
        formatted = self.format(text, shown)
        if formatted is not None:
            self.handle(text, formatted, shown, path, stamp)

    def summary(self) -> None:
        def n(count: int) -> str:
            return f"{count} map{'' if count == 1 else 's'}"

        if self.args.check or self.args.diff:
            self.say(f"{n(self.changed)} would be reformatted, {n(self.unchanged)} already canonical")
        else:
            self.say(f"{n(self.changed)} reformatted, {n(self.unchanged)} left unchanged")


def run(args) -> int:
    from argmap.files.loader import find_maps

    state = _Run(args)
    files = [p for p in args.paths if p != "-"]
    if len(files) < len(args.paths):
        if files:
            print("argmap fmt: - (stdin) cannot be mixed with files", file=sys.stderr)
            return 2
        state.stdin()
        return state.status
    found, problems = find_maps(files)
    state.fail(problems, 2 if any(d.severity >= 3 for d in problems) else 0)
    for path, _root in found:
        state.file(path)
    state.summary()
    return state.status
