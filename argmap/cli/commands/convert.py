"""``argmap convert``: maps to and from Argdown, AIF and Kialo."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap convert maps/brown2017.argmap -o brown2017.argdown   argmap -> Argdown
  argmap convert debate.argdown -o debate.argmap              Argdown -> argmap
  argmap convert corpus/nodeset1.json -o nodeset1.argmap      AIF (AIFdb, OVA) -> argmap
  argmap convert maps/togo2013.argmap -o togo.json --to aif   argmap -> AIF
  argmap convert kialo-export.txt -o kialo.argmap             Kialo text export -> argmap
  argmap convert debates/ -o converted/ --to argmap           every file of a folder, each to a new file
  argmap convert corpus/ -o out/ --to argmap --jobs 0         the same, one file per CPU at a time

formats: argmap, argdown (.argdown), aif (.json), kialo (.txt, read only),
         csl-json and bibtex (the footnotes, write only); guessed from the file names.

exit status: 0 converted (notes may be printed), 1 converted but something
was lost (each loss is printed as a warning), 2 the input could not be read
or usage error (no output is written)

a folder: every file in it (and its subfolders) of a format argmap reads,
or of --from's format, is converted to a new file under -o's folder, the
same relative path with --to's suffix; a file already there is never
written over (that input fails). One line a file, then a table; the exit
status is the worst of the files'.
"""


def register(sub) -> None:
    p = sub.add_parser("convert", help="convert maps to and from Argdown, AIF and Kialo",
                       description="Convert a map to or from another format. Whatever the target format "
                                   "cannot hold is printed as a diagnostic, never dropped silently.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("input", metavar="IN", help="the file to convert, or a folder of files")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the file to write (never the input); - for standard output (then give --to); "
                        "for a folder IN, the folder to write into")
    p.add_argument("--from", dest="from_", metavar="FORMAT", help="the input's format (default: from its name)")
    p.add_argument("--to", metavar="FORMAT", help="the output's format (default: from its name)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="how to print diagnostics")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="for a folder IN, convert N files at a time (default 1; 0: one per CPU)")
    p.set_defaults(func=run)


def _jobs(text: str) -> int:
    import argparse
    import os

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("the number of jobs cannot be negative")
    return n or os.cpu_count() or 1


def report(diagnostics, as_json: bool, json_to_stderr: bool = False) -> None:
    from argmap.diagnostics import sort_diagnostics, to_json

    diagnostics = sort_diagnostics(diagnostics)
    if as_json:  # on standard error when the converted text has standard output
        print(to_json(diagnostics, 1), file=sys.stderr if json_to_stderr else sys.stdout)
    else:
        for d in diagnostics:
            print(d.format(), file=sys.stderr)


def run(args) -> int:
    from argmap.files.io import RefusedWrite
    from argmap.interchange import ConvertError, convert

    from pathlib import Path

    if Path(args.input).is_dir():
        from argmap.cli.commands.convert_folder import run_folder

        return run_folder(args, report)
    to_stdout = args.output == "-"
    if to_stdout and args.to is None:
        print("argmap convert: -o - writes to standard output; say in which format with --to", file=sys.stderr)
        return 2
    try:
        result = convert(args.input, args.to, from_=args.from_, output=None if to_stdout else args.output)
    except ConvertError as exc:
        report(exc.diagnostics, args.format == "json", to_stdout)
        return 2
    except ValueError as exc:
        print(f"argmap convert: {exc}", file=sys.stderr)
        return 2
    except RefusedWrite as exc:
        print(f"argmap convert: cannot write {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"argmap convert: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if to_stdout:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    report(result.diagnostics, args.format == "json", to_stdout)
    return 1 if result.lost else 0
