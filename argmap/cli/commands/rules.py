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
"""


def register(sub) -> None:
    p = sub.add_parser("rules", help="list every check argmap makes", epilog=RULES_EXAMPLES,
                       formatter_class=FORMATTER, description="List the rules: code, name, default severity, summary.")
    p.add_argument("--group", help="only rules of this group (citations, structure, syntax, use, ...)")
    p.add_argument("--format", choices=("text", "markdown"), default="text",
                   help="text: one line a rule (default); markdown: the full reference, as in docs/rules.md")
    p.set_defaults(func=run_rules)
    e = sub.add_parser("explain", help="explain one rule", epilog=RULES_EXAMPLES, formatter_class=FORMATTER,
                       description="Print a rule's documentation: what it finds, why it matters, examples.")
    e.add_argument("rule", metavar="CODE", help="a rule code (C101) or name (undefined-footnote)")
    e.set_defaults(func=run_explain)


def run_rules(args) -> int:
    from argmap.checks.rules import all_rules

    if getattr(args, "format", "text") == "markdown":
        if args.group:
            print("argmap rules: --format markdown writes the whole reference; drop --group", file=sys.stderr)
            return 2
        from argmap.checks.rules.docs import markdown_reference

        sys.stdout.write(markdown_reference())
        return 0
    rules = [r for r in all_rules() if not args.group or args.group in r.groups]
    if not rules:
        print(f"argmap rules: no rules in group {args.group!r}", file=sys.stderr)
        return 2
    width = max(len(r.name) for r in rules)
    for r in rules:
        print(f"{r.code}  {r.name:<{width}}  {str(r.severity):<7}  {r.summary}")
    return 0


def run_explain(args) -> int:
    from argmap.checks.rules import find_rule

    r = find_rule(args.rule)
    if r is None:
        print(f"argmap explain: no rule {args.rule!r}; `argmap rules` lists them", file=sys.stderr)
        return 2
    print(explain_text(r))
    return 0


def explain_text(r) -> str:
    """A rule's documentation as plain text."""
    import textwrap

    body = textwrap.dedent("\n".join(r.doc.splitlines()[1:])).strip()
    groups = ", ".join(r.groups)
    return f"{r.code} {r.name} [{r.severity}] ({groups})\n{r.summary}\n\n{body}\n"
