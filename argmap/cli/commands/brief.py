"""``argmap brief``: a debate brief for one case (or side) of a map."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap brief maps/new_approach_debate.argmap --case brown --text-dir ../shared/seeds
                                        Brown's side of the whole debate, Markdown to the terminal
  argmap brief maps/new_approach_debate.argmap --case togo -o togo.docx --text-dir ../shared/seeds
                                        Togo's side (his article and Brown's account of it), Word
  argmap brief maps/brown2017.argmap --case togo -o togo.html     HTML, from the suffix
  argmap brief maps/new_approach_debate.argmap --case brown2017.brown --format md

A case of a used map is named map.case (brown2017.brown) or by its own id;
an id that several maps give a case (togo) names all of them, one side of
the debate.  The brief gives the case outline in speech order, the lines of
argument with evidence cards, blocks against each attack of the other side,
weak points, cross-examination questions and the sources.  Cards need the
articles' texts (--text-dir, or beside the maps).  See docs/briefing.md.

exit status: 0 written, 2 unknown case, unreadable map or a file that cannot be written
"""

_SUFFIX = {".html": "html", ".htm": "html", ".docx": "docx"}


def register(sub) -> None:
    p = sub.add_parser("brief", help="write a debate brief for one case of a map (Markdown, HTML or Word)",
                       description="Write a debate brief for one case of a map.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("path", metavar="MAP", help="the .argmap file")
    p.add_argument("--case", required=True, metavar="CASE",
                   help="the case to brief: its id, or map.id for a case of a used map")
    p.add_argument("--format", choices=("md", "html", "docx"),
                   help="md, html or docx (default: from the -o suffix, else md)")
    p.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                   help="a folder holding the articles' texts, for the evidence cards (repeatable)")
    p.add_argument("--strengths", nargs="?", const="dfquad", choices=("dfquad", "quadratic-energy"),
                   metavar="SEMANTICS", help="show each line's and the thesis's gradual strength in the outline "
                                             "and the lines of argument (dfquad, the default, or quadratic-energy)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (whole or not at all) instead of the terminal")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"argmap brief: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from argmap.briefing import BriefError, article_texts, brief, to_docx, to_html, to_markdown
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
        b = brief(m, args.case, article_texts(m, args.text_dir), strengths=args.strengths)
    except BriefError:
        from argmap.analysis.nodes import case_names

        return _fail(f"{args.path} has no case {args.case!r}; the cases it and the maps it uses define: "
                     f"{', '.join(case_names(m)) or 'none'}")
    fmt = args.format or (_SUFFIX.get(Path(args.output).suffix.lower(), "md") if args.output else "md")
    if fmt == "docx":
        try:
            import docx  # noqa: F401
        except ImportError:
            return _fail("writing .docx needs python-docx: pip install 'argmap[docx]'")
    data: str | bytes = to_docx(b) if fmt == "docx" else to_html(b) if fmt == "html" else to_markdown(b)
    if not args.output or args.output == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return 0
    inputs = [Path(loaded) for loaded in loader.cache]
    try:
        write_atomic(args.output, data, protected=inputs)
    except RefusedWrite as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the file: {exc.strerror or exc}")
    print(f"argmap brief: wrote {args.output}", file=sys.stderr)
    return 0
