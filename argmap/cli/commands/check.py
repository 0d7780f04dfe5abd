"""``argmap check``: diagnostics for maps, files or folders, in the format a terminal or a CI system reads."""

from __future__ import annotations

import argparse
import os
import sys

from argmap.cli.commands import FORMATTER, add_project_options, project_settings

EXAMPLES = """\
examples:
  argmap check maps/                              every .argmap file below maps/
  argmap check maps/brown2017.argmap --text-dir ../shared/seeds
  argmap check maps/ --select C --ignore C109     citation rules, without notes
  argmap check maps/ --fail-on warning            exit 1 on warnings too
  argmap check maps/ --statistics                 how many findings each rule made
  argmap check maps/ --show-acknowledged          the findings the maps acknowledge, and why
  argmap check maps/ --output-format json > report.json
  argmap check maps/ --output-format sarif --output-file argmap.sarif
                                                  for GitHub code scanning
  argmap check maps/ --output-format github       annotations in a GitHub Actions log
  argmap check maps/ --output-format gitlab --output-file gl-code-quality.json
  argmap check maps/ --output-format junit --output-file argmap.xml
  argmap check - --stdin-filename maps/draft.argmap < draft.argmap
  argmap check maps/ --watch                      check again whenever a map changes
  argmap check maps/ --fix                        repair what is mechanical, then check
  argmap check maps/ --fix --diff                 show those repairs, write nothing
  argmap check maps/ --text-dir ../shared/seeds --update-anchors
                                                  record where each quotation stands
                                                  (maps/quotations.lock)

--fix repairs only what has one right answer, and lists each repair: notes
out of order put back in order (C104), a stub for each cited note that is
not defined (C101), the canonical layout of argmap fmt.  A map that does not
parse, or that another program saves meanwhile, is left as it is.

With a quotations.lock beside the maps (written by --update-anchors, one per
folder: the place and a hash of every verified quotation), a check reports the
quotations whose passage moved (C123, a note) or vanished from the text, a
text that changed (C124), anchors the maps no longer need (C125) and
quotations not anchored yet (C126).  --update-anchors rewrites the lock
instead of comparing, only when something changed; it never touches a map.

A comment `# argmap: ignore[CODE] reason: why` on the line above a finding
(or after the statement) acknowledges it: it is counted apart and listed by
--show-acknowledged.  Without a reason the finding is only hidden.

exit status: 0 nothing at or above --fail-on (or --exit-zero), 1 problems,
2 usage error, unusable configuration or unreadable input
"""

WATCH_MAX_POLLS: int | None = None
"""How many times --watch polls before it stops (None: until interrupted); tests set it."""
WATCH_INTERVAL = 0.5


def register(sub) -> None:
    from argmap.reporting.colour import CHOICES

    p = sub.add_parser("check", help="check maps for broken citations and incoherent structure",
                       description="Check maps: citations, quotations, references between maps, structure.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("paths", nargs="+", metavar="PATH", help="map files or folders of maps; - reads one map from stdin")
    add_project_options(p)
    p.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE (replaced whole) instead of stdout")
    p.add_argument("--statistics", action="store_true", help="count the findings of each rule (text and json)")
    p.add_argument("--show-source", action=argparse.BooleanOptionalAction, default=None,
                   help="show the line of each finding with a caret under it (default: on a terminal)")
    p.add_argument("--show-acknowledged", action="store_true",
                   help="list the findings the maps acknowledge, each with its reason")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    p.add_argument("--color", choices=CHOICES, default="auto",
                   help="colour the text report: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR "
                        "forces it), always or never")
    p.add_argument("--quiet", "-q", action="store_true", help="print only the summary line")
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="with -, the file name the map is reported under and its configuration looked up for")
    p.add_argument("--fix", action="store_true",
                   help="repair what is mechanical (C104 note order, C101 note stubs, the layout), list each "
                        "repair, then check")
    p.add_argument("--diff", action="store_true", help="with --fix: print the repairs as a unified diff, write nothing")
    p.add_argument("--update-anchors", action="store_true",
                   help="write quotations.lock beside the maps of each folder: where every verified quotation "
                        "stands in its text, for later checks to compare with")
    p.add_argument("--watch", action="store_true",
                   help="check again whenever a map (or the configuration) changes, until Ctrl-C")
    p.set_defaults(func=run)


