"""``argmap check``: diagnostics for maps, files or folders."""

from __future__ import annotations

import sys
from pathlib import Path

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


def resolve_config(args):
    """The configuration for this run: file settings, then command-line ones."""
    from argmap.checks.runner import Config
    from argmap.checks.config import find_config, load_config

    config = Config()
    if not getattr(args, "no_config", False):
        path = Path(args.config) if args.config else find_config(Path(args.paths[0]) if getattr(args, "paths", None) else Path.cwd())
        if path is not None:
            config = load_config(path)  # ConfigError is reported by the caller
    extra = Config(select=split_list(args.select), ignore=split_list(args.ignore))
    return config.merged(extra)


def run_check(paths, text_dirs=(), config=None):
    """(diagnostics, number of maps) for files and folders, as ``argmap check`` reports them."""
    from argmap.checks.runner import check
    from argmap.diagnostics import sort_diagnostics
    from argmap.files.loader import Loader, find_maps
    from argmap.syntax.parser import ArgmapError

    files, unread = find_maps(paths)
    diagnostics = []
    loaders: dict[Path, Loader] = {}
    for path, root in files:
        loader = loaders.setdefault(root.resolve(), Loader(root.resolve()))
        try:
            m = loader.load(path)
        except ArgmapError as exc:
            unread.extend(exc.diagnostics)
            continue
        diagnostics.extend(check(m, text_dirs=text_dirs, root=root, config=config))  # configured already
    if config is not None:
        unread = [d for d in unread if _enabled(config, d)]
    return sort_diagnostics(diagnostics + unread), len(files)


def _enabled(config, d) -> bool:
    from argmap.checks.rules import find_rule

    r = find_rule(d.code)
    return r is None or config.enabled(r, d.path)


def run(args) -> int:
    from argmap.checks.config import ConfigError
    from argmap.diagnostics import Severity, summarize, to_json

    try:
        config = resolve_config(args)
    except ConfigError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return 2
    for d in args.text_dir:
        if not Path(d).is_dir():
            print(f"argmap check: --text-dir {d}: no such folder", file=sys.stderr)
            return 2
    diagnostics, count = run_check(args.paths, args.text_dir, config)
    if args.format == "json":
        print(to_json(diagnostics, count))
    else:
        if not args.quiet:
            for d in diagnostics:
                print(d.format())
        print(summarize(diagnostics, count))
    unreadable = any(d.code == "A002" and d.severity == Severity.ERROR for d in diagnostics)
    if unreadable:
        return 2
    threshold = Severity.parse(args.fail_on)
    return 1 if any(d.severity >= threshold for d in diagnostics) else 0
