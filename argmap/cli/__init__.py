"""The ``argmap`` command line: a thin shell over the Python API (see :mod:`argmap.cli.main`)."""

from argmap.cli.main import build_parser, main, program

__all__ = ["build_parser", "main", "program"]
