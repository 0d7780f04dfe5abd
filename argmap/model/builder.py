"""Build a map in Python, statement by statement.

>>> from argmap.model.builder import MapBuilder
>>> m = (MapBuilder("brown2017", title="Japan's Russia Policy", author="James D. J. Brown", published="2017-02")
...      .thesis("new_approach", "Abe's new approach will win a territorial compromise.")
...      .case("brown", "against", "new_approach", "Brown's case against it.")
...      .person("ushakov", "Yurii Ushakov, Putin's top foreign-policy aide.")
...      .claim("failed", "The new approach failed.", case="brown")
...      .claim("russian_law", "Russia says the islands are Russian.", case="brown", by="ushakov",
...             quote="Of course, this is the territory of the Russian Federation.", cites=[11],
...             supports="failed")
...      .footnote(11, "TASS, December 16, 2016.")
...      .build())
>>> m.claim("russian_law").quotes[0].citations[0].label
'11'

Names may point into other maps (``"togo2013.success"``); an undercut's
target is written ``"reason -> conclusion"``.  :func:`argmap.formatting.writer.dumps`
writes the result as text that parses back to the same map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Union

from argmap.model import (
    FIELD_NAMES,
    RELATION_KINDS,
    Argument,
    Case,
    Citation,
    Claim,
    Comment,
    Document,
    Field,
    Footnote,
    Group,
    Link,
    Map,
    Person,
    Quote,
    Ref,
    Relation,
    Thesis,
    Use,
    Wording,
)

from argmap.language import PERSON_KINDS, STANCES

Cites = Union[str, int, Iterable[Union[str, int]]]
#: One target, several, or (for ``supports``) a mapping of target to the scheme its support names
Targets = Union[str, Iterable[str], Mapping[str, Union[str, None]]]


def _ref(name: str | Ref) -> Ref:
    return name if isinstance(name, Ref) else Ref.parse(name.strip())


def _target(name: str) -> Ref | Link:
    if "->" in name:
        source, target = name.split("->", 1)
        return Link(_ref(source), _ref(target))
    return _ref(name)


def _label(label: str | int) -> str:
    text = str(label).strip()
    if text.startswith("[^") and text.endswith("]"):
        text = text[2:-1]
    return text


def _cites(cites: Cites) -> tuple[Citation, ...]:
    if isinstance(cites, (str, int)):
        cites = [cites]
    return tuple(Citation(_label(c)) for c in cites)


def _names(targets: Targets) -> list[tuple[str, str | None]]:
    """(target, scheme) pairs: a mapping names each target's scheme."""
    if isinstance(targets, str):
        return [(targets, None)]
    if isinstance(targets, Mapping):
        return list(targets.items())
    return [(t, None) for t in targets]


