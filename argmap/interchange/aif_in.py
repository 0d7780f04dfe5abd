"""AIF JSON → argmap: the reader (the mapping is described in :mod:`argmap.interchange.aif`).

The file may come from any tool, or from someone's editor: every part is
checked for the type it must have, every id and reference in the
``"argmap"`` block for the argmap syntax, and whatever does not fit is a
diagnostic at its line and column, never a traceback.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from argmap.interchange._common import (LineIndex, Names, Report, json_positions, json_too_deep,
                                        make_id, one_line)
from argmap.interchange import aif_dialogue as dialogue
from argmap.interchange._values import FIELD_NAMES, Values
from argmap.interchange.schemes_map import scheme_of
from argmap.model import (Argument, Case, Claim, Document, Field, Footnote, Link, Map, Quote, Ref,
                          Relation, Thesis, Use, Wording)

_EXT = ("argmap",)


display_name = dialogue.display_name


def read_aif(text: str, path: str | None = None) -> tuple[Map, list]:
    """Read AIF JSON into a Map; (map, diagnostics)."""
    report = Report(path)
    lines = LineIndex(text)
    deep = json_too_deep(text)
    if deep is not None:
        report.fail("the JSON nests lists and objects too deeply to be an AIF graph (more than 64 levels)",
                    *lines.line_col(deep), "AIF graphs nest a few levels: nodes, edges and their fields")
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
        """The position of the value at *key*, or of the nearest part of the file that holds it."""
        full = prefix + key
        while full and full not in positions:
            full = full[:-1]
        offset = positions.get(full)
        return (1, 1) if offset is None else lines.line_col(offset)

    return _AifReader(data, report, where, path).build(), report.items


class _AifReader:
    def __init__(self, data: dict, report: Report, where: Callable[..., tuple[int, int]], path: str | None):
        self.data = data
        self.report = report
        self.where = where
        self.path = path
        self.values = Values(report, lambda key: where(*key), "the \"argmap\" block")
        self.ext = self.values.mapping(data.get("argmap"), _EXT)

    def part(self, name: str) -> dict:
        """The object *name* of the "argmap" block ({} when missing or not an object)."""
        return self.values.mapping(self.ext.get(name), _EXT + (name,))

    def top_list(self, name: str) -> list:
        """The graph's list *name* (participants, locutions): [] with an X302 when it is not a list."""
        value = self.data.get(name)
        if value is None or isinstance(value, list):
            return value or []
        self.report.add("X302", f"`{name}` must be a list, not {type(value).__name__}; it is not read",
                        *self.where(name))
        return []

    def build(self) -> Map:
        report, where, v = self.report, self.where, self.values
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
        ext_claims, ext_args, ext_refs = self.part("claims"), self.part("arguments"), self.part("refs")
        taken: set[str] = Names()
        ref_of: dict[str, Ref] = {}
        claims: list[Claim] = []
        theses: list[Thesis] = []
        # ids first: the extension's, then generated ones
        foreign: set[str] = set()  # I-nodes standing for a claim of another map
        for k in nodes:
            if kind[k] != "I":
                continue
            if k in ext_refs:
                ref = v.ref(ext_refs[k], _EXT + ("refs", k), "a reference to a claim")
                if ref is not None:
                    ref_of[k] = ref
                    foreign.add(k)
                    continue
            info = v.mapping(ext_claims.get(k), _EXT + ("claims", k))
            wanted = v.text(info.get("id"), _EXT + ("claims", k, "id"), None)
            if wanted:
                ref_of[k] = Ref(make_id(wanted, taken))
        for k in nodes:
            if kind[k] == "I" and k not in ref_of:
                ref_of[k] = Ref(make_id(f"n{k}", taken))
        # a rephrasing (MA) is the claim it rephrases in other words: one claim, the rephrasing a wording
        rephrased, joined, other_ma = dialogue.rephrases(
            nodes, kind, incoming, outgoing,
            lambda k: k not in foreign and not (isinstance(ext_claims.get(k), dict) and ext_claims[k].get("thesis")))
        wordings: dict[str, dict[str, Wording]] = {}  # I-node -> its rephrasings' texts, each once
        for k, to in rephrased.items():
            ref_of[k] = ref_of[to]
            text = one_line(str(nodes[k].get("text") or ""))
            if text and text != one_line(str(nodes[to].get("text") or "")) and text not in wordings.get(to, ()):
                info = v.mapping(ext_claims.get(k), _EXT + ("claims", k))
                wordings.setdefault(to, {})[text] = Wording(text, v.citations(info.get("cites"),
                                                                              _EXT + ("claims", k, "cites")))

        speakers = self.speakers(nodes, kind, incoming, outgoing, pos)
        persons = list(speakers.pop(None, []))
        asked = dialogue.forces(nodes, kind, outgoing)  # questions, challenges...: kept as tags
        if asked:
            counts = Counter(asked.values())
            first = min(asked, key=node_index.__getitem__)
            report.add("X305", f"{len(asked)} claim(s) are put forward otherwise than by asserting them ("
                       + ", ".join(f"{n} {force}" for force, n in counts.most_common(4))
                       + (", ..." if len(counts) > 4 else "") + "); each keeps its force as a tag, "
                       f"e.g. `{dialogue.tag_of(asked[first])}`", *pos(first))
        for k, n in nodes.items():
            if kind[k] != "I" or k in foreign or k in rephrased:
                continue
            text = n.get("text")
            if not isinstance(text, str) or not text.strip():
                report.add("X302", f"I-node {k} has no text; the claim {ref_of[k]} is kept without one", *pos(k))
                text = ""
            at = _EXT + ("claims", k)
            info = ext_claims.get(k) if isinstance(ext_claims.get(k), dict) else {}
            cites = v.citations(info.get("cites"), at + ("cites",))
            if v.flag(info.get("thesis"), at + ("thesis",)):
                theses.append(Thesis(ref_of[k].id, one_line(text) or f"(I-node {k} has no text)", cites))
                continue
            by = v.ref(info.get("by"), at + ("by",), "the id of a person") or speakers.get(k)
            claims.append(Claim(
                ref_of[k].id, one_line(text) or ("(no text)" if cites else ""),  # no citation without words
                case=v.ref(info.get("case"), at + ("case",), "the id of a case"),
                by=by, citations=cites, quotes=self.quotes(info.get("quotes"), at + ("quotes",)),
                tags=_with_force(v.tags(info.get("tags"), at + ("tags",)), asked.get(k)),
                concession=v.flag(info.get("concession"), at + ("concession",)), wordings=tuple(wordings.get(k, {}).values())))

        relations: list[Relation] = []
        arguments: list[Argument] = []
        inference: dict[str, object] = {}  # RA id -> Ref(argument) or Link
        schemes: list[tuple[str, str]] = []
        for k, n in nodes.items():
            if kind[k] != "RA":
                continue
            premises = [ref_of[x] for x in incoming[k] if kind.get(x) == "I"]
            conclusions = [ref_of[x] for x in outgoing[k] if kind.get(x) == "I"]
            at = _EXT + ("arguments", k)
            info = v.mapping(ext_args.get(k), at)
            label = str(n.get("scheme") or n.get("text") or "")
            scheme, known = (None, True) if label.strip().lower() == "asserting" else scheme_of(label)  # a misfiled illocution
            own = v.ident(info.get("scheme"), at + ("scheme",), "a scheme's id") if "scheme" in info else None
            if own is not None:  # argmap's own export names the scheme as the map did
                scheme, known = own, True
            if not known:
                schemes.append((k, label))
            if not premises or not conclusions:
                report.add("X303", f"inference node {k} has no {'premise' if not premises else 'conclusion'}; "
                           "it is not carried over", *pos(k))
                continue
            if len(conclusions) > 1:
                report.add("X305", f"inference node {k} has {len(conclusions)} conclusions; each gets its own "
                           "relation", *pos(k))
            for conclusion in conclusions:
                if len(premises) == 1:
                    if not v.flag(info.get("implicit"), at + ("implicit",)):
                        relations.append(Relation("supports", premises[0], conclusion, scheme=scheme))
                    inference[k] = Link(premises[0], conclusion)
                else:
                    ident = make_id(v.text(info.get("id"), at + ("id",), None) or f"ra{k}", taken)
                    arguments.append(Argument(ident, tuple(premises), conclusion,
                                              case=v.ref(info.get("case"), at + ("case",), "the id of a case"),
                                              by=v.ref(info.get("by"), at + ("by",), "the id of a person"),
                                              scheme=scheme))
                    inference[k] = Ref(ident)
        if schemes:
            names = sorted({s for _, s in schemes})
            report.add("X305", f"{len(schemes)} inference(s) name a scheme the catalogue does not have "
                       f"({', '.join(names[:5])}{', ...' if len(names) > 5 else ''}); each is kept as `as "
                       f"{scheme_of(names[0])[0]}` and the like, which `argmap check` reports (S217)",
                       *pos(schemes[0][0]))

        pairs = set()
        for i, pair in enumerate(v.items(self.ext.get("contradictions"), _EXT + ("contradictions",))):
            if isinstance(pair, list):
                pairs.update(str(x) for x in pair if isinstance(x, (str, int)) and not isinstance(x, bool))
            else:
                v.bad(_EXT + ("contradictions", i), "a list of two node ids", pair)
        attacks: list[tuple[str, Ref, object, str]] = []
        unplaced: dict[str, list[str]] = {}
        linked: list[str] = []
        for k in nodes:  # a conflict node with several attackers of a claim: a linked attack, argument `x: p + q rebuts c`
            sources = [ref_of[x] for x in incoming[k] if kind.get(x) == "I"]
            attacked = [ref_of[t] for t in outgoing[k] if kind.get(t) == "I"]
            if kind[k] != "CA" or len(sources) < 2 or not attacked:
                continue
            at = _EXT + ("arguments", k)
            info = v.mapping(ext_args.get(k), at)
            ident = make_id(v.text(info.get("id"), at + ("id",), None) or f"ca{k}", taken)
            for target in attacked:
                arguments.append(Argument(ident, tuple(sources), target,
                                          case=v.ref(info.get("case"), at + ("case",), "the id of a case"),
                                          by=v.ref(info.get("by"), at + ("by",), "the id of a person"), kind="rebuts"))
                if len(attacked) > 1:
                    ident = make_id(f"ca{k}", taken)
            inference[k] = Ref(arguments[-len(attacked)].id)
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
                            if len(sources) == 1:
                                attacks.append((k, ref_of[s], ref_of[target], "rebuts"))
                        elif kind.get(target) in ("RA", "CA") and target in inference:
                            if len(sources) > 1 and k not in linked:
                                linked.append(k)
                            attacks.append((k, ref_of[s], inference[target], "undercuts"))
                        else:
                            report.add("X303", f"conflict node {k} attacks a {kind.get(target)}-node ({target}); "
                                       "argmap has no place for that attack", *pos(k))
            elif t == "PA" or (t == "MA" and k in other_ma):
                unplaced.setdefault("rephrase (MA)" if t == "MA" else "preference (PA)", []).append(k)
            elif t not in ("I", "RA", "L", "YA", "TA", "MA"):
                report.add("X303", f"node {k} of type {t} has no place in argmap", *pos(k))
        if linked:  # a linked undercut: its premises attack an inference only together, which argmap cannot say
            report.add("X303", f"{len(linked)} conflict node(s) have several attackers that undercut an inference "
                       f"only together (the first: {linked[0]}); argmap's linked attack rebuts a claim, so each "
                       "attacker becomes an undercut on its own, stronger than the corpus says", *pos(linked[0]))
        for what, ks in unplaced.items():  # said once a file: a corpus has thousands of them
            report.add("X303", f"{len(ks)} {what} node(s) have no place in argmap (the first: {ks[0]}); "
                       "the claims they join are kept", *pos(ks[0]))
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
        kept = [r for r in relations if r.source != r.target]  # not between a claim and its rephrasing
        dialogue.report_rephrases(report, joined, rephrased, speakers, asked, len(relations) - len(kept), pos)
        relations = kept
        unique = list(dict.fromkeys(relations))
        if len(unique) < len(relations):  # the same inference annotated twice: one reason, said once
            report.add("X305", f"{len(relations) - len(unique)} relation(s) repeat one already read (two RA- or "
                       "CA-nodes between the same claims); each is kept once", 1, 1)
        return self.assemble(theses, claims, arguments, unique, persons)

    def quotes(self, value, at: tuple) -> tuple[Quote, ...]:
        """The quotations of a claim: objects with ``text`` and ``cites`` (a bare string is a text)."""
        v = self.values
        out = []
        for i, q in enumerate(v.items(value, at)):
            if isinstance(q, str):
                q = {"text": q}
            if not isinstance(q, dict):
                v.bad(at + (i,), "an object with `text` and `cites`", q)
                continue
            text = v.text(q.get("text"), at + (i, "text"), None)
            if text is None or not text.strip():
                v.bad(at + (i, "text"), "the words quoted", q.get("text"))
                continue
            out.append(Quote(" ".join(text.split()), v.citations(q.get("cites"), at + (i, "cites"))))
        return tuple(out)

    def speakers(self, nodes, kind, incoming, outgoing, pos) -> dict:
        """I-node id -> Ref to the person who asserts it; key None holds the persons."""
        return dialogue.speakers(self, nodes, kind, incoming, outgoing, pos)

    def assemble(self, theses, claims, arguments, relations, persons) -> Map:
        v = self.values
        doc = None
        info = self.part("document")
        doc_id = v.ident(info.get("id"), _EXT + ("document", "id"), "the map's id")
        if doc_id is not None:
            fields = []
            for i, item in enumerate(v.items(info.get("fields"), _EXT + ("document", "fields"))):
                at = _EXT + ("document", "fields", i)
                if not (isinstance(item, list) and len(item) == 2):
                    v.bad(at, "a pair [name, value]", item)
                    continue
                name, value = item[0], v.text(item[1], at + (1,), None)
                if name not in FIELD_NAMES:
                    v.bad(at + (0,), f"a header field ({', '.join(sorted(FIELD_NAMES))})", name)
                elif value is not None and value.strip():
                    fields.append(Field(name, " ".join(value.split())))
            title = v.text(info.get("title"), _EXT + ("document", "title"), None)
            doc = Document(doc_id, " ".join(title.split()) if title else None, tuple(fields))
        ext_persons = v.persons(self.part("persons"), _EXT + ("persons",))
        cases = []
        for k, c in self.part("cases").items():
            at = _EXT + ("cases", k)
            ident = v.ident(k, at, "a case's id")
            c = v.mapping(c, at)
            if ident is None or not c:
                continue
            stance = c.get("stance", "for")
            thesis = v.ref(c.get("thesis"), at + ("thesis",), "the id of a thesis")
            if stance not in ("for", "against"):
                v.bad(at + ("stance",), "for or against", stance)
                continue
            if thesis is None:
                v.bad(at + ("thesis",), "the id of the thesis the case argues about", c.get("thesis"))
                continue
            text = one_line(v.text(c.get("text"), at + ("text",), None) or "") or ident
            cases.append(Case(ident, stance, thesis, text, v.citations(c.get("cites"), at + ("cites",))))
        footnotes = []
        for k, n in self.part("footnotes").items():
            at = _EXT + ("footnotes", k)
            label = v.label(k, at)
            text = v.text(n, at, None)
            if label is not None and text is not None:
                footnotes.append(Footnote(label, one_line(text) or "(no text)"))
        uses = []
        for k, u in self.part("uses").items():
            at = _EXT + ("uses", k)
            ident = v.ident(k, at, "the id of a map")
            where_to = v.file_path(u, at) if u is not None else None
            if ident is not None and (u is None or where_to is not None):
                uses.append(Use(ident, where_to))
        return Map(document=doc, uses=tuple(uses), theses=tuple(theses), cases=tuple(cases),
                   persons=tuple(ext_persons + list(persons)), claims=tuple(claims), arguments=tuple(arguments),
                   relations=tuple(relations), footnotes=tuple(footnotes), path=self.path)


def _with_force(tags: tuple[str, ...], force: str | None) -> tuple[str, ...]:
    """*tags* and the tag of a claim's illocutionary force (a question, a challenge...), once."""
    tag = dialogue.tag_of(force) if force else None
    return tags if tag is None or tag in tags else (*tags, tag)
