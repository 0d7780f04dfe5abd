"""The CLI's subcommands, one module each (see :mod:`argmap.cli`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.checks.config import Settings

FORMATTER = argparse.RawDescriptionHelpFormatter


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--select/--ignore/--config/--no-config, shared by the commands that run checks."""
    parser.add_argument("--select", action="append", default=[], metavar="RULES",
                        help="run only these rules: codes, prefixes, names or groups, comma-separated")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="skip these rules (same forms as --select)")
    parser.add_argument("--config", metavar="FILE",
                        help="read settings from FILE (default: nearest argmap.toml or pyproject.toml [tool.argmap])")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")


def add_project_options(parser: argparse.ArgumentParser) -> None:
    """--text-dir/--fail-on/--output-format: the settings a configuration file can hold too."""
    from argmap.reporting import OUTPUT_FORMATS

    parser.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                        help="folder holding the articles' texts named by the maps' `text` field (repeatable)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                        help="the least severity that makes the exit status 1 (default: error)")
    parser.add_argument("--output-format", "--format", dest="output_format", choices=OUTPUT_FORMATS, default=None,
                        metavar="FORMAT", help=f"{', '.join(OUTPUT_FORMATS)} (default: text)")
    add_rule_options(parser)


def split_list(values: list[str]) -> tuple[str, ...]:
    """The items of comma-separated option values, blanks dropped."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def selectors(values: list[str], option: str) -> tuple[str, ...]:
    """The rule selectors of comma-separated option values; ValueError for an empty one (``--select ""``)."""
    items = tuple(v.strip() for value in values for v in value.split(","))
    if any(not item for item in items):
        raise ValueError(f"{option}: an empty rule selector selects no rule; name codes, prefixes, names or groups")
    return items


def project_settings(args: argparse.Namespace, paths: Sequence[str]) -> Settings:
    """The settings a command runs with: the configuration file's (found from *paths*), the options on top.

    Raises ConfigError for an unusable file and ValueError for an option's
    value that cannot be used (a selector that selects no rule).
    """
    from argmap.checks.config import settings_for

    if args.config and args.no_config:
        raise ValueError("--config and --no-config: give one of them")
    settings = settings_for(paths, args.config, no_config=args.no_config)
    return settings.overridden(select=selectors(args.select, "--select"), ignore=selectors(args.ignore, "--ignore"),
                               text_dirs=args.text_dir, fail_on=args.fail_on, output_format=args.output_format)
