"""``argmap check``: diagnostics for maps, files or folders."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER, add_rule_options, split_list

EXAMPLES = """\
examples:
  argmap check maps/                              every .argmap file below maps/
  argmap check maps/brown2017.argmap --text-dir ../shared/seeds
  argmap check maps/ --format json > report.json
  argmap check maps/ --select C --ignore C109     citation rules, without notes
  argmap check maps/ --fail-on warning            exit 1 on warnings too

exit status: 0 nothing at or above --fail-on, 1 problems, 2 usage error or unreadable input
"""


def register(sub) -> None:
    p = sub.add_parser("check", help="check maps for broken citations and incoherent structure",
                       description="Check maps: citations, quotations, references between maps, structure.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("paths", nargs="+", metavar="PATH", help="map files or folders of maps")
    p.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                   help="folder holding the articles' texts named by the maps' `text` field (repeatable)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                   help="the least severity that makes the exit status 1 (default: error)")
    p.add_argument("--quiet", "-q", action="store_true", help="print only the summary line")
    add_rule_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.checks.config import ConfigError
    from argmap.checks.paths import check_paths
    from argmap.checks.runner import Config
    from argmap.diagnostics import Severity

    try:
        report = check_paths(args.paths, text_dirs=args.text_dir, config=Config() if args.no_config else args.config,
                             select=split_list(args.select), ignore=split_list(args.ignore))
    except ConfigError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return 2
    except NotADirectoryError as exc:
        print(f"argmap check: --text-dir {exc.filename}: no such folder", file=sys.stderr)
        return 2
    if args.format == "json":
        print(report.to_json())
    else:
        if not args.quiet:
            for d in report.diagnostics:
                print(d.format())
        print(report.summary)
    if report.unreadable:
        return 2
    return 1 if report.fails(Severity.parse(args.fail_on)) else 0
