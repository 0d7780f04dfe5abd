"""The parser's quick constructors make the very values the model's classes make."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.diagnostics import Span
from argmap.model import Citation, Claim, Footnote, Link, Quote, Ref, Relation, Setting, Wording
from argmap.model._fast import maker

NAMES = st.text(alphabet="abcxyz_", min_size=1, max_size=8)
SPANS = st.builds(Span, st.integers(1, 500), st.integers(1, 80), st.integers(1, 500), st.integers(1, 80))


def fields_of(value) -> dict:
    """Every field of an attrs value, those left out of equality (spans) included."""
    return {f.name: getattr(value, f.name) for f in attrs.fields(type(value))}


@given(NAMES, st.none() | NAMES, SPANS)
def test_a_quick_reference_is_the_reference(name, in_map, span):
    quick, slow = maker(Ref)(name, in_map, span), Ref(name, in_map, span)
    assert type(quick) is Ref and quick == slow and hash(quick) == hash(slow)
    assert fields_of(quick) == fields_of(slow) and str(quick) == str(slow)


@given(NAMES, st.text(max_size=30), SPANS, st.lists(SPANS, max_size=3), st.booleans())
def test_a_quick_claim_and_its_relation_are_the_ones_attrs_makes(name, text, span, spans, concession):
    source = Ref(name, None, span)
    args = (name, text, Ref("c"), None, (Citation("1", span),), (Quote("q", (), span),), ("t",), concession, span,
            tuple(spans), (), (Setting("weight", "0.5", span),), "g", span, (Wording("w", (Citation("2"),), span),))
    quick, slow = maker(Claim)(*args), Claim(*args)
    assert quick == slow and fields_of(quick) == fields_of(slow) and quick.all_citations == slow.all_citations
    assert quick.weight == slow.weight == 0.5 and quick.group == "g"
    assert [c.label for c in quick.all_citations] == ["1", "2"]
    link = Link(source, Ref("d"), span)
    relation = maker(Relation)("undercuts", source, link, True, span, None, span)
    assert relation == Relation("undercuts", source, link, True, span) and relation.is_attack
    named = maker(Relation)("supports", source, Ref("d"), True, span, "expert_opinion", span)
    assert named == Relation("supports", source, Ref("d"), True, span, "expert_opinion", span)
    assert fields_of(named) == fields_of(Relation("supports", source, Ref("d"), True, span, "expert_opinion", span))


def test_values_are_still_frozen():
    ref = maker(Ref)("a", None, Span(1, 1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ref.id = "b"  # type: ignore[misc]


def test_a_footnote_made_quickly_still_reads_its_note():
    note = maker(Footnote)("3", "Ibid., 12 May 2016.", Span(4, 3))
    assert note == Footnote("3", "Ibid., 12 May 2016.") and note.number == 3 and note.info == Footnote("3", note.text).info


def test_a_class_that_checks_its_values_keeps_its_own_constructor():
    @attrs.frozen
    class Checked:
        n: int = attrs.field(validator=attrs.validators.instance_of(int))

    assert maker(Checked) is Checked
    with pytest.raises(TypeError):
        maker(Checked)("not a number")
