"""``argmap brief``: a debate brief for one case of a map."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap brief maps/brown2017.argmap --case brown                 Markdown to the terminal
  argmap brief maps/brown2017.argmap --case togo -o togo.md       ... to a file
  argmap brief maps/brown2017.argmap --case togo -o togo.html     HTML, from the suffix
  argmap brief maps/brown2017.argmap --case brown --format html > brown.html

The brief sets out the case's lines of argument from its thesis down, the
other side's attacks with our answers, the attacks still unanswered, our weak
points, questions to put to the other side, and the sources.  See
docs/briefing.md.

exit status: 0 written, 2 unknown case, unreadable map or a file that cannot be written
"""


def register(sub) -> None:
    p = sub.add_parser("brief", help="write a debate brief for one case of a map (Markdown or HTML)",
                       description="Write a debate brief for one case of a map.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("path", metavar="MAP", help="the .argmap file")
    p.add_argument("--case", required=True, metavar="CASE", help="the id of the case to brief (as in `case ID for ...`)")
    p.add_argument("--format", choices=("md", "html"),
                   help="md or html (default: from the -o suffix, else md)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (whole or not at all) instead of the terminal")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"argmap brief: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from argmap.briefing import BriefError, brief, to_html, to_markdown
    from argmap.files.io import RefusedWrite, write_atomic
    from argmap.files.loader import Loader
    from argmap.syntax.parser import ArgmapError

    loader = Loader()
    try:
        m = loader.load(args.path)
    except ArgmapError as exc:
        print("\n".join(d.format() for d in exc.diagnostics), file=sys.stderr)
        return 2
    try:
        b = brief(m, args.case)
    except BriefError:
        from argmap.analysis.nodes import case_names

        names = case_names(m)
        same = [n for n in names if n.rsplit(".", 1)[-1] == args.case]
        if len(same) > 1:
            return _fail(f"{args.path}: {len(same)} cases are called {args.case!r}; name one: {', '.join(same)}")
        return _fail(f"{args.path} has no case {args.case!r}; the cases it and the maps it uses define: "
                     f"{', '.join(names) or 'none'}")
    fmt = args.format or ("html" if args.output and Path(args.output).suffix.lower() in (".html", ".htm") else "md")
    text = to_html(b) if fmt == "html" else to_markdown(b)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    inputs = [Path(loaded) for loaded in loader.cache]
    try:
        write_atomic(args.output, text, protected=inputs)
    except RefusedWrite as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the file: {exc.strerror or exc}")
    print(f"argmap brief: wrote {args.output}", file=sys.stderr)
    return 0