def _usage(message: str) -> int:
    print(f"argmap check: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from argmap.checks.config import ConfigError

    stdin = "-" in args.paths
    if stdin and len(args.paths) > 1:
        return _usage("- reads one map from standard input: name no other path with it")
    if args.stdin_filename and not stdin:
        return _usage("--stdin-filename names the map read from standard input: give - as the path")
    if stdin and args.watch:
        return _usage("--watch checks files again when they change: it cannot watch standard input")
    if args.diff and not args.fix:
        return _usage("--diff shows what --fix would repair: give --fix with it")
    if args.update_anchors and (stdin or args.watch):
        return _usage("--update-anchors writes the lock beside map files: give file or folder paths, without --watch")
    if args.fix and (stdin or args.watch):
        return _usage("--fix rewrites map files: give file or folder paths, without --watch")
    try:
        settings = project_settings(args, ([args.stdin_filename] if args.stdin_filename else []) if stdin
                                    else args.paths)
    except ConfigError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return 2
    except ValueError as exc:
        return _usage(str(exc))
    if args.statistics and settings.output_format not in ("text", "json"):
        return _usage(f"--statistics goes with the text and json formats, not {settings.output_format}")
    text = None
    if stdin:
        from argmap.files.loader import decode
        from argmap.syntax.parser import ArgmapError

        try:
            text = decode(sys.stdin.buffer.read(), args.stdin_filename or "<stdin>")
        except ArgmapError as exc:
            for d in exc.diagnostics:
                print(d.format(), file=sys.stderr)
            return 2
    if args.fix:
        status = _fix(args.paths, diff=args.diff)
        if args.diff or status == 2:
            return status
    check_once = _checker(args, settings, text)
    if not args.watch:
        return check_once()
    from argmap.checks.paths import watch

    def again() -> int:
        status = check_once()
        print("argmap check: watching the maps for changes (Ctrl-C stops)", file=sys.stderr, flush=True)
        return status

    try:
        return watch(args.paths, again, extra=[settings.file] if settings.file else [],
                     interval=WATCH_INTERVAL, max_polls=WATCH_MAX_POLLS)
    except KeyboardInterrupt:
        return 0


def _checker(args, settings, text: str | None):
    """The function that checks once, prints or writes the report, and returns the exit status."""
    from argmap.checks.paths import check_paths, check_text
    from argmap.files.io import write_atomic
    from argmap.reporting import Options, render
    from argmap.reporting.colour import use_colour

    to_terminal = args.output_file is None and sys.stdout.isatty()
    shown = args.stdin_filename or "<stdin>"
    options = Options(
        show_source=to_terminal if args.show_source is None else args.show_source,
        colour=settings.output_format == "text" and (args.color == "always" or (
            args.output_file is None and use_colour(args.color, to_terminal, os.environ))),
        statistics=args.statistics, show_acknowledged=args.show_acknowledged, fail_on=settings.fail_on,
        sources={shown: text} if text is not None else {}, quiet=args.quiet)

    def once() -> int:
        try:
            if text is not None:
                report = check_text(text, shown if args.stdin_filename else None, text_dirs=settings.text_dirs,
                                    config=settings.rules)
            else:
                report = check_paths(args.paths, text_dirs=settings.text_dirs, config=settings.rules,
                                     update_anchors=args.update_anchors)
        except NotADirectoryError as exc:
            return _usage(f"--text-dir {exc.filename}: no such folder")
        for update in report.locks:
            print(f"argmap check: {update.describe()}", file=sys.stderr)
        output = render(report, settings.output_format, options)
        if args.output_file:
            try:
                write_atomic(args.output_file, output, protected=[*report.paths, *filter(None, [settings.file])])
            except OSError as exc:
                return _usage(f"cannot write {args.output_file}: {exc.strerror or exc}")
        else:
            sys.stdout.write(output)
            sys.stdout.flush()
        if report.unreadable or any(u.error for u in report.locks):
            return 2
        return 0 if args.exit_zero else (1 if report.fails(settings.fail_on) else 0)

    return once


def _fix(paths, *, diff: bool) -> int:
    """Repair the maps in *paths* (or print the repairs as a diff); 1 when --diff has changes, 2 on a failure."""
    import difflib

    from argmap.files.io import ChangedMeanwhile, write_atomic
    from argmap.files.loader import display, find_maps, read_text_stamped
    from argmap.fixing import fix_text
    from argmap.syntax.parser import ArgmapError

    files, problems = find_maps(paths)
    status = 2 if any(p.code == "A002" for p in problems) else 0
    for path, _root in files:
        shown = display(path)
        try:
            text, stamp = read_text_stamped(path, shown)
            fixed = fix_text(text, shown)
        except ArgmapError:
            print(f"{shown}: not fixed: the map has errors (they are listed below)", file=sys.stderr)
            continue
        if not fixed.changed:
            continue
        if diff:
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(keepends=True), fixed.text.splitlines(keepends=True),
                fromfile=f"{shown} (original)", tofile=f"{shown} (fixed)"))
            status = max(status, 1)
        else:
            try:
                write_atomic(path, fixed.text, allow_maps=True, expect_unchanged=stamp)
            except ChangedMeanwhile:
                print(f"{shown}: not fixed: the file changed on disk meanwhile; run again", file=sys.stderr)
                continue
            except OSError as exc:
                print(f"{shown}: cannot write: {exc.strerror or exc}", file=sys.stderr)
                status = 2
                continue
        for f in fixed.fixes:
            print(f"{shown}:{f.line}: {'would fix' if diff else 'fixed'} {f.code}: {f.message}", file=sys.stderr)
    return status
