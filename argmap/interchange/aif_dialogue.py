"""What a dialogue corpus says of each claim: its illocution, kept as a tag.

In AIF's dialogue extension (Reed et al., "AIF+", and the Inference
Anchoring Theory of Budzynska & Reed) a locution is anchored to the
proposition it puts forward by a YA-node whose text is the illocutionary
force: Asserting, or one of the forms below.  argmap's claims are asserted;
a proposition put as a question, a challenge or a restatement keeps what it
was as a tag named after its force (``pure_questioning``), and the AIF
writer gives such a claim that force back on its YA-node.
"""

from __future__ import annotations

import re

from argmap.interchange._common import Names, make_id, one_line
from argmap.interchange._values import is_id
from argmap.model import Person, Ref

ASSERTING = "Asserting"


def display_name(name: str) -> str:
    """"Yurii Ushakov, Putin's aide." -> "Yurii Ushakov"."""
    return name.split(",")[0].strip().rstrip(".") or name

#: The illocutionary forces of Inference Anchoring Theory that put a proposition forward otherwise than by
#: asserting it, as AIF corpora (QT30, US2016) name them; any other YA text is kept the same way.
ILLOCUTIONS = (
    "Pure Questioning", "Assertive Questioning", "Rhetorical Questioning",
    "Pure Challenging", "Assertive Challenging", "Rhetorical Challenging",
    "Agreeing", "Disagreeing", "Restating", "Arguing", "Default Illocuting", "Popular Conceding",
)


def tag_of(force: str) -> str | None:
    """The tag that keeps *force* on a claim: its words joined by ``_``, lower case; None for Asserting
    and for a text with no letter (a number is no force).  A tag is an id, so it starts with a letter."""
    words = re.findall(r"[^\W_]+", force)
    if not words or " ".join(words).lower() == ASSERTING.lower():
        return None
    first = next((i for i, w in enumerate(words) if not w[0].isdigit()), None)
    if first is None:
        return None
    return "_".join(w.lower() for w in words[first:])[:60].rstrip("_")


_BY_TAG = {tag_of(f): f for f in ILLOCUTIONS}


def force_of(tags) -> str:
    """The force to write on a claim's YA-node: the first of its tags that names one, else Asserting."""
    return next((_BY_TAG[t] for t in tags if t in _BY_TAG), ASSERTING)


def forces(nodes: dict, kind: dict, outgoing: dict) -> dict[str, str]:
    """I-node id -> the force its YA-nodes give it, for those not merely asserted (the first one met)."""
    found: dict[str, str] = {}
    for k, n in nodes.items():
        if kind[k] != "YA":
            continue
        force = str(n.get("text") or n.get("scheme") or "").strip()
        if tag_of(force) is None:
            continue
        for target in outgoing[k]:
            if kind.get(target) == "I":
                found.setdefault(target, force)
    return found


