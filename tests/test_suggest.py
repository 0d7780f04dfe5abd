""""Did you mean": the same suggestions as difflib, found without scoring every name."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from argmap.suggest import Names, close_matches

SEED_IDS = ["naryshkin_visit", "push_forward", "putin_visit", "seven_meetings", "mori_link", "mutual_trust",
            "bad_timing", "g7_solidarity", "mild_sanctions", "attitude_unchanged", "territory_priority",
            "flexibility", "failed", "visit", "fail"]


def test_a_typo_gets_the_names_it_is_close_to_best_first():
    assert close_matches("faild", ["failed", "visit"]) == ["failed"]
    # one letter short of putin_visit (ratio 20/21); naryshkin_visit shares too little to pass 0.6
    assert close_matches("putin_vist", SEED_IDS) == ["putin_visit"]
    assert close_matches("mutal_trust", SEED_IDS, n=1) == ["mutual_trust"]
    assert close_matches("zzz", SEED_IDS) == []


def test_ties_are_ordered_as_difflib_orders_them():
    # "ab" is as close to "ax" as to "ay" (ratio 0.5); difflib puts the larger string first
    assert close_matches("ab", ["ax", "ay", "az"], cutoff=0.5) == ["az", "ay", "ax"]
    assert close_matches("ab", ["ax", "ay", "az"], cutoff=0.5) == difflib.get_close_matches("ab", ["ax", "ay", "az"],
                                                                                           cutoff=0.5)


WORDS = st.text(alphabet="abcde_1", max_size=9)


@given(word=WORDS, names=st.lists(WORDS, max_size=40), n=st.integers(1, 4),
       cutoff=st.sampled_from([0.0, 0.3, 0.6, 0.8, 1.0]))
def test_the_same_suggestions_as_difflib(word, names, n, cutoff):
    assert close_matches(word, names, n, cutoff) == difflib.get_close_matches(word, names, n, cutoff)


def test_many_names_many_ties_still_agree():
    # numbered ids are the hard case: hundreds of names score the same bound
    names = [f"c{i}" for i in range(3000)]
    index = Names(names)
    for word in ("c12x", "c1234", "c9", "cc77", "x"):
        assert index.close_matches(word) == difflib.get_close_matches(word, names)


def test_only_a_few_names_are_scored_per_lookup(monkeypatch):
    """A lookup among 5,000 names scores a handful with difflib, not all of them."""
    topics = [f"{a}_{b}" for a in ("visit", "summit", "trust", "talks", "treaty") for b in ("fail", "hold", "stop")]
    names = [f"{topics[i % len(topics)]}_{i}" for i in range(5000)]
    expected = difflib.get_close_matches("visit_fial_15", names)
    assert expected[0] == "visit_fail_15"
    scored = []
    real = difflib.SequenceMatcher.ratio

    def counting(self):
        scored.append(1)
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
    assert Names(names).close_matches("visit_fial_15") == expected
    assert len(scored) < 100, f"{len(scored)} names scored for one lookup among {len(names)}"
