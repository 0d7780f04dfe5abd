"""``argmap rules`` and ``argmap explain``: the rule registry, on the terminal."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER

RULES_EXAMPLES = """\
examples:
  argmap rules                    every rule: code, name, severity, summary
  argmap rules --group citations  only the citation rules
  argmap rules --format markdown > docs/rules.md
                                  regenerate the rule reference
  argmap explain C108             what a rule finds, why, and examples
  argmap explain expert_opinion   a scheme's premises and critical questions
  argmap explain schemes          every scheme of the catalogue, with its questions' ids
"""


def register(sub) -> None:
    p = sub.add_parser("rules", help="list every check argmap makes", epilog=RULES_EXAMPLES,
                       formatter_class=FORMATTER, description="List the rules: code, name, default severity, summary.")
    p.add_argument("--group", help="only rules of this group (citations, structure, syntax, use, ...)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="text: one line a rule (default); markdown: the full reference, as in docs/rules.md")
    p.set_defaults(func=run_rules)
    e = sub.add_parser("explain", help="explain one rule or argumentation scheme", epilog=RULES_EXAMPLES,
                       formatter_class=FORMATTER,
                       description="Print a rule's documentation (what it finds, why it matters, examples), or an "
                                   "argumentation scheme's premises and critical questions.")
    e.add_argument("rule", metavar="NAME", help="a rule code (C101) or name (undefined-footnote), or a scheme "
                                               "(expert_opinion, \"Argument From Expert Opinion\")")
    e.add_argument("--schemes", action="append", default=[], metavar="FILE",
                   help="add the schemes of a TOML catalogue file (repeatable; the configuration's "
                        "`schemes` files are read too)")
    e.set_defaults(func=run_explain)


def run_rules(args) -> int:
    from argmap.checks.rules.docs import listing, markdown_reference

    if args.format == "markdown":
        if args.group:
            print("argmap rules: --format markdown writes the whole reference; drop --group", file=sys.stderr)
            return 2
        sys.stdout.write(markdown_reference())
        return 0
    try:
        sys.stdout.write(listing(args.group))
    except ValueError as exc:
        print(f"argmap rules: {exc}", file=sys.stderr)
        return 2
    return 0


def run_explain(args) -> int:
    from pathlib import Path

    from argmap.checks.config import ConfigError, settings_for
    from argmap.checks.rules.docs import explain
    from argmap.schemes import CatalogueError

    try:
        configured = settings_for([Path.cwd()]).rules.schemes
    except ConfigError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return 2
    try:
        text = explain(args.rule, [*(Path(f) for f in configured), *(Path(f) for f in args.schemes)])
    except LookupError as exc:
        print(f"argmap explain: {exc.args[0]}", file=sys.stderr)
        return 2
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(text)
    return 0