def speakers(reader, nodes, kind, incoming, outgoing, pos) -> dict:
    """I-node id -> Ref to the person who asserts it; key None holds the persons.

    *reader* is the AIF reader (its report, its top-level lists, its extension). Speakers come from the
    locutions' participants, else from an L-node's text ``Name : words``.
    """
    report = reader.report
    participants: dict[str, Person] = {}
    taken: set[str] = Names()
    ext_persons = reader.part("persons")
    by_name = {display_name(one_line(str(p.get("name", "")))): k
               for k, p in ext_persons.items() if isinstance(p, dict) and is_id(k)}
    for i, p in enumerate(reader.top_list("participants")):
        if not isinstance(p, dict) or p.get("participantID") is None:
            report.add("X302", "a participant without a participantID is skipped", *reader.where("participants", i))
            continue
        name = one_line(" ".join(str(p.get(f) or "") for f in ("firstname", "surname"))) \
            or f"participant {p['participantID']}"
        ident = by_name.get(name) or make_id(name, taken, "p")
        participants[str(p["participantID"])] = Person(ident, name)
    person_of_l: dict[str, Ref] = {}
    unlisted: list[tuple[str, str, int]] = []
    for i, loc in enumerate(reader.top_list("locutions")):
        if not isinstance(loc, dict):
            continue
        node, person = str(loc.get("nodeID")), str(loc.get("personID"))
        if node not in nodes:
            report.add("X304", f"locution for node {node}, which does not exist", *reader.where("locutions", i))
            continue
        if person not in participants:
            unlisted.append((node, person, i))  # the speaker may still be in the L-node's text, below
            continue
        person_of_l[node] = Ref(participants[person].id)
    persons = {p.id: p for p in participants.values()}
    by_person_name = {p.name: p.id for p in persons.values()}
    for k, n in nodes.items():  # "Name : text" L-nodes without locutions (older AIFdb files)
        if kind[k] == "L" and k not in person_of_l and isinstance(n.get("text"), str) and " : " in n["text"]:
            name = one_line(n["text"].split(" : ", 1)[0])
            ident = by_name.get(name) or by_person_name.get(name)
            if ident is None:
                ident = make_id(name, taken, "p")
                persons[ident] = Person(ident, name or ident)
                by_person_name[name] = ident
            person_of_l[k] = Ref(ident)
    lost = [(node, person, i) for node, person, i in unlisted if node not in person_of_l]
    if lost:  # said once a file: a corpus has tens of thousands of such locutions
        node, person, i = lost[0]
        others = f" and {len(lost) - 1} more locution(s)" if len(lost) > 1 else ""
        report.add("X304", f"locution for node {node}{others} names a participant ({person}) who is not listed, "
                   "and the L-node's text does not name the speaker; those claims keep no speaker",
                   *reader.where("locutions", i))
    said: dict = {}
    for k in nodes:
        if kind[k] != "YA":
            continue
        # the L-nodes pointing at this YA-node: its incoming edges, not a search of every node
        sources = [x for x in dict.fromkeys(incoming[k]) if kind.get(x) == "L"]
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


def rephrases(nodes: dict, kind: dict, incoming: dict, outgoing: dict, kept) -> tuple[dict[str, str], dict, list]:
    """The MA-nodes (rephrases) that join one I-node to another: (I-node -> the I-node it rephrases, at the end
    of a chain of rephrases; MA-node -> the rephrasing I-node it joins; the other MA-nodes).

    An MA-node's one I-node in is the rephrasing, its one I-node out the proposition rephrased, so the
    rephrasing's text is another wording of that claim.  *kept* says which I-nodes may take part (a claim
    of this map, not a thesis nor a claim of another map).  A rephrasing that would rephrase two claims,
    or close a circle, is one of the others.
    """
    parent: dict[str, str] = {}
    joined: dict[str, str] = {}
    others: list[str] = []

    def root(k: str) -> str:
        path = []
        while k in parent:
            path.append(k)
            k = parent[k]
        for step in path[:-1]:  # each walk shortens the chain for the next
            parent[step] = k
        return k

    for k in nodes:
        if kind[k] != "MA":
            continue
        into = list(dict.fromkeys(x for x in incoming[k] if kind.get(x) == "I"))
        out = list(dict.fromkeys(x for x in outgoing[k] if kind.get(x) == "I"))
        if len(into) != 1 or len(out) != 1 or not (kept(into[0]) and kept(out[0])):  # a YA-node may anchor it
            others.append(k)
            continue
        source, target = into[0], out[0]
        if source in parent and root(source) == root(target):  # the same rephrase annotated again
            joined[k] = source
        elif source in parent or root(target) == source:
            others.append(k)
        else:
            parent[source] = target
            joined[k] = source
    return {k: root(k) for k in parent}, joined, others


def report_rephrases(report, joined: dict, rephrased: dict, speakers: dict, asked: dict, dropped: int, pos) -> None:
    """One note a file for the rephrases read as wordings: a warning when a rephrasing said by another
    speaker, or with another force, than the claim it rephrases loses that (the wording keeps neither)."""
    if not joined:
        return
    first = next(iter(joined))
    other = sum(1 for source in joined.values()
                if speakers.get(source) not in (None, speakers.get(rephrased[source]))
                or asked.get(source) != asked.get(rephrased[source]))
    lost = (f"; {other} of them rephrase what another speaker said, or with another force, which the wording "
            "does not keep" if other else "")
    loops = f"; {dropped} relation(s) between a claim and its own rephrasing are dropped" if dropped else ""
    report.add("X303" if other else "X305",
               f"{len(joined)} rephrase (MA) node(s) join a claim to the claim it rephrases (the first: {first}): "
               f"the rephrasing's text becomes another wording of that claim{lost}{loops}", *pos(first))
