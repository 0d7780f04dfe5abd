"""AIF JSON (the Argument Interchange Format as AIFdb and OVA write it), in and out.

Mapping (see docs/interop.md):

* a claim or thesis ↔ an I-node;
* a linked attack ``argument x: p + q rebuts c`` ↔ I(p), I(q) → one CA → I(c);
* ``a supports b`` ↔ I(a) → RA → I(b); a linked argument ↔ one RA with
  several premises;
* ``a rebuts b`` ↔ I(a) → CA → I(b); ``a contradicts b`` ↔ a CA each way;
* ``a undercuts b -> c`` ↔ I(a) → CA → the RA of b → c;
* another wording of a claim ↔ an I-node that rephrases it, I(wording) → MA
  ("Default Rephrase") → I(claim);
* who says a claim ↔ an L-node ("Name: text") anchored to the I-node by a
  YA-node ("Asserting"), a locution and a participant.

What AIF has no place for (ids, cases, tags, citations, quotations,
footnotes, the document) travels in a top-level ``"argmap"`` object that
other AIF tools ignore; reading a file without it gives generated ids.
"""

from __future__ import annotations

import json

from argmap.interchange.aif_dialogue import force_of
from argmap.interchange._common import Report, report_settings
from argmap.interchange.schemes_map import label_of
from argmap.interchange.aif_in import display_name as _display_name
from argmap.interchange.aif_in import read_aif
from argmap.model import Link, Map, Ref
from argmap.resolve import resolve

__all__ = ["SCHEME_TEXT", "read_aif", "write_aif"]

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "YA": "Asserting", "MA": "Default Rephrase"}


# ------------------------------------------------------------------ write ----


