"""Kialo's text export → argmap.

Kialo exports a discussion as numbered lines::

    Discussion Title: Should Japan trade economic help for talks on the islands?

    1. Japan should trade economic help for talks on the islands.
    1.1. Pro: Help builds the trust a deal needs.
    1.1.1. Con: Russia took the help and gave nothing.
    1.2. Con: Russia says the islands are Russian for good.
    1.2.1. Pro: -> See 1.1.1.

Item 1 becomes a thesis with two cases, ``pro`` (for it) and ``con``
(against it).  A ``Pro`` item supports its parent, a ``Con`` item rebuts
it; a claim belongs to the case its chain of pros and cons argues for.
``-> See 1.1.1.`` makes the relation from item 1.1.1 instead of a new claim.
A line that does not start with a number continues the item above it.
"""

from __future__ import annotations

import re

from argmap.interchange._common import Report, make_id, one_line
from argmap.model import Case, Claim, Document, Map, Ref, Relation, Thesis

_ITEM = re.compile(r"(?P<number>\d+(?:\.\d+)*)\.\s+(?:(?P<stance>[A-Za-z]+):\s*)?(?P<text>.*)")
_SEE = re.compile(r"->\s*See\s+(?P<number>\d+(?:\.\d+)*)\.?\s*$", re.I)
_TITLE = re.compile(r"Discussion Title:\s*(?P<title>.*)", re.I)


def _id(number: str) -> str:
    return "k" + number.replace(".", "_")


def _follow(key: str, see: dict[str, str], items: dict, carried: set[str], report: Report) -> str | None:
    """The item the ``-> See`` link of *key* ends at, through links to links; None (with an X304) when none."""
    item = items[key]
    path = [key]
    other = see[key]
    while other in see and other not in path:
        path.append(other)
        other = see[other]
    if other in path:
        report.add("X304", f"item {key} is a link in a circle of links ({' -> '.join(path + [other])}); "
                   "it is dropped", item["line"], item["column"])
        return None
    if other not in items:
        report.add("X304", f"item {key} points to item {other}, which does not exist; the link is dropped",
                   item["line"], item["column"])
        return None
    if other not in carried:
        report.add("X304", f"item {key} points to item {other}, which is not carried over; the link is dropped",
                   item["line"], item["column"])
        return None
    if len(path) > 1:
        report.add("X305", f"item {key} points to item {path[1]}, itself a link; it is linked to item {other}, "
                   "where the links end", item["line"], item["column"])
    return other


def read_kialo(text: str, path: str | None = None) -> tuple[Map, list]:
    """Read a Kialo text export into a Map; (map, diagnostics)."""
    report = Report(path)
    title = None
    items: dict[str, dict] = {}
    order: list[str] = []
    last = None
    for number, line in enumerate(text.replace("\r\n", "\n").removeprefix("\ufeff").split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            continue
        column = len(line) - len(line.lstrip()) + 1
        t = _TITLE.match(stripped)
        if t and not items:
            title = t.group("title").strip()
            continue
        m = _ITEM.match(stripped)
        if m:
            key = m.group("number")
            if key in items:
                report.add("X302", f"item {key} is numbered twice; the second is skipped", number, column)
                last = None
                continue
            stance = (m.group("stance") or "").lower()
            if "." in key and stance not in ("pro", "con"):
                report.add("X302", f"item {key} is neither `Pro:` nor `Con:`; it is skipped", number, column,
                           "Kialo items below the thesis read `1.2. Pro: text` or `1.2. Con: text`")
                last = None
                continue
            # The thesis has no stance: a colon in its text is part of the text.
            text_of = m.group("text") if "." in key else stripped[len(key) + 1:]
            items[key] = {"stance": stance, "text": [text_of.strip()], "line": number, "column": column}
            order.append(key)
            last = key
        elif last is not None:
            items[last]["text"].append(stripped)  # joined once at the end: += would copy the text each time
        else:
            report.add("X302", "this line is neither the discussion title nor a numbered item; it is skipped",
                       number, column, "Kialo items start with their number: `1.1. Pro: text`")
    for item in items.values():
        item["text"] = " ".join(item["text"])
    roots = [k for k in order if "." not in k]
    if not roots:
        report.fail("no numbered item found: this does not look like a Kialo export",
                    hint="a Kialo export starts with `1. <thesis>`, then `1.1. Pro: ...` lines")
    for extra in roots[1:]:
        report.add("X303", f"item {extra} is a second thesis; argmap reads one thesis per Kialo file, "
                   "so it and its items are not carried over", items[extra]["line"], items[extra]["column"])
    root = roots[0]
    thesis_id = _id(root)
    claims: list[Claim] = []
    relations: list[Relation] = []
    side: dict[str, str] = {root: "pro"}
    see = {key: m.group("number").rstrip(".") for key in order
           if key != root and (m := _SEE.search(items[key]["text"]))}
    kept: list[str] = []  # items carried over, parents before children
    alive = {root}  # the thesis and the items that become claims: what other items may answer
    for key in order:
        if key == root or not key.startswith(root + "."):
            continue
        item = items[key]
        parent = key.rsplit(".", 1)[0]
        if parent not in items:
            report.add("X304", f"item {key} has no parent item {parent}; it is skipped", item["line"], item["column"])
            continue
        if parent in see:
            report.add("X304", f"item {key} answers item {parent}, which is only a link to another item; "
                       "it is not carried over", item["line"], item["column"],
                       "answer the item the link points to instead")
            continue
        if parent not in alive:
            report.add("X304", f"item {key} answers item {parent}, which is not carried over; it is skipped",
                       item["line"], item["column"])
            continue
        side[key] = side[parent] if item["stance"] == "pro" else ("con" if side[parent] == "pro" else "pro")
        kept.append(key)
        if key not in see:
            alive.add(key)
    for key in kept:
        item = items[key]
        parent = key.rsplit(".", 1)[0]
        kind = "supports" if item["stance"] == "pro" else "rebuts"
        target = Ref(thesis_id if parent == root else _id(parent))
        if key in see:
            other = _follow(key, see, items, alive, report)
            if other is not None:
                relations.append(Relation(kind, Ref(thesis_id if other == root else _id(other)), target))
            continue
        claims.append(Claim(_id(key), one_line(item["text"]), case=Ref(side[key])))
        relations.append(Relation(kind, Ref(_id(key)), target))
    relations = list(dict.fromkeys(relations))  # a link may repeat a relation the file already has
    thesis_text = one_line(items[root]["text"])
    if not thesis_text:  # argmap's thesis needs words: say so, and hold its place
        thesis_text = f"(item {root} has no text)"
        report.add("X302", f"item {root}, the thesis, has no text; it reads {thesis_text!r} until you write one",
                   items[root]["line"], items[root]["column"])
    thesis = Thesis(thesis_id, thesis_text)
    cases = (Case("pro", "for", Ref(thesis_id), "The pros of the Kialo discussion."),
             Case("con", "against", Ref(thesis_id), "The cons of the Kialo discussion."))
    document = None
    if title:
        stem = (path or "kialo").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        document = Document(make_id(stem, None, "kialo"), title)
    return Map(document=document, theses=(thesis,), cases=cases, claims=tuple(claims),
               relations=tuple(relations), path=path), sorted(report.items, key=lambda d: (d.line, d.column))