class MapBuilder:
    """Collects statements and returns a :class:`~argmap.model.Map` from :meth:`build`.

    Every method returns the builder, so calls chain.  Header fields are
    keyword arguments (``author`` may be a list); the map keeps the order in
    which statements were added, group by group.
    """

    def __init__(self, id: str | None = None, title: str | None = None, **fields: str | Iterable[str]):
        self._document: Document | None = None
        if id is not None:
            items = []
            for name, value in fields.items():
                if name not in FIELD_NAMES:
                    raise TypeError(f"unknown header field {name!r}; the header takes {', '.join(FIELD_NAMES)}")
                values = [value] if isinstance(value, str) else list(value)
                items.extend(Field(name, str(v)) for v in values)
            self._document = Document(id, title, tuple(items))
        self._uses: list[Use] = []
        self._theses: list[Thesis] = []
        self._cases: list[Case] = []
        self._persons: list[Person] = []
        self._groups: list[Group] = []
        self._claims: list[Claim] = []
        self._inline: list[Relation] = []
        self._arguments: list[Argument] = []
        self._relations: list[Relation] = []
        self._footnotes: list[Footnote] = []
        self._comments: list[Comment] = []

    def use(self, id: str, path: str | None = None) -> MapBuilder:
        """``use id`` (or ``use id from "path"``): another map whose ids read ``id.<name>``."""
        self._uses.append(Use(id, path))
        return self

    def thesis(self, id: str, text: str, cites: Cites = ()) -> MapBuilder:
        self._theses.append(Thesis(id, text, _cites(cites)))
        return self

    def case(self, id: str, stance: str, thesis: str, text: str, cites: Cites = ()) -> MapBuilder:
        """One side of a debate: *stance* is ``"for"`` or ``"against"`` the *thesis*."""
        if stance not in STANCES:
            raise ValueError(f"a case is for or against a thesis, not {stance!r}")
        self._cases.append(Case(id, stance, _ref(thesis), text, _cites(cites)))
        return self

    def person(self, id: str, name: str, cites: Cites = (), kind: str = "person") -> MapBuilder:
        if kind not in PERSON_KINDS:
            raise ValueError(f"kind is 'person' or 'org', not {kind!r}")
        self._persons.append(Person(id, name, kind, _cites(cites)))
        return self

    def org(self, id: str, name: str, cites: Cites = ()) -> MapBuilder:
        return self.person(id, name, cites, kind="org")

    def group(self, id: str, title: str, *, parent: str | None = None, cites: Cites = ()) -> MapBuilder:
        """A group (a section the diagram draws as a box), inside *parent* if given."""
        self._groups.append(Group(id, title, _ref(parent) if parent else None, _cites(cites)))
        return self

    def claim(self, id: str, text: str = "", *, case: str | None = None, by: str | None = None,
              cites: Cites = (), quote: str | Iterable[str] | None = None, quote_cites: Cites | None = None,
              tags: Iterable[str] = (), concession: bool = False, group: str | None = None,
              wordings: str | Iterable[str] = (), supports: Targets = (),
              rebuts: Targets = (), undercuts: Targets = (), contradicts: Targets = ()) -> MapBuilder:
        """A claim, with its quotation(s), tags, group, other wordings and the relations written under it.

        With a *quote*, *cites* go to the quotation (as a map-maker usually
        writes it) unless *quote_cites* is given, in which case *cites* stay
        on the claim's own text.  ``supports={"b": "expert_opinion"}`` names
        the scheme of each support.
        """
        quotes = [quote] if isinstance(quote, str) else list(quote or ())
        claim_cites, q_cites = _cites(cites), ()
        if quotes:
            if quote_cites is None:
                claim_cites, q_cites = (), _cites(cites)
            else:
                q_cites = _cites(quote_cites)
        self._claims.append(Claim(
            id, text, _ref(case) if case else None, _ref(by) if by else None, claim_cites,
            tuple(Quote(q, q_cites if i == len(quotes) - 1 else ()) for i, q in enumerate(quotes)),
            tuple(tags), concession, group=group,
            wordings=tuple(Wording(w) for w in ([wordings] if isinstance(wordings, str) else wordings))))
        for kind, targets in (("supports", supports), ("rebuts", rebuts), ("undercuts", undercuts),
                              ("contradicts", contradicts)):
            for t, scheme in _names(targets):
                self._inline.append(Relation(kind, Ref(id), _target(t), inline=True, scheme=scheme))
        return self

    def argument(self, id: str, premises: Iterable[str], conclusion: str, *, case: str | None = None,
                 by: str | None = None, scheme: str | None = None, rebuts: bool = False) -> MapBuilder:
        """Premises that support *conclusion* only together; *scheme* names its argumentation scheme.

        With *rebuts*, a linked attack: the premises attack *conclusion* only together
        (``argument id: p + q rebuts conclusion``).
        """
        self._arguments.append(Argument(id, tuple(_ref(p) for p in premises), _ref(conclusion),
                                        _ref(case) if case else None, _ref(by) if by else None, scheme=scheme,
                                        kind="rebuts" if rebuts else "supports"))
        return self

    def relation(self, source: str, kind: str, target: str, *, scheme: str | None = None) -> MapBuilder:
        """A relation on a line of its own: ``source supports target`` and the like (*scheme*: its scheme)."""
        if kind not in RELATION_KINDS:
            raise ValueError(f"a relation is one of {', '.join(RELATION_KINDS)}, not {kind!r}")
        self._relations.append(Relation(kind, _ref(source), _target(target), scheme=scheme))
        return self

    def footnote(self, label: str | int, text: str) -> MapBuilder:
        self._footnotes.append(Footnote(_label(label), text))
        return self

    def comment(self, text: str) -> MapBuilder:
        """A comment; the writer puts comments of a built map at the top of the file."""
        self._comments.append(Comment(text))
        return self

    def build(self) -> Map:
        return Map(
            document=self._document,
            uses=tuple(self._uses),
            theses=tuple(self._theses),
            cases=tuple(self._cases),
            persons=tuple(self._persons),
            groups=tuple(self._groups),
            claims=tuple(self._claims),
            arguments=tuple(self._arguments),
            relations=tuple(self._inline) + tuple(self._relations),
            footnotes=tuple(self._footnotes),
            comments=tuple(self._comments),
        )