def write_aif(m: Map, report: Report | None = None) -> str:
    """The map as AIF JSON text."""
    report = report or Report(m.path)
    report_settings(m, report, "AIF")
    resolved = resolve(m)
    nodes: list[dict] = []
    edges: list[dict] = []
    ext_claims: dict[str, dict] = {}
    ext_args: dict[str, dict] = {}
    ext_refs: dict[str, str] = {}
    contradictions: list[list[str]] = []

    def node(kind: str, text: str, **extra) -> str:
        ident = str(len(nodes) + 1)
        nodes.append({"nodeID": ident, "text": text, "type": kind, **extra})
        return ident

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    inode: dict[str, str] = {}
    for thesis in m.theses:
        inode[thesis.id] = node("I", thesis.text)
        ext_claims[inode[thesis.id]] = {"id": thesis.id, "thesis": True,
                                        **({"cites": [c.label for c in thesis.citations]} if thesis.citations else {})}
    for claim in m.claims:
        if claim.id in inode:
            continue
        inode[claim.id] = node("I", claim.text)
        entry: dict = {"id": claim.id}
        if claim.case:
            entry["case"] = str(claim.case)
        if claim.by:
            entry["by"] = str(claim.by)
        if claim.citations:
            entry["cites"] = [c.label for c in claim.citations]
        if claim.quotes:
            entry["quotes"] = [{"text": q.text, "cites": [c.label for c in q.citations]} for q in claim.quotes]
        if claim.tags:
            entry["tags"] = list(claim.tags)
        if claim.concession:
            entry["concession"] = True
        ext_claims[inode[claim.id]] = entry
        for wording in claim.wordings:
            rephrasing, ma = node("I", wording.text), node("MA", SCHEME_TEXT["MA"], scheme=SCHEME_TEXT["MA"])
            edge(rephrasing, ma)
            edge(ma, inode[claim.id])
            if wording.citations:
                ext_claims[rephrasing] = {"cites": [c.label for c in wording.citations]}

    def i_of(ref: Ref) -> str:
        key = str(ref)
        if ref.map is None and ref.id in inode:
            return inode[ref.id]
        if key not in inode:
            other = resolved.node_named(ref)  # a claim of a map named by `use`, when loaded
            inode[key] = node("I", getattr(other, "text", ""))
            ext_refs[inode[key]] = key
            if other is None:
                report.add("X306", f"{key} is not a claim of this map or of a loaded one; AIF gets an "
                           "I-node without text for it", ref.span.line, ref.span.column)
        return inode[key]

    ra_of_argument: dict[str, str] = {}
    def inference(scheme: str | None) -> str:
        """An RA node: with its scheme's AIF label when the map names one."""
        label = label_of(scheme) if scheme else SCHEME_TEXT["RA"]
        return node("RA", label, scheme=label)

    for argument in m.arguments:
        # a linked attack is one conflict node with all its premises; a linked argument one inference node
        ra = node("CA", SCHEME_TEXT["CA"], scheme=SCHEME_TEXT["CA"]) if argument.attacks else inference(argument.scheme)
        ra_of_argument[argument.id] = ra
        for premise in argument.premises:
            edge(i_of(premise), ra)
        edge(ra, i_of(argument.conclusion))
        ext_args[ra] = {"id": argument.id, **({"case": str(argument.case)} if argument.case else {}),
                        **({"by": str(argument.by)} if argument.by else {}),
                        **({"scheme": argument.scheme} if argument.scheme and not argument.attacks else {})}

    ra_of_link: dict[tuple[str, str], str] = {}

    argument_by_id = {a.id: a for a in m.arguments}

    def source_of(ref: Ref) -> str:
        if ref.map is None and ref.id in ra_of_argument:
            argument = argument_by_id[ref.id]
            return ra_of_argument[ref.id] if argument.attacks else i_of(argument.conclusion)
        return i_of(ref)

    def target_of(ref: Ref) -> str:
        return ra_of_argument[ref.id] if ref.map is None and ref.id in ra_of_argument else i_of(ref)

    for r in m.relations:
        if r.kind == "supports" and isinstance(r.target, Ref):
            key = (str(r.source), str(r.target))
            if key in ra_of_link:
                continue
            ra = inference(r.scheme)
            ra_of_link[key] = ra
            if r.scheme:
                ext_args[ra] = {"scheme": r.scheme}
            edge(source_of(r.source), ra)
            edge(ra, target_of(r.target))
    for r in m.relations:
        if r.kind == "supports":
            if isinstance(r.target, Link):  # support of an inference: AIF has no node for it
                report.add("X306", f"`{r.source} supports {r.target}` backs an inference, which AIF cannot say; "
                           "it is left out", r.span.line, r.span.column)
            continue
        if r.kind == "undercuts" or isinstance(r.target, Link):  # any attack on a link is on its inference
            if r.kind != "undercuts":
                report.add("X305", f"`{r.source} {r.kind} {r.target}` attacks an inference: AIF has it as an "
                           "undercut", r.span.line, r.span.column)
            if isinstance(r.target, Link):
                key = (str(r.target.source), str(r.target.target))
                if key not in ra_of_link:
                    ra = node("RA", SCHEME_TEXT["RA"], scheme=SCHEME_TEXT["RA"])
                    ra_of_link[key] = ra
                    ext_args[ra] = {"implicit": True}
                    edge(source_of(r.target.source), ra)
                    edge(ra, target_of(r.target.target))
                target = ra_of_link[key]
            else:
                target = target_of(r.target)
            ca = node("CA", SCHEME_TEXT["CA"], scheme=SCHEME_TEXT["CA"])
            edge(source_of(r.source), ca)
            edge(ca, target)
            continue
        ca = node("CA", SCHEME_TEXT["CA"], scheme=SCHEME_TEXT["CA"])
        edge(source_of(r.source), ca)
        edge(ca, target_of(r.target))
        if r.kind == "contradicts":
            back = node("CA", SCHEME_TEXT["CA"], scheme=SCHEME_TEXT["CA"])
            edge(target_of(r.target), back)
            edge(back, source_of(r.source))
            contradictions.append([ca, back])

    participants: list[dict] = []
    locutions: list[dict] = []
    participant_of: dict[str, int] = {}
    for claim in m.claims:
        if claim.by is None:
            continue
        person = resolved.person_named(claim.by)
        key = str(claim.by)
        speaker = _display_name(person.name) if person else key
        if key not in participant_of:
            first, _, last = speaker.rpartition(" ") if person and person.kind == "person" else ("", "", "")
            participant_of[key] = len(participants) + 1
            participants.append({"participantID": participant_of[key], "firstname": first or speaker,
                                 "surname": last if first else ""})
        loc = node("L", f"{speaker}: {claim.text}")
        force = force_of(claim.tags)  # a question or a challenge read from a corpus is one again
        ya = node("YA", force, scheme=force)
        edge(loc, ya)
        edge(ya, inode[claim.id])
        locutions.append({"nodeID": loc, "personID": participant_of[key]})

    ext: dict = {"version": 1, "claims": ext_claims}
    if ext_args:
        ext["arguments"] = ext_args
    if ext_refs:
        ext["refs"] = ext_refs
    if contradictions:
        ext["contradictions"] = contradictions
    doc = m.document
    if doc is not None:
        ext["document"] = {"id": doc.id, "title": doc.title, "fields": [[f.name, f.value] for f in doc.fields]}
    if m.uses:
        ext["uses"] = {u.id: u.path for u in m.uses}
    if m.cases:
        ext["cases"] = {c.id: {"stance": c.stance, "thesis": str(c.thesis), "text": c.text,
                               "cites": [x.label for x in c.citations]} for c in m.cases}
    if m.persons:
        ext["persons"] = {p.id: {"name": p.name, "kind": p.kind} for p in m.persons}
    if m.footnotes:
        ext["footnotes"] = {n.label: n.text for n in m.footnotes}
    graph = {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants, "argmap": ext}
    return json.dumps(graph, indent=1, ensure_ascii=False) + "\n"
