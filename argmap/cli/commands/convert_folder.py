"""``argmap convert FOLDER -o OUTDIR --to FORMAT``: every file of a folder, each to a new file.

Each input is converted as ``argmap convert FILE`` would convert it.  The
output goes to OUTDIR under the same relative path with the suffix of the
target format; a file already there is never written over (that input
counts as failed).  One line a file as it is done, then a table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs

from argmap.diagnostics import Severity


@attrs.define
class Row:
    """What became of one input file."""

    source: str
    output: str
    status: str  # converted, lost, failed
    notes: int = 0
    warnings: int = 0
    counts: tuple[int, int, int] = (0, 0, 0)  # claims and theses, arguments, relations
    diagnostics: list = attrs.field(factory=list)
    reason: str = ""


def inputs(folder: Path, fmt: str | None) -> list[Path]:
    """The files of *folder* and its subfolders that argmap reads (of format *fmt*, if given), in order."""
    from argmap.interchange import guess_format

    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") for p in parts) or not path.is_file():
            continue
        guessed = guess_format(path)
        if guessed is not None and (fmt is None or guessed == fmt):
            found.append(path)
    return found


def convert_one(source: Path, folder: Path, out_dir: Path, args) -> Row:
    from argmap.files.io import RefusedWrite
    from argmap.files.loader import display
    from argmap.interchange import FORMATS, ConvertError, convert

    suffix = FORMATS[args.to].suffixes[0]
    relative = source.relative_to(folder)
    target = out_dir / relative.parent / (relative.name[: -len(_suffix_of(source))] + suffix)
    row = Row(display(source), display(target), "failed")
    if target.exists() or target.is_symlink():
        row.reason = f"{row.output} exists; not written over"
        return row
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result = convert(source, args.to, from_=args.from_, output=target)
    except ConvertError as exc:
        row.diagnostics = list(exc.diagnostics)
        row.reason = exc.diagnostics[0].message if exc.diagnostics else "cannot be read"
        return row
    except (ValueError, RefusedWrite) as exc:
        row.reason = str(exc)
        return row
    except OSError as exc:
        row.reason = f"cannot write {row.output}: {exc.strerror or exc}"
        return row
    m = result.map
    row.diagnostics = list(result.diagnostics)
    row.status = "lost" if result.lost else "converted"
    row.notes = sum(1 for d in row.diagnostics if d.severity < Severity.WARNING)
    row.warnings = sum(1 for d in row.diagnostics if d.severity >= Severity.WARNING)
    row.counts = (len(m.claims) + len(m.theses), len(m.arguments), len(m.relations))
    return row


def _converted(files: list[Path], folder: Path, out_dir: Path, args):
    """Each file's Row, in the files' order; with ``--jobs N`` N files are converted at a time.

    Two inputs that would write the same file (``a.argdown`` and ``a.ad``) are never converted at the same
    time: the second waits for the first, and finds its output there."""
    jobs = getattr(args, "jobs", 1) or 1
    if jobs <= 1 or len(files) < 2:
        yield from (convert_one(source, folder, out_dir, args) for source in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    first: dict[str, Path] = {}
    for source in files:
        first.setdefault(_target_key(source, folder), source)
    alone = set(first.values())
    with ProcessPoolExecutor(max_workers=min(jobs, len(alone))) as pool:
        pending = {source: pool.submit(convert_one, source, folder, out_dir, args) for source in files if source in alone}
        for source in files:
            yield pending[source].result() if source in pending else convert_one(source, folder, out_dir, args)


def _target_key(source: Path, folder: Path) -> str:
    relative = source.relative_to(folder)
    return str(relative.parent / relative.name[: -len(_suffix_of(source))]).lower()


def _suffix_of(path: Path) -> str:
    """The suffix that named the file's format (``.aif.json`` before ``.json``)."""
    from argmap.interchange import FORMATS

    name = path.name.lower()
    matches = [s for f in FORMATS.values() for s in f.suffixes if name.endswith(s)]
    return max(matches, key=len) if matches else path.suffix


_SHOWN = {"converted": "converted", "lost": "converted, something lost", "failed": "not converted"}


def run_folder(args, report) -> int:
    """Convert every file of the folder *args.input* into *args.output*; 0, 1 (something lost) or 2."""
    folder, out_dir = Path(args.input), Path(args.output)
    if args.to is None:
        print("argmap convert: a folder is converted to one format; say which with --to", file=sys.stderr)
        return 2
    if args.output == "-" or (out_dir.exists() and not out_dir.is_dir()):
        print(f"argmap convert: -o must name a folder when the input is the folder {args.input}", file=sys.stderr)
        return 2
    files = inputs(folder, args.from_)
    if not files:
        print(f"argmap convert: {args.input} holds no file argmap reads", file=sys.stderr)
        return 2
    rows = []
    as_json = args.format == "json"
    for row in _converted(files, folder, out_dir, args):
        rows.append(row)
        if not as_json:
            report(row.diagnostics, False)
            tail = f": {row.reason}" if row.reason else f" ({row.warnings} warnings, {row.notes} notes)"
            print(f"{row.source} -> {row.output}: {_SHOWN[row.status]}{tail}", flush=True)
    if as_json:
        from argmap.diagnostics import to_json

        print(json.dumps([{"input": r.source, "output": r.output if r.status != "failed" else None,
                           "status": r.status, "reason": r.reason or None, "claims": r.counts[0],
                           "arguments": r.counts[1], "relations": r.counts[2],
                           "diagnostics": json.loads(to_json(r.diagnostics, 1))} for r in rows], indent=1))
    else:
        print(table(rows))
    if any(r.status == "failed" for r in rows):
        return 2
    return 1 if any(r.status == "lost" for r in rows) else 0


def table(rows: list[Row]) -> str:
    """The summary table: one row a file, then the totals."""
    head = ("file", "status", "claims", "arguments", "relations", "warnings", "notes")
    body = [(r.source, r.status, *map(str, r.counts), str(r.warnings), str(r.notes)) for r in rows]
    done = [r for r in rows if r.status != "failed"]
    totals = [sum(r.counts[i] for r in done) for i in range(3)]
    summary = (f"{len(rows)} files", f"{len(rows) - len(done)} failed", *map(str, totals),
               str(sum(r.warnings for r in done)), str(sum(r.notes for r in done)))
    widths = [max(len(row[i]) for row in (head, *body, summary)) for i in range(len(head))]

    def line(cells) -> str:
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join(["", line(head), rule, *map(line, body), rule, line(summary)])
