"""``argmap render``: diagrams of maps as DOT, SVG, PNG, PDF or an interactive HTML page."""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap render maps/brown2017.argmap -o brown.svg         SVG (no Graphviz install needed)
  argmap render maps/brown2017.argmap -o brown.html        interactive page: click a claim for its notes
  argmap render maps/ -o docs/maps/                         every map, one file each
  argmap render maps/brown2017.argmap --case togo -o togo.svg
  argmap render maps/togo2013.argmap --focus odds_high --depth 2 -o odds.png
  argmap render maps/brown2017.argmap --labels --diagnostics -o checked.svg
  argmap render maps/brown2017.argmap -o brown.svg --watch  redraw on every save (Ctrl-C stops)

reading the diagram: a legend on each diagram explains shapes and arrows.
exit status: 0 drawn, 2 usage error, unreadable map, missing Graphviz or time limit reached
"""

def seconds(text: str) -> float:
    """A time limit as the command line gives it: a finite number of seconds above 0 (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above 0, such as 60")
    return value


def register(sub) -> None:
    from argmap.rendering import CLUSTERS, ENGINES, FORMATS, RANKDIRS, RENDERERS
    from argmap.rendering.engines import DOT_NODE_LIMIT, FAST_ENGINE

    p = sub.add_parser("render", help="draw maps as diagrams (SVG, PNG, PDF, DOT) or interactive HTML pages",
                       description="Draw argument maps with Graphviz.  SVG, DOT and HTML need nothing installed; "
                                   "PNG and PDF need the system Graphviz `dot`.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("paths", nargs="+", metavar="MAP", help="map files or folders of maps")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file (format from its suffix), or a folder (ending in / or existing) for one "
                        "file per map; default: standard output for one map")
    p.add_argument("--format", "-f", choices=FORMATS, help="output format (default: from OUT's suffix, else svg)")
    p.add_argument("--renderer", choices=RENDERERS, default="auto",
                   help="system `dot` or the embedded Graphviz (default auto: system when installed)")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="Graphviz layout engine (default: dot; for diagrams of more than "
                        f"{DOT_NODE_LIMIT:,} nodes {FAST_ENGINE} with straight edges, which says so; "
                        "--engine dot forces the layered layout)")
    p.add_argument("--rankdir", choices=RANKDIRS, default="BT",
                   help="direction of the arrows (default BT: conclusions on top)")
    p.add_argument("--cluster", choices=CLUSTERS, default="auto",
                   help="draw boxes around the claims of each used map (document), each case as a lane (case), or none; "
                        "default auto: documents when the map uses others, else cases")
    p.add_argument("--no-legend", dest="legend", action="store_false", help="leave the legend out")
    p.add_argument("--wrap", type=int, default=40, metavar="N", help="characters per line in boxes (default: 40)")
    view = p.add_argument_group("what to show")
    view.add_argument("--focus", metavar="ID", help="only this claim and its neighbours (see --depth)")
    view.add_argument("--depth", type=int, default=1, metavar="N",
                      help="relation steps around --focus, either direction (default: 1)")
    view.add_argument("--case", metavar="CASE", help="only the claims of this case, with its thesis")
    view.add_argument("--tag", metavar="TAG", help="only the claims with this tag")
    view.add_argument("--document", metavar="MAPID", help="only the claims of this map (the map or one it uses)")
    view.add_argument("--collapse-imports", action="store_true", help="draw each used map as one box")
    view.add_argument("--links-only", dest="neighbourhood", action="store_false",
                      help="of a used map, only the claims linked to other maps (default: with their path to "
                           "its thesis, the rest folded into a count)")
    marks = p.add_argument_group("marks")
    marks.add_argument("--labels", action="store_true", help="mark claims IN/OUT/UNDEC by the evaluation")
    marks.add_argument("--semantics", default="grounded", help="semantics for --labels (default: grounded)")
    marks.add_argument("--diagnostics", action="store_true", help="mark claims the checker finds problems with")
    marks.add_argument("--text-dir", action="append", default=[], metavar="DIR",
                       help="folder with the articles' texts, for --diagnostics (repeatable)")
    run_ = p.add_argument_group("running")
    run_.add_argument("--timeout", type=seconds, default=60.0, metavar="SECONDS",
                      help="stop a layout that takes longer (default: 60)")
    run_.add_argument("--watch", action="store_true", help="draw again whenever a map (or one it uses) changes")
    run_.add_argument("--watch-interval", type=seconds, default=0.5, metavar="SECONDS", help=argparse.SUPPRESS)
    run_.add_argument("--watch-iterations", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _fail(message: str, hint: str | None = None) -> int:
    print(f"argmap render: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)
    return 2


class _Job:
    """One map to draw: where it is read from and where it goes."""

    def __init__(self, path: Path, root: Path, out: Path | None):
        self.path, self.root, self.out = path, root, out
        self.watched: dict[Path, tuple[int, int] | None] = {}


def _plan(args) -> tuple[list[_Job], str] | int:
    """The maps to draw, each with where it goes, and the format; or the exit status of a refusal."""
    from argmap.files.loader import find_maps
    from argmap.rendering.outputs import format_of, writes_over_map

    files, problems = find_maps(args.paths)
    for d in problems:
        print(d.format(), file=sys.stderr)
    if not files:
        return _fail("no maps to draw")
    if any(d.severity.name == "ERROR" for d in problems):
        return 2
    inputs = {f.resolve() for f, _ in files}
    out = Path(args.output) if args.output and args.output != "-" else None  # `-o -`: standard output
    to_folder = out is not None and (args.output.endswith(("/", "\\")) or out.is_dir())
    if to_folder and out.exists() and not out.is_dir():
        return _fail(f"{args.output}: {out} is a file, not a folder",
                     f"drop the / to write that file, or name a folder: -o {out.with_suffix('')}_diagrams/")
    if out is not None and not to_folder and writes_over_map(out, inputs):
        return _fail(f"refusing to write over a map: {out}", "choose an output file with another suffix")
    fmt = args.format
    if fmt is None:
        fmt = format_of(out) if out is not None and not to_folder else "svg"
        if fmt is None:
            return _fail(f"cannot tell the format from {out.name}", "use a suffix .svg .png .pdf .dot .html, or --format")
    if out is None and len(files) > 1:
        return _fail("several maps need an output folder", "use -o FOLDER/")
    if out is not None and not to_folder and len(files) > 1:
        return _fail(f"{out} is one file but {len(files)} maps were given", f"use -o {out}/ for a folder")
    if out is None and fmt in ("png", "pdf") and sys.stdout.isatty():
        return _fail(f"{fmt.upper()} is not shown on a terminal", f"use -o FILE.{fmt}")
    jobs = []
    for f, root in files:
        target = (out / f"{f.stem}.{fmt}") if to_folder else out
        if target is not None and writes_over_map(target, inputs):
            return _fail(f"refusing to write over a map: {target}", "choose an output with another suffix")
        jobs.append(_Job(f, root, target))
    if to_folder:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a part of the path is a file, or no permission
            return _fail(f"cannot make the folder {out}: {exc.strerror or exc}")
        names = [j.out.name for j in jobs]
        twice = {n for n in names if names.count(n) > 1}
        if twice:
            return _fail(f"two maps would both be written to {', '.join(sorted(twice))}",
                         "render them into different folders")
    elif out is not None and not out.parent.is_dir():
        if out.parent.exists():
            return _fail(f"cannot write {out}: {out.parent} is a file, not a folder")
        return _fail(f"no such folder: {out.parent}")
    return jobs, fmt


def _options(args) -> dict:
    """The keywords of :func:`argmap.rendering.diagram` the options ask for."""
    return dict(focus=args.focus, depth=args.depth, case=args.case, tag=args.tag, document=args.document,
                collapse_imports=args.collapse_imports, neighbourhood=args.neighbourhood, rankdir=args.rankdir, engine=args.engine,
                cluster=args.cluster, legend=args.legend, wrap=args.wrap, labels=args.labels,
                semantics=args.semantics, diagnostics=args.diagnostics, text_dirs=args.text_dir,
                renderer=args.renderer, timeout=args.timeout)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _draw(job: _Job, fmt: str, options: dict) -> int:
    """Load and draw one map; 0 on success, 2 with a message otherwise."""
    import warnings

    from argmap._gc import leave_to_exit
    from argmap.files.io import RefusedWrite, write_atomic
    from argmap.files.loader import Loader
    from argmap.rendering import RenderError, ViewError, diagram
    from argmap.rendering.outputs import map_files
    from argmap.syntax.parser import ArgmapError

    job.watched = {job.path: _stamp(job.path)}
    try:
        m = Loader(job.root.resolve()).load(job.path)
    except ArgmapError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    leave_to_exit(m)  # the program ends without freeing it object by object (see argmap._gc)
    job.watched = {p: _stamp(p) for p in map_files(m)} or job.watched
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            drawn = diagram(m, format=fmt, **options)
            if drawn.note:
                print(f"argmap render: {drawn.note}", file=sys.stderr)
            data = drawn.render(fmt)
        for w in caught:
            print(f"argmap render: warning: {w.message}", file=sys.stderr)
    except ViewError as exc:
        return _fail(f"{job.path}: {exc}")
    except RenderError as exc:
        return _fail(f"{job.path}: {exc.message}", exc.hint)
    except ValueError as exc:  # an evaluation or option the map cannot take
        return _fail(f"{job.path}: {exc}")
    if job.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            write_atomic(job.out, data)
        except RefusedWrite as exc:
            return _fail(f"cannot write {exc}", "use -o - (or no -o) for standard output")
        except OSError as exc:
            return _fail(f"cannot write {job.out}: {exc.strerror or exc}")
        print(f"wrote {job.out}", file=sys.stderr)
    return 0


def run(args) -> int:
    planned = _plan(args)
    if isinstance(planned, int):
        return planned
    jobs, fmt = planned
    options = _options(args)
    if args.watch and any(j.out is None for j in jobs):
        return _fail("--watch needs -o OUT")
    status = max(_draw(job, fmt, options) for job in jobs)
    if not args.watch:
        return status
    print("watching for changes; Ctrl-C stops", file=sys.stderr)
    cycles = 0
    try:
        while args.watch_iterations is None or cycles < args.watch_iterations:
            time.sleep(args.watch_interval)
            cycles += 1
            for job in jobs:
                if any(_stamp(p) != stamp for p, stamp in job.watched.items()):
                    _draw(job, fmt, options)
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
    return 0
