"""``argmap config``: the settings a check runs with, and where each came from."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER, add_project_options, project_settings

EXAMPLES = """\
examples:
  argmap config                          the settings for checking maps here
  argmap config maps/                    ... for maps/ (its nearest argmap.toml)
  argmap config maps/ --fail-on warning  ... with an option on top, as argmap check takes it

Each line is a key as argmap.toml writes it, then where its value came from:
default, the configuration file's line and column, or the command line.

exit status: 0 the settings are usable, 2 an unusable configuration or option
"""


def register(sub) -> None:
    p = sub.add_parser("config", help="show the settings in force and where each came from",
                       description="Print the settings `argmap check PATH` would run with: every configuration key, "
                                   "its value, and whether it is the default or from a file or the command line.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("path", nargs="?", default=".", metavar="PATH",
                   help="the map or folder whose settings to show (default: the working folder)")
    add_project_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.checks.config import ConfigError
    from argmap.checks.settings_text import describe

    try:
        settings = project_settings(args, [args.path])
    except ConfigError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"argmap config: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(describe(settings))
    return 0
