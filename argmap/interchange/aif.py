"""AIF JSON (the Argument Interchange Format as AIFdb and OVA write it), in and out.

Mapping (see docs/interop.md):

* a claim or thesis ↔ an I-node;
* ``a supports b`` ↔ I(a) → RA → I(b); a linked argument ↔ one RA with
  several premises;
* ``a rebuts b`` ↔ I(a) → CA → I(b); ``a contradicts b`` ↔ a CA each way;
* ``a undercuts b -> c`` ↔ I(a) → CA → the RA of b → c;
* who says a claim ↔ an L-node ("Name: text") anchored to the I-node by a
  YA-node ("Asserting"), a locution and a participant.

What AIF has no place for (ids, cases, tags, citations, quotations,
footnotes, the document) travels in a top-level ``"argmap"`` object that
other AIF tools ignore; reading a file without it gives generated ids.
"""

from __future__ import annotations

import json

from argmap.interchange._common import Report, json_positions, make_id, one_line
from argmap.model import (Argument, Case, Citation, Claim, Document, Field, Footnote, Link, Map,
                          Person, Quote, Ref, Relation, Thesis, Use)

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "YA": "Asserting"}
_DEFAULT_SCHEMES = {"", "default inference", "default conflict", "default rephrase", "default preference",
                    "inference", "conflict", "rephrase", "asserting"}


# ------------------------------------------------------------------ write ----


def write_aif(m: Map, report: Report | None = None) -> str:
    """The map as AIF JSON text."""
    report = report or Report(m.path)
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

    def i_of(ref: Ref) -> str:
        key = str(ref)
        if ref.map is None and ref.id in inode:
            return inode[ref.id]
        if key not in inode:
            other = m.resolve(ref)  # a claim of a map named by `use`, when loaded
            inode[key] = node("I", getattr(other, "text", ""))
            ext_refs[inode[key]] = key
            if other is None:
                report.add("X306", f"{key} is not a claim of this map or of a loaded one; AIF gets an "
                           "I-node without text for it", ref.span.line, ref.span.column)
        return inode[key]

    ra_of_argument: dict[str, str] = {}
    for argument in m.arguments:
        ra = node("RA", SCHEME_TEXT["RA"], scheme=SCHEME_TEXT["RA"])
        ra_of_argument[argument.id] = ra
        for premise in argument.premises:
            edge(i_of(premise), ra)
        edge(ra, i_of(argument.conclusion))
        ext_args[ra] = {"id": argument.id, **({"case": str(argument.case)} if argument.case else {}),
                        **({"by": str(argument.by)} if argument.by else {})}

    ra_of_link: dict[tuple[str, str], str] = {}

    def source_of(ref: Ref) -> str:
        if ref.map is None and ref.id in ra_of_argument:
            argument = next(a for a in m.arguments if a.id == ref.id)
            return i_of(argument.conclusion)
        return i_of(ref)

    def target_of(ref: Ref) -> str:
        return ra_of_argument[ref.id] if ref.map is None and ref.id in ra_of_argument else i_of(ref)

    for r in m.relations:
        if r.kind == "supports" and isinstance(r.target, Ref):
            key = (str(r.source), str(r.target))
            if key in ra_of_link:
                continue
            ra = node("RA", SCHEME_TEXT["RA"], scheme=SCHEME_TEXT["RA"])
            ra_of_link[key] = ra
            edge(source_of(r.source), ra)
            edge(ra, target_of(r.target))
    for r in m.relations:
        if r.kind == "supports":
            continue
        if r.kind == "undercuts":
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
        person = m.resolve_person(claim.by)
        key = str(claim.by)
        speaker = _display_name(person.name) if person else key
        if key not in participant_of:
            first, _, last = speaker.rpartition(" ") if person and person.kind == "person" else ("", "", "")
            participant_of[key] = len(participants) + 1
            participants.append({"participantID": participant_of[key], "firstname": first or speaker,
                                 "surname": last if first else ""})
        loc = node("L", f"{speaker}: {claim.text}")
        ya = node("YA", SCHEME_TEXT["YA"], scheme=SCHEME_TEXT["YA"])
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


def _display_name(name: str) -> str:
    """"Yurii Ushakov, Putin's aide." -> "Yurii Ushakov"."""
    return name.split(",")[0].strip().rstrip(".") or name


# ------------------------------------------------------------------- read ----


