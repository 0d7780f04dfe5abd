"""The CLI's subcommands, one module each (see :mod:`argmap.cli`)."""

from __future__ import annotations

import argparse

FORMATTER = argparse.RawDescriptionHelpFormatter


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--select/--ignore/--config, shared by the commands that run checks."""
    parser.add_argument("--select", action="append", default=[], metavar="RULES",
                        help="run only these rules: codes, prefixes, names or groups, comma-separated")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="skip these rules (same forms as --select)")
    parser.add_argument("--config", metavar="FILE",
                        help="read settings from FILE (default: nearest argmap.toml or pyproject.toml [tool.argmap])")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")


def split_list(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())
