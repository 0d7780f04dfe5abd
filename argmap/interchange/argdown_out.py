"""argmap → Argdown: a document Argdown's own tools read as the same map.

Mapping (see docs/interop.md):

* claims and theses → titled statements ``[id]: text #tags {data}``; the id is
  the title, so equal ids are one equivalence class;
* cases → headings with ``{case, stance, thesis}`` data; a claim is written
  in the section of its case;
* ``supports``/``rebuts``/``contradicts`` → ``+>``/``->``/``><`` under the
  source statement;
* a linked argument → an argument with a premise-conclusion structure;
* ``undercuts a -> b`` → the support from ``a`` to ``b`` becomes a one-step
  argument ``<a supports b>``, and the undercut ``<_`` points at it;
* persons, footnotes, the document's fields → the front matter's
  ``argmap`` block; who says a claim, its citations and quotations → the
  statement's data.
"""

from __future__ import annotations

import bisect
import json
import re

from argmap.interchange._common import Report, report_settings
from argmap.interchange.argdown_titles import fits, is_title_comment, read_titles
from argmap.interchange.schemes_map import label_of
from argmap.model import Argument, Claim, Link, Map, Ref, Relation, Thesis

_SYMBOL = {"supports": "+>", "rebuts": "->", "contradicts": "><", "undercuts": "_>"}
# Characters that start Argdown markup inside statement text.
_MARKUP = re.compile(r"[\\@#*_\[\]<>/{}]|[.:](?=\S)|^[-+]|(?<=\s)[-+](?=[>\s])")


def escape(text: str) -> str:
    """Statement text as Argdown reads it literally (markup characters escaped)."""
    return _MARKUP.sub(lambda m: "\\" + m.group(0), re.sub(r"\s+", " ", text).strip())


