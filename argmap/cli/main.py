"""The ``argmap`` command: a thin shell over the Python API.

Each subcommand lives in a module of :mod:`argmap.cli.commands` with a
``register(subparsers)`` function that adds its parser and sets
``func``.  Exit codes: 0 clean, 1 problems found, 2 usage errors or
unreadable input.  No traceback reaches the user for anything they typed.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
argmap: citation-checked argument maps.

Write a map in the argmap language, then check it, evaluate it, render it
or make a debate brief from it.
"""

EPILOG = """\
start here:
  argmap init mymap                          start a new map: mymap.argmap
  argmap check mymap.argmap                  check it (or a folder of maps)
  argmap check maps/ --text-dir texts/       ... and verify quotations against the articles
  argmap render mymap.argmap -o mymap.svg    draw it (also .html, .dot; .png/.pdf need Graphviz)
  argmap rules                               list every check argmap makes
  argmap <command> --help                    examples for one command
"""


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a short message, never a traceback."""

    def error(self, message: str):  # pragma: no cover - exercised through the CLI tests
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n  run `{self.prog} --help` for examples\n")


# Commands whose module registers them alone, by the same name: parsed without loading the other commands.
_ONE_MODULE = frozenset({"bib", "brief", "check", "config", "convert", "coverage", "eval", "extract", "fmt", "init",
                         "lsp", "render"})


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with *only*, the name of a command module, that command's alone
    (the others' modules, and what they import, are then not loaded: `argmap eval` starts faster)."""
    parser = _Parser(prog="argmap", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    from argmap import __version__

    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    import argmap.cli.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if only is not None and info.name != only:
            continue
        module = importlib.import_module(f"argmap.cli.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words[0] if words and words[0] in _ONE_MODULE else None)
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE if argv is None and len(sys.argv) > 1 else EXIT_OK
    try:
        return func(args)
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