def read_aif(text: str, path: str | None = None) -> tuple[Map, list]:
    """Read AIF JSON into a Map; (map, diagnostics)."""
    report = Report(path)
    try:
        data = json.loads(text)
    except ValueError as exc:
        report.fail(f"this is not JSON: {getattr(exc, 'msg', exc)}", getattr(exc, "lineno", 1),
                    getattr(exc, "colno", 1), "AIF files are JSON with `nodes` and `edges` lists")
    prefix: tuple = ()
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):  # AIFdb's wrapped export
        data, prefix = data["AIF"], ("AIF",)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        report.fail("this JSON is not an AIF graph: it has no `nodes` and `edges` lists",
                    hint="argmap reads AIF as AIFdb and OVA export it")
    positions = json_positions(text)

    def where(*key) -> tuple[int, int]:
        offset = positions.get(prefix + key)
        if offset is None:
            return 1, 1
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    return _AifReader(data, report, where, path).build(), report.items


class _AifReader:
    def __init__(self, data: dict, report: Report, where, path: str | None):
        self.data = data
        self.report = report
        self.where = where
        self.path = path
        ext = data.get("argmap")
        self.ext = ext if isinstance(ext, dict) else {}

    def build(self) -> Map:
        report, where, ext = self.report, self.where, self.ext
        nodes: dict[str, dict] = {}
        node_index: dict[str, int] = {}
        for i, n in enumerate(self.data["nodes"]):
            if not isinstance(n, dict) or n.get("nodeID") is None:
                report.add("X302", "a node without a nodeID is skipped", *where("nodes", i))
                continue
            ident = str(n["nodeID"])
            if ident in nodes:
                report.add("X302", f"node {ident} is defined twice; the second is skipped", *where("nodes", i))
                continue
            if not n.get("type"):
                report.add("X302", f"node {ident} has no type; it is skipped", *where("nodes", i))
                continue
            nodes[ident] = n
            node_index[ident] = i
        outgoing: dict[str, list[str]] = {k: [] for k in nodes}
        incoming: dict[str, list[str]] = {k: [] for k in nodes}
        for i, e in enumerate(self.data["edges"]):
            if not isinstance(e, dict) or e.get("fromID") is None or e.get("toID") is None:
                report.add("X302", "an edge without fromID or toID is skipped", *where("edges", i))
                continue
            a, b = str(e["fromID"]), str(e["toID"])
            missing = [x for x in (a, b) if x not in nodes]
            if missing:
                report.add("X304", f"edge {e.get('edgeID', i)} points to node {missing[0]}, which does not exist; "
                           "the edge is dropped", *where("edges", i))
                continue
            outgoing[a].append(b)
            incoming[b].append(a)

        def pos(ident: str) -> tuple[int, int]:
            return where("nodes", node_index[ident])

        kind = {k: str(n["type"]).upper() for k, n in nodes.items()}
        ext_claims = ext.get("claims") if isinstance(ext.get("claims"), dict) else {}
        ext_args = ext.get("arguments") if isinstance(ext.get("arguments"), dict) else {}
        ext_refs = ext.get("refs") if isinstance(ext.get("refs"), dict) else {}
        taken: set[str] = set()
        ref_of: dict[str, Ref] = {}
        claims: list[Claim] = []
        theses: list[Thesis] = []
        # ids first: the extension's, then generated ones
        for k in nodes:
            if kind[k] != "I":
                continue
            if k in ext_refs:
                ref_of[k] = Ref.parse(str(ext_refs[k]))
            elif isinstance(ext_claims.get(k), dict) and ext_claims[k].get("id"):
                ref_of[k] = Ref(make_id(str(ext_claims[k]["id"]), taken))
        for k in nodes:
            if kind[k] == "I" and k not in ref_of:
                ref_of[k] = Ref(make_id(f"n{k}", taken))

        speakers = self.speakers(nodes, kind, outgoing, pos)
        persons = list(speakers.pop(None, []))
        for k, n in nodes.items():
            if kind[k] != "I" or k in ext_refs:
                continue
            text = n.get("text")
            if not isinstance(text, str) or not text.strip():
                report.add("X302", f"I-node {k} has no text; the claim {ref_of[k]} is kept without one", *pos(k))
                text = ""
            info = ext_claims.get(k) if isinstance(ext_claims.get(k), dict) else {}
            cites = tuple(Citation(str(c)) for c in info.get("cites", []) or [])
            if info.get("thesis"):
                theses.append(Thesis(ref_of[k].id, one_line(text), cites))
                continue
            by = Ref.parse(info["by"]) if info.get("by") else speakers.get(k)
            claims.append(Claim(
                ref_of[k].id, one_line(text),
                case=Ref.parse(info["case"]) if info.get("case") else None,
                by=by, citations=cites,
                quotes=tuple(Quote(str(q.get("text", "")), tuple(Citation(str(c)) for c in q.get("cites", []) or []))
                             for q in info.get("quotes", []) or [] if isinstance(q, dict)),
                tags=tuple(str(t) for t in info.get("tags", []) or []),
                concession=bool(info.get("concession"))))

        relations: list[Relation] = []
        arguments: list[Argument] = []
        inference: dict[str, object] = {}  # RA id -> Ref(argument) or Link
        schemes: list[tuple[str, str]] = []
        for k, n in nodes.items():
            if kind[k] != "RA":
                continue
            premises = [ref_of[x] for x in incoming[k] if kind.get(x) == "I"]
            conclusions = [ref_of[x] for x in outgoing[k] if kind.get(x) == "I"]
            scheme = str(n.get("scheme") or n.get("text") or "")
            if scheme.strip().lower() not in _DEFAULT_SCHEMES:
                schemes.append((k, scheme))
            if not premises or not conclusions:
                report.add("X303", f"inference node {k} has no {'premise' if not premises else 'conclusion'}; "
                           "it is not carried over", *pos(k))
                continue
            if len(conclusions) > 1:
                report.add("X305", f"inference node {k} has {len(conclusions)} conclusions; each gets its own "
                           "relation", *pos(k))
            info = ext_args.get(k) if isinstance(ext_args.get(k), dict) else {}
            for conclusion in conclusions:
                if len(premises) == 1:
                    if not info.get("implicit"):
                        relations.append(Relation("supports", premises[0], conclusion))
                    inference[k] = Link(premises[0], conclusion)
                else:
                    ident = make_id(str(info.get("id") or f"ra{k}"), taken)
                    arguments.append(Argument(ident, tuple(premises), conclusion,
                                              case=Ref.parse(info["case"]) if info.get("case") else None,
                                              by=Ref.parse(info["by"]) if info.get("by") else None))
                    inference[k] = Ref(ident)
        if schemes:
            names = sorted({s for _, s in schemes})
            report.add("X303", f"{len(schemes)} inference(s) name an argument scheme ({', '.join(names[:5])}"
                       f"{', ...' if len(names) > 5 else ''}); argmap has no place for schemes", *pos(schemes[0][0]))

        pairs = set()
        for pair in ext.get("contradictions", []) or []:
            if isinstance(pair, list):
                pairs.update(str(x) for x in pair)
        attacks: list[tuple[str, Ref, object, str]] = []
        for k, n in nodes.items():
            t = kind[k]
            if t == "CA":
                sources = [x for x in incoming[k] if kind.get(x) == "I"]
                targets = outgoing[k]
                if not sources or not targets:
                    report.add("X303", f"conflict node {k} lacks an attacker or a target; it is not carried over",
                               *pos(k))
                    continue
                for s in sources:
                    for target in targets:
                        if kind.get(target) == "I":
                            attacks.append((k, ref_of[s], ref_of[target], "rebuts"))
                        elif kind.get(target) == "RA" and target in inference:
                            attacks.append((k, ref_of[s], inference[target], "undercuts"))
                        else:
                            report.add("X303", f"conflict node {k} attacks a {kind.get(target)}-node ({target}); "
                                       "argmap has no place for that attack", *pos(k))
            elif t in ("MA", "PA"):
                what = "rephrase (MA)" if t == "MA" else "preference (PA)"
                report.add("X303", f"{what} node {k} has no place in argmap", *pos(k))
            elif t not in ("I", "RA", "L", "YA", "TA"):
                report.add("X303", f"node {k} of type {t} has no place in argmap", *pos(k))
        transitions = [k for k in nodes if kind[k] == "TA"]
        if transitions:
            report.add("X303", f"{len(transitions)} dialogue transition(s) (TA) have no place in argmap; "
                       "who said what is kept", *pos(transitions[0]))

        rebut_pairs = {(str(a), str(b)) for k, a, b, how in attacks if how == "rebuts" and k not in pairs}
        done = set()
        for k, source, target, how in attacks:
            if how == "undercuts":
                relations.append(Relation("undercuts", source, target))
                continue
            key = (str(source), str(target))
            if k in pairs or (key[::-1] in rebut_pairs and not ext_claims):
                if frozenset(key) not in done:
                    done.add(frozenset(key))
                    relations.append(Relation("contradicts", source, target))
                continue
            relations.append(Relation("rebuts", source, target))
        return self.assemble(theses, claims, arguments, relations, persons)

    def speakers(self, nodes, kind, outgoing, pos) -> dict:
        """I-node id -> Ref to the person who asserts it; key None holds the persons."""
        report = self.report
        participants: dict[str, Person] = {}
        taken: set[str] = set()
        ext_persons = self.ext.get("persons") if isinstance(self.ext.get("persons"), dict) else {}
        by_name = {_display_name(str(v.get("name", ""))): k
                   for k, v in ext_persons.items() if isinstance(v, dict)}
        for i, p in enumerate(self.data.get("participants", []) or []):
            if not isinstance(p, dict) or p.get("participantID") is None:
                report.add("X302", "a participant without a participantID is skipped", *self.where("participants", i))
                continue
            name = " ".join(str(p.get(f) or "") for f in ("firstname", "surname")).strip() or f"participant {p['participantID']}"
            ident = by_name.get(name) or make_id(name, taken, "p")
            participants[str(p["participantID"])] = Person(ident, name)
        person_of_l: dict[str, Ref] = {}
        for i, loc in enumerate(self.data.get("locutions", []) or []):
            if not isinstance(loc, dict):
                continue
            node, person = str(loc.get("nodeID")), str(loc.get("personID"))
            if node not in nodes:
                report.add("X304", f"locution for node {node}, which does not exist", *self.where("locutions", i))
                continue
            if person not in participants:
                report.add("X304", f"locution names participant {person}, who is not listed",
                           *self.where("locutions", i))
                continue
            person_of_l[node] = Ref(participants[person].id)
        persons = {p.id: p for p in participants.values()}
        for k, n in nodes.items():  # "Name : text" L-nodes without locutions (older AIFdb files)
            if kind[k] == "L" and k not in person_of_l and isinstance(n.get("text"), str) and " : " in n["text"]:
                name = n["text"].split(" : ", 1)[0].strip()
                ident = by_name.get(name) or next((p.id for p in persons.values() if p.name == name), None)
                if ident is None:
                    ident = make_id(name, taken, "p")
                    persons[ident] = Person(ident, name)
                person_of_l[k] = Ref(ident)
        said: dict = {}
        for k in nodes:
            if kind[k] != "YA":
                continue
            sources = [x for x in nodes if kind[x] == "L" and k in outgoing[x]]
            for target in outgoing[k]:
                if kind.get(target) != "I":
                    continue
                for s in sources:
                    if s in person_of_l:
                        if target in said and said[target] != person_of_l[s]:
                            report.add("X303", f"I-node {target} is asserted by several speakers; argmap keeps "
                                       f"one ({said[target]})", *pos(target))
                            continue
                        said[target] = person_of_l[s]
        ext_ids = set(ext_persons)
        said[None] = [p for p in persons.values() if p.id not in ext_ids]
        return said

    def assemble(self, theses, claims, arguments, relations, persons) -> Map:
        ext = self.ext
        doc = None
        info = ext.get("document")
        if isinstance(info, dict) and info.get("id"):
            doc = Document(str(info["id"]), info.get("title"),
                           tuple(Field(str(a), str(b)) for a, b in info.get("fields", []) or []))
        persons = [Person(str(k), str(v.get("name", k)), v.get("kind") if v.get("kind") in ("person", "org") else "person")
                   for k, v in (ext.get("persons") or {}).items() if isinstance(v, dict)] + list(persons)
        cases = [Case(str(k), v.get("stance", "for"), Ref.parse(str(v.get("thesis", ""))), str(v.get("text", "")),
                      tuple(Citation(str(c)) for c in v.get("cites", []) or []))
                 for k, v in (ext.get("cases") or {}).items() if isinstance(v, dict)]
        footnotes = [Footnote(str(k), str(v)) for k, v in (ext.get("footnotes") or {}).items()]
        uses = [Use(str(k), v) for k, v in (ext.get("uses") or {}).items()]
        return Map(document=doc, uses=tuple(uses), theses=tuple(theses), cases=tuple(cases), persons=tuple(persons),
                   claims=tuple(claims), arguments=tuple(arguments), relations=tuple(relations),
                   footnotes=tuple(footnotes), path=self.path)