def _escape_json_strings(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_escape_json_strings(str(k))}: {_escape_json_strings(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_escape_json_strings(v) for v in value) + "]"
    if isinstance(value, str):
        s = json.dumps(value, ensure_ascii=False)
        # A brace would end Argdown's data token early, "===" its front matter.
        return s.replace("{", "\\u007B").replace("}", "\\u007D").replace("=", "\\u003D")
    return json.dumps(value)


def _title(ref: Ref) -> str:
    return str(ref)


def _data(claim: Claim | None) -> dict:
    if claim is None:
        return {}
    data: dict = {}
    if claim.by:
        data["by"] = str(claim.by)
    if claim.citations:
        data["cites"] = [c.label for c in claim.citations]
    if claim.quotes:
        data["quotes"] = [{"text": q.text, **({"cites": [c.label for c in q.citations]} if q.citations else {})}
                          for q in claim.quotes]
    if claim.concession:
        data["concession"] = True
    return data


def _front_matter(m: Map) -> list[str]:
    doc = m.document
    lines = ["==="]
    block: dict = {}
    if doc is not None:
        if doc.title:
            lines.append(f"title: {_escape_json_strings(doc.title)}")
        if doc.authors:
            authors = list(doc.authors)
            lines.append(f"author: {_escape_json_strings(authors[0] if len(authors) == 1 else authors)}")
        if doc.published:
            lines.append(f"date: {_escape_json_strings(doc.published)}")
        block["id"] = doc.id
        other = [[f.name, f.value] for f in doc.fields if f.name not in ("author", "published")]
        if other:
            block["fields"] = other
    elif m.path:
        block["id"] = m.id
    if m.uses:
        block["uses"] = {u.id: u.path for u in m.uses}
    if m.theses:
        block["theses"] = {t.id: [c.label for c in t.citations] for t in m.theses}
    if m.persons:
        block["persons"] = {p.id: {"name": p.name, "kind": p.kind} for p in m.persons}
    if m.footnotes:
        block["footnotes"] = {n.label: n.text for n in m.footnotes}
    if block:
        lines.append("argmap:")
        for key, value in block.items():
            lines.append(f"  {key}: {_escape_json_strings(value)}")
    lines.append("===")
    return lines if len(lines) > 2 else []


def write_argdown(m: Map, report: Report | None = None) -> str:
    """The map as Argdown text."""
    report = report or Report(m.path)
    report_settings(m, report, "Argdown")
    # A relation in Argdown carries no inference rule: a support that names its scheme is written as
    # the one-step argument it is, its scheme on the inference line (read back as the same support).
    schemes = {(str(r.source), str(r.target)): r.scheme for r in m.relations
               if r.kind == "supports" and r.scheme and isinstance(r.target, Ref)}
    out = _front_matter(m)
    if out:
        out.append("")
    arguments = {a.id for a in m.arguments}
    titles = _titles(m)
    links: dict[tuple[str, str], str] = {}
    supported: dict[str, set[str]] = {}
    for r in m.relations:
        if r.kind == "supports":
            supported.setdefault(str(r.source), set()).add(str(r.target))
    direct: set[tuple[str, str]] = set()  # undercut supports whose source is an Argdown argument already
    for r in m.relations:
        if isinstance(r.target, Link):  # undercuts a -> b; any other kind aimed at a link is drawn the same way
            key = (str(r.target.source), str(r.target.target))
            if titles.get(key[0], ("", False))[1] and supported.get(key[0]) == {key[1]}:
                direct.add(key)  # `<_` under <A> says it: A supports only that one claim
            else:
                links.setdefault(key, f"{key[0]} supports {key[1]}")
    for key in schemes:
        links.setdefault(key, f"{key[0]} supports {key[1]}")

    def member(ref: Ref) -> str:
        if ref.map is None and ref.id in titles:
            title, argument = titles[ref.id]
            return f"<{title}>" if argument or ref.id in arguments else f"[{title}]"
        return f"<{ref.id}>" if ref.map is None and ref.id in arguments else f"[{_title(ref)}]"

    def target(r: Relation) -> str:
        if isinstance(r.target, Link):
            key = (str(r.target.source), str(r.target.target))
            return member(r.target.source) if key in direct else f"<{links[key]}>"
        return member(r.target)

    outgoing: dict[str, list[Relation]] = {}
    for r in m.relations:
        if r.kind == "supports" and (str(r.source), str(r.target)) in links:
            continue  # written as the argument the undercut attacks
        outgoing.setdefault(str(r.source), []).append(r)

    def statement(node: Claim | Thesis, case: str | None) -> list[str]:
        text = escape(node.text)
        tags = "".join(f" #{t}" for t in getattr(node, "tags", ()))
        data = _data(node) if isinstance(node, Claim) else {}
        if isinstance(node, Thesis):
            data = {"thesis": True}
        if isinstance(node, Claim) and node.case and case is None:
            data["case"] = str(node.case)
        tail = f" {_escape_json_strings(data)}" if data else ""
        # No text: `[id]` alone (a reference), since Argdown refuses a definition `[id]:` with none
        head = member(Ref(node.id)) if isinstance(node, Claim) else f"[{titles.get(node.id, (node.id,))[0]}]"
        if head.startswith("<") and text == escape(head[1:-1]):
            text = ""  # an argument named and never described: Argdown reads its title as its text
        lines = [f"{head}: {text}{tags}{tail}".rstrip() if text else f"{head}{tags}{tail}"]
        for r in outgoing.pop(node.id, []):
            lines.append(f"    {_SYMBOL[r.kind]} {target(r)}")
        if head.startswith("["):  # the other wordings: more members of the statement's equivalence class
            # a wording of nothing but spaces says nothing, and `[id]:` without text is refused by Argdown
            for wording in (escape(w.text) for w in getattr(node, "wordings", ())):
                if wording:
                    lines += ["", f"{head}: {wording}"]
        return lines + [""]

    for thesis in m.theses:
        out += statement(thesis, None)
    seen_cases = {c.id for c in m.cases}
    groups = m.group_table
    for claim in m.claims:
        if claim.group in groups:
            continue  # under its group's heading
        if claim.case is None or claim.case.map is not None or claim.case.id not in seen_cases:
            out += statement(claim, None)
    out += _group_sections(m, lambda claim: statement(claim, None))
    in_case: dict[str, list[Claim]] = {}
    for claim in m.claims:
        if claim.case is not None and claim.case.map is None and claim.group not in groups:
            in_case.setdefault(claim.case.id, []).append(claim)
    for case in m.cases:
        data = {"case": case.id, "stance": case.stance, "thesis": str(case.thesis)}
        if case.citations:
            data["cites"] = [c.label for c in case.citations]
        out += [f"# {escape(case.text) or case.id} {_escape_json_strings(data)}", ""]
        for claim in in_case.get(case.id, ()):
            out += statement(claim, case.id)

    texts = {n.id: n.text for n in (*m.theses, *m.claims)}
    chains = _chains(m, titles)
    inside = {a.id for steps in chains.values() for a in steps[:-1]}
    for argument in m.arguments:
        if argument.id in chains:
            out += _pcs_steps(chains[argument.id], member)
        elif argument.id not in inside:
            out += _pcs(argument, member, texts)
    for (source, conclusion), title in links.items():
        scheme = schemes.get((source, conclusion))
        inference = ["--", escape(label_of(scheme)), "--"] if scheme else ["----"]
        out += [f"<{title}>", "", f"(1) [{source}]", *inference, f"(2) [{conclusion}]", ""]
    for source, relations in outgoing.items():
        out.append(member(Ref.parse(source)))
        for r in relations:
            out.append(f"    {_SYMBOL[r.kind]} {target(r)}")
        out.append("")
    return _with_comments(m, out, {title: ident for ident, (title, _) in titles.items()})


def _group_sections(m: Map, statement) -> list[str]:
    """Each group as a heading (``##`` for a group inside another), its claims under it."""
    table = m.group_table
    children: dict[str | None, list[str]] = {}
    for g in table.values():
        parent = g.parent.id if g.parent is not None and g.parent.map is None and g.parent.id in table else None
        children.setdefault(parent if parent != g.id else None, []).append(g.id)
    out: list[str] = []
    done: set[str] = set()

    def section(gid: str, level: int) -> None:
        if gid in done:
            return
        done.add(gid)
        g = table[gid]
        out.extend([f"{'#' * min(level, 6)} {escape(g.title) or gid} {_escape_json_strings({'group': gid})}", ""])
        for claim in m.members(gid):
            out.extend(statement(claim))
        for child in children.get(gid, ()):
            section(child, level + 1)

    for gid in [*children.get(None, ()), *table]:
        section(gid, 1)
    return out


def _titles(m: Map) -> dict[str, tuple[str, bool]]:
    """Id -> (Argdown title, an argument?) from the map's title comments, where the title names nothing else."""
    arguments = {a.id for a in m.arguments}
    nodes = {n.id for n in (*m.theses, *m.claims)} | arguments
    records = {i: r for i, r in read_titles(m.comments).items() if i in nodes and fits(r[0])}
    # Argdown has one name space for statements `[...]` and one for arguments `<...>`: each name once
    written = {(i in arguments or (i in records and records[i][1]), i) for i in nodes if i not in records}
    out: dict[str, tuple[str, bool]] = {}
    last_step: dict[str, str] = {}  # a title shared by the steps of one structure -> its last step
    for a in m.arguments:
        if a.id in records and records[a.id][1]:
            last_step[records[a.id][0]] = a.id
    for ident, (title, argument) in records.items():
        key = (argument or ident in arguments, title)
        if ident in arguments and last_step.get(title, ident) != ident:
            continue  # an earlier step: written inside the structure of the last one, or by its id
        if key not in written:
            written.add(key)
            out[ident] = (title, argument)
    return out


def _chains(m: Map, titles: dict[str, tuple[str, bool]]) -> dict[str, list[Argument]]:
    """The arguments that are the steps of one Argdown structure, by the id of the last step.

    Steps share a title comment, follow one another in the map, and each
    step's conclusion is a premise of the next; nothing outside refers to an
    earlier step, which the structure would no longer name.
    """
    records = read_titles(m.comments)
    by_title: dict[str, list[Argument]] = {}
    for a in m.arguments:
        record = records.get(a.id)
        if record is not None and record[1]:
            by_title.setdefault(record[0], []).append(a)
    named = {str(ref) for r in m.relations
             for ref in (r.source, *((r.target.source, r.target.target) if isinstance(r.target, Link) else (r.target,)))}
    named |= {str(p) for a in m.arguments for p in (*a.premises, a.conclusion)}
    out: dict[str, list[Argument]] = {}
    for title, steps in by_title.items():
        last = steps[-1]
        if (len(steps) > 1 and titles.get(last.id, ("",))[0] == title
                and all(a.conclusion in b.premises for a, b in zip(steps, steps[1:]))
                and not any(a.id in named for a in steps[:-1])):
            out[last.id] = steps
    return out


def _with_comments(m: Map, out: list[str], ids: dict[str, str]) -> str:
    """Argdown ``//`` comment lines for the map's comments, each before the statement it preceded.

    The title comments are not repeated: the titles say them.  *ids* maps
    the titles written back to their ids.
    """
    comments = [c for c in m.comments if not is_title_comment(c)]
    if not comments:
        return "\n".join(out).rstrip("\n") + "\n"
    anchors = sorted((n.span.line, n.id) for n in (*m.theses, *m.claims, *m.arguments))
    anchor_lines = [line for line, _ in anchors]
    before: dict[str, list[str]] = {}
    trailing: list[str] = []
    for comment in comments:
        following = bisect.bisect_right(anchor_lines, comment.span.line)  # the first statement after it
        text = f"// {comment.text}".rstrip()
        (before.setdefault(anchors[following][1], []) if following < len(anchors) else trailing).append(text)
    result: list[str] = []
    for line in out:
        m_def = re.match(r"(?:\[(.+?)\]:|<(.+?)>(?::| \{|$))", line)
        ident = m_def and (m_def.group(1) or m_def.group(2))
        ident = ids.get(ident, ident) if ident else ident
        if ident in before:
            result += before.pop(ident)
        result.append(line)
    for lines in before.values():
        trailing += lines
    if trailing:
        result += [""] + trailing
    return "\n".join(result).rstrip("\n") + "\n"


def _pcs_steps(steps: list[Argument], member) -> list[str]:
    """One premise-conclusion structure for the chained *steps*; each conclusion goes on to the next step."""
    lines = _pcs(steps[-1], member)[:2]
    n, previous = 0, None
    for step in steps:
        for premise in step.premises:
            if premise != previous:
                n += 1
                lines.append(f"({n}) {member(premise)}")
        n += 1
        lines += ["----", f"({n}) {member(step.conclusion)}"]
        previous = step.conclusion
    return lines + [""]


def _pcs(argument: Argument, member, texts: dict[str, str] | None = None) -> list[str]:
    """One premise-conclusion structure; a linked attack's conclusion is the denial that attacks its target.

    Argdown has no linked attack: an argument attacks a statement when its
    conclusion does.  So ``argument x: p + q rebuts c`` goes out as ``<x>``
    with premises p and q and the conclusion ``[x_conclusion]: Not: <c's
    text>``, which attacks ``[c]``; the data ``{"linked": "rebuts"}`` on
    ``<x>`` lets argmap read it back as the linked attack.
    """
    data = {}
    if argument.attacks:
        data["linked"] = "rebuts"
    if argument.case:
        data["case"] = str(argument.case)
    if argument.by:
        data["by"] = str(argument.by)
    head = member(Ref(argument.id)) + (f" {_escape_json_strings(data)}" if data else "")
    lines = [head, ""]
    for n, premise in enumerate(argument.premises, 1):
        lines.append(f"({n}) {member(premise)}")
    # a scheme is the inference's rule, in Argdown's expanded inference line
    inference = ["--", escape(label_of(argument.scheme)), "--"] if argument.scheme and not argument.attacks else ["----"]
    if argument.attacks:
        said = (texts or {}).get(argument.conclusion.id) if argument.conclusion.map is None else None
        denial = f"Not: {escape(said)}" if said else f"What {argument.conclusion} says is not so."
        return lines + [*inference, f"({len(argument.premises) + 1}) [{argument.id}_conclusion]: {denial}",
                        f"    {_SYMBOL['rebuts']} {member(argument.conclusion)}", ""]
    lines += [*inference, f"({len(argument.premises) + 1}) {member(argument.conclusion)}", ""]
    return lines
