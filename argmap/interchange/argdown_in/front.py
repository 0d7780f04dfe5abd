"""The front matter of an Argdown file mapped onto the argmap header: title, authors, date, the `argmap` block.

The `argmap` block is what argmap's own exporter writes (ids, uses, theses,
persons, footnotes, header fields); Argdown's settings are noted, other keys
reported (see docs/interop.md).
"""

from __future__ import annotations

import datetime
import re

from argmap.interchange._common import Report, make_id, one_line
from argmap.interchange._values import FIELD_NAMES, Values
from argmap.interchange.argdown_in.reader import Reader
from argmap.model import Comment, Document, Field, Footnote, Person, Use

# Front-matter keys that configure Argdown's own tools rather than say something.
_SETTINGS = {"model", "map", "dot", "group", "selection", "color", "svg", "html", "json", "pdf",
             "webComponent", "logLevel", "plugins", "processes", "process", "inputPath",
             "outputDir", "vizJs", "graphml", "sourceHighlighter", "ignoreFrontmatterSettings",
             "mode", "hide", "explanation"}


class FrontMatter:
    """Reads the header, uses, theses, persons and footnotes out of a :class:`Reader`'s front matter."""

    def __init__(self, reader: Reader, report: Report, path: str | None):
        self.r = reader
        self.report = report
        self.path = path
        self.front = Values(report, self.front_where, "the front matter")

    def document(self):
        front, v = self.r.front, self.front
        own = v.mapping(front.get("argmap"), ("argmap",))
        fields: list[Field] = []
        authors = front.get("author", front.get("authors"))
        key = "author" if "author" in front else "authors"
        for i, author in enumerate(v.items(authors, (key,))):
            name = v.text(author, (key, i), None)
            if name is not None and name.strip():
                fields.append(Field("author", " ".join(name.split())))
        if "date" in front:
            published = _date(front["date"])
            if published:
                fields.append(Field("published", published))
            else:
                self.report.add("X303", f"the date {front['date']!r} is not a date argmap can read "
                                "(YYYY, YYYY-MM or YYYY-MM-DD); it is not carried over", self.line_of("date"), 1)
        for i, item in enumerate(v.items(own.get("fields"), ("argmap", "fields"))):
            at = ("argmap", "fields", i)
            if not (isinstance(item, (list, tuple)) and len(item) == 2):
                v.bad(at, "a pair [name, value]", item)
                continue
            value = v.text(item[1], at + (1,), None)
            if item[0] not in FIELD_NAMES:
                v.bad(at, f"a header field ({', '.join(sorted(FIELD_NAMES))})", item[0])
            elif value is not None and value.strip():
                fields.append(Field(item[0], " ".join(value.split())))
        for key in front:
            if key in ("title", "author", "authors", "date", "argmap"):
                continue
            if key in ("selection", "color"):
                continue  # see view_comments
            if key == "model" and isinstance(front[key], dict):  # `mode: strict` is read (relations' meaning)
                rest = [str(k) for k in front[key] if k != "mode"]
                if rest:
                    self.report.add("X305", f"front matter setting(s) {', '.join('model.' + k for k in rest)} "
                                    "configure Argdown's tools; argmap does not use them", self.line_of(key), 1)
                continue
            if key in _SETTINGS:
                self.report.add("X305", f"front matter setting {key!r} configures Argdown's tools; "
                                "argmap does not use it", self.line_of(key), 1)
            else:
                self.report.add("X303", f"front matter key {key!r} has no place in an argmap header",
                                self.line_of(key), 1)
        title = v.text(front.get("title"), ("title",), None)
        title = " ".join(title.split()) if title is not None else None
        own_id = v.ident(own.get("id"), ("argmap", "id"), "the map's id")
        doc_id = own_id or (make_id(self.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
                            if self.path else None)
        if not title and not fields and not own_id:
            return None, own
        return Document(str(doc_id or "argdown"), title or None, tuple(fields)), own

    def view_comments(self, tag_name) -> tuple[Comment, ...]:
        """Argdown's view settings that argmap has: a comment naming the `argmap render` options that draw the view.

        ``selection.selectedTags`` of one tag is argmap's ``--tag``; the rest
        of ``selection`` and ``color`` (argmap colours a claim by its case,
        not its tags) have no equivalent and are reported.  *tag_name* makes
        an Argdown tag the argmap tag the converter gave it.
        """
        front, options = self.r.front, []
        for key in ("selection", "color"):
            if key not in front:
                continue
            settings = front[key] if isinstance(front[key], dict) else {}
            if not settings:
                self.report.add("X305", f"front matter setting {key!r} configures Argdown's tools; "
                                "argmap does not use it", self.line_of(key), 1)
            for name, value in settings.items():
                tags = value if isinstance(value, list) else [value]
                if key == "selection" and name == "selectedTags" and len(tags) == 1 and isinstance(tags[0], str):
                    options.append(f"--tag {tag_name(tags[0])}")
                    continue
                why = ("argmap colours each claim by the case it belongs to" if key == "color"
                       else "argmap's views keep one tag, a case, a map or a claim's neighbours"
                       if name == "selectedTags" else "argmap's views have no such setting")
                self.report.add("X305", f"front matter setting {key}.{name} is not kept: {why}",
                                self.line_of(key), 1)
        if not options:
            return ()
        return (Comment(f"argdown view: `argmap render` this map with {' '.join(options)} to draw the selection "
                        "the Argdown file made"),)

    def line_of(self, key) -> int:
        return self.r.front_lines.get(str(key), 1)

    def front_where(self, path: tuple) -> tuple[int, int]:
        """The line of *path* in the front matter: of its top-level key, then of each nested key below it."""
        line = self.line_of(path[0]) if path else 1
        lines = self.r.front_text.split("\n")
        first = self.r.front_start
        for key in path[1:]:
            if not isinstance(key, str):
                break
            pattern = re.compile(r"\s*['\"]?" + re.escape(key) + r"['\"]?\s*:")
            below = next((first + i for i in range(max(line - first + 1, 0), len(lines)) if pattern.match(lines[i])), None)
            if below is None:
                break
            line = below
        return line, 1

    # -- building ------------------------------------------------------------------

    def uses(self, own: dict) -> tuple[Use, ...]:
        v, out = self.front, []
        for k, where_to in v.mapping(own.get("uses"), ("argmap", "uses")).items():
            at = ("argmap", "uses", k)
            ident = v.ident(k, at, "the id of a map")
            path = v.file_path(where_to, at) if where_to is not None else None
            if ident is not None and (where_to is None or path is not None):
                out.append(Use(ident, path))
        return tuple(out)

    def thesis_ids(self, own: dict) -> dict:
        """Statement title -> the citations of the thesis it is (a list of titles is taken too)."""
        v, value = self.front, own.get("theses")
        if isinstance(value, (list, tuple)):
            value = {t: [] for t in value if isinstance(t, str)}
        out = {}
        for title, cites in v.mapping(value, ("argmap", "theses")).items():
            out[str(title)] = v.citations(cites, ("argmap", "theses", title))
        return out

    def persons(self, own: dict) -> tuple[Person, ...]:
        return tuple(self.front.persons(own.get("persons"), ("argmap", "persons")))

    def footnotes(self, own: dict) -> tuple[Footnote, ...]:
        v, out = self.front, []
        for k, text in v.mapping(own.get("footnotes"), ("argmap", "footnotes")).items():
            at = ("argmap", "footnotes", k)
            label, text = v.label(k, at), v.text(text, at, None)
            if label is not None and text is not None:
                out.append(Footnote(label, one_line(text) or "(no text)"))
        return tuple(out)


def _date(value) -> str | None:
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        parts = [int(p) for p in text.split("-")] + [1, 1]
        try:
            datetime.date(*parts[:3])
        except ValueError:  # 2020-02-30, 2020-13
            return None
        return text
    for pattern in ("%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%B %d, %Y", "%d %B %Y", "%B %Y"):
        try:
            parsed = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if pattern == "%B %Y" else "%Y-%m-%d")
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    return None
