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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser, with every command; with *command*, with that one alone when a
    module of that name defines it (a run of one command imports only that command's module)."""
    parser = _Parser(prog="argmap", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    from argmap import __version__

    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser, dest="command")
    import argmap.cli.commands as commands

    names = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    if command in names:
        _register(sub, command)
        if command in sub.choices:
            return parser
        return build_parser()  # the module defines other commands only
    for name in names:
        _register(sub, name)
    return parser


def _register(sub, name: str) -> None:
    module = importlib.import_module(f"argmap.cli.commands.{name}")
    register = getattr(module, "register", None)
    if register is not None:
        register(sub)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    given = sys.argv[1:] if argv is None else argv
    parser = build_parser(given[0] if given and not given[0].startswith("-") else None)
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
    except OSError as exc:  # the last guard: a path the system refuses (too long, a NUL) where none was expected
        where = f"{exc.filename}: " if exc.filename else ""
        if len(where) > 120:
            where = f"{where[:100]}…: "
        command = getattr(args, "command", None)
        print(f"argmap{' ' + command if command else ''}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


def program() -> None:
    """The ``argmap`` program: :func:`main`, then the process ends with its exit code.

    The maps a command read are not freed one by one on the way out (see
    :func:`argmap._gc.leave_to_exit`): the process ends as soon as the
    output is flushed.
    """
    from argmap._gc import exit_program, program_starts

    program_starts()
    exit_program(main())


if __name__ == "__main__":  # pragma: no cover
    program()
