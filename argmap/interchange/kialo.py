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
            items[key] = {"stance": stance, "text": text_of.strip(), "line": number, "column": column}
            order.append(key)
            last = key
        elif last is not None:
            items[last]["text"] += " " + stripped
        else:
            report.add("X302", "this line is neither the discussion title nor a numbered item; it is skipped",
                       number, column, "Kialo items start with their number: `1.1. Pro: text`")
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
    for key in order:
        if key == root or not key.startswith(root + "."):
            continue
        item = items[key]
        parent = key.rsplit(".", 1)[0]
        if parent not in items or parent not in side:
            report.add("X304", f"item {key} has no parent item {parent}; it is skipped", item["line"], item["column"])
            continue
        kind = "supports" if item["stance"] == "pro" else "rebuts"
        side[key] = side[parent] if kind == "supports" else ("con" if side[parent] == "pro" else "pro")
        target = Ref(thesis_id if parent == root else _id(parent))
        see = _SEE.search(item["text"])
        if see:
            other = see.group("number").rstrip(".")
            if other not in items:
                report.add("X304", f"item {key} points to item {other}, which does not exist; the link is dropped",
                           item["line"], item["column"])
                continue
            relations.append(Relation(kind, Ref(thesis_id if other == root else _id(other)), target))
            continue
        claims.append(Claim(_id(key), one_line(item["text"]), case=Ref(side[key])))
        relations.append(Relation(kind, Ref(_id(key)), target))
    thesis = Thesis(thesis_id, one_line(items[root]["text"]))
    cases = (Case("pro", "for", Ref(thesis_id), "The pros of the Kialo discussion."),
             Case("con", "against", Ref(thesis_id), "The cons of the Kialo discussion."))
    document = None
    if title:
        stem = (path or "kialo").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        document = Document(make_id(stem, None, "kialo"), title)
    return Map(document=document, theses=(thesis,), cases=cases, claims=tuple(claims),
               relations=tuple(relations), path=path), report.items
