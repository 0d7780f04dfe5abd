"""The project's own maps, pinned.

The five article maps (``maps/<article>.argmap``) and the debate map that links
them are data the project ships: these tests pin each one's shape (counts
read once from the parsed maps and written down as literals, so an accidental
deletion or a stray edit shows up here), a handful of relations each must keep,
and the checks every map must pass against the articles' texts.
"""

from __future__ import annotations

import collections
import re

import pytest

import argmap
from argmap import Claim, Link, Severity, Thesis
from argmap.cli import main

from conftest import MAPS

ARTICLES = ("brown2017", "togo2013", "suzuki2012", "akiyama2015", "tsuruoka2020")
DEBATE = "new_approach_debate"
ALL_MAPS = (*ARTICLES, DEBATE)

# map -> (claims, relations by kind, footnotes, quotations, arguments,
#         theses, cases, persons)
SHAPES = {
    "brown2017": (101, {"supports": 87, "rebuts": 22, "undercuts": 5, "contradicts": 1}, 31, 23, 2, 2, 3, 20),
    "togo2013": (48, {"supports": 41, "rebuts": 7, "undercuts": 2}, 5, 7, 1, 1, 2, 9),
    "suzuki2012": (21, {"supports": 21}, 1, 6, 0, 1, 1, 4),
    "akiyama2015": (20, {"supports": 17, "rebuts": 8}, 0, 3, 0, 1, 1, 1),
    "tsuruoka2020": (21, {"supports": 20, "rebuts": 2}, 0, 5, 1, 1, 1, 2),
    DEBATE: (0, {"supports": 19, "rebuts": 8}, 0, 0, 0, 0, 0, 0),
}

# (map, source, kind, target) that must exist; an undercut's target is "a -> b".
NAMED_RELATIONS = [
    # the reader's comment answers Brown's reading of the late arrival
    ("brown2017", "rage_late", "rebuts", "late_arrival"),
    # discussing is not agreeing: the link from the JEA talks to the stepping stone
    ("brown2017", "only_discuss", "undercuts", "jea_agreement -> stepping_stone"),
    # Brown's top claims answer the thesis
    ("brown2017", "failed", "rebuts", "new_approach"),
    ("brown2017", "no_prospect_2017", "rebuts", "new_approach"),
    ("brown2017", "no_lasting_shift", "rebuts", "new_approach"),
    ("brown2017", "failed", "contradicts", "togo_success"),
    ("brown2017", "falls_with_abe", "rebuts", "togo_irreversible"),
    ("togo2013", "late_arrival_meaning", "supports", "not_siding"),
    ("togo2013", "other_reading", "undercuts", "sato_reading -> late_arrival_meaning"),
    ("togo2013", "odds_high", "rebuts", "breakthrough"),
    ("suzuki2012", "no_overoptimism", "supports", "patient_strategy"),
    ("akiyama2015", "mutual_trust", "supports", "leaders_solution"),
    ("tsuruoka2020", "policy_after_abe", "supports", "reset_needed"),
    ("tsuruoka2020", "suga_continuity", "rebuts", "policy_after_abe"),
    # the concessions the authors answer in their own text are answered in the maps
    ("tsuruoka2020", "suga_detached", "rebuts", "suga_continuity"),
    ("tsuruoka2020", "balance_hard", "supports", "broader_debate"),
    ("akiyama2015", "push_forward", "rebuts", "bad_timing"),
    ("akiyama2015", "mild_sanctions", "rebuts", "g7_solidarity"),
    ("akiyama2015", "attitude_unchanged", "rebuts", "g7_solidarity"),
    ("akiyama2015", "recovery", "rebuts", "projects_stalled"),
    ("togo2013", "russians_avoided_china", "rebuts", "press_anti_china"),
    ("togo2013", "not_siding", "rebuts", "history_concern"),
    ("togo2013", "vice_min_difficult", "rebuts", "secrecy"),
    # "do not mean ... the right track": the November events do not show the way, a deal may still be reached
    ("togo2013", "not_right_track", "undercuts", "activation -> breakthrough"),
    # Shoigu's concern is Togo's reason for regular meetings, not an objection
    ("togo2013", "shoigu_md", "supports", "regular_dialogue"),
    # Brown answers the Erdogan excuse in the clause that reports it
    ("brown2017", "convenient_effect", "rebuts", "erdogan_excuse"),
    ("brown2017", "resolvable_in_principle", "undercuts", "practical_obstacles -> no_condominium"),
    ("brown2017", "wishful_thinking", "rebuts", "togo_success"),
    # the debate map's cross-article links
    (DEBATE, "tsuruoka2020.policy_after_abe", "supports", "brown2017.falls_with_abe"),
    (DEBATE, "tsuruoka2020.policy_after_abe", "rebuts", "brown2017.togo_irreversible"),
    (DEBATE, "togo2013.rozman_hikiwake", "supports", "brown2017.hikiwake_lure"),
    (DEBATE, "brown2017.personal_limits", "rebuts", "akiyama2015.mutual_trust"),
    (DEBATE, "suzuki2012.no_overoptimism", "supports", "brown2017.no_prospect_2017"),
    (DEBATE, "togo2013.late_arrival_meaning", "supports", "brown2017.late_arrival"),
    (DEBATE, "togo2013.late_arrival_meaning", "rebuts", "brown2017.rage_late"),
    (DEBATE, "brown2017.failed", "rebuts", "togo2013.breakthrough"),
    # Brown confirms the Yachi channel (and disputes its worth: an undercut, not a rebuttal)
    (DEBATE, "brown2017.mofa_sidelined", "supports", "togo2013.yachi_channel"),
    (DEBATE, "akiyama2015.flexibility", "supports", "brown2017.rigid_hopeless"),
    (DEBATE, "akiyama2015.mild_sanctions", "supports", "brown2017.patient_pause"),
    (DEBATE, "tsuruoka2020.no_us_troops", "supports", "brown2017.two_island_insurance"),
    (DEBATE, "tsuruoka2020.stability_element", "rebuts", "togo2013.little_strategic_gain"),
    (DEBATE, "suzuki2012.no_overoptimism", "supports", "brown2017.wishful_thinking"),
    (DEBATE, "tsuruoka2020.putin_cannot_concede", "rebuts", "akiyama2015.leaders_solution"),
    (DEBATE, "tsuruoka2020.islands_out_of_reach", "supports", "brown2017.no_prospect_2017"),
    (DEBATE, "suzuki2012.japan_card", "supports", "tsuruoka2020.stability_element"),
    (DEBATE, "brown2017.bold_step", "supports", "tsuruoka2020.us_uninterested"),
]

# (map, source, kind, target) that a second reading of the articles removed.
REMOVED_RELATIONS = [
    # Togo: the disagreement makes regular meetings "all the more" important
    ("togo2013", "shoigu_md", "rebuts", "shared_interest"),
    ("togo2013", "not_right_track", "rebuts", "breakthrough"),
    # Tsuruoka's qualification of his own point is not an objection to it
    ("tsuruoka2020", "balance_hard", "rebuts", "broader_debate"),
    # Brown reports Togo's charge of obstruction without answering it
    ("brown2017", "mofa_sidelined", "rebuts", "togo_obstruction"),
    # Akiyama's national interest does not answer Brown's explanation of Abe's persistence
    (DEBATE, "akiyama2015.economic_interest", "rebuts", "brown2017.abe_fixation"),
    (DEBATE, "brown2017.misreads_russia", "rebuts", "togo2013.yachi_channel"),
]


@pytest.fixture(scope="module")
def maps() -> dict[str, argmap.Map]:
    return {name: argmap.load(MAPS / f"{name}.argmap") for name in ALL_MAPS}


def _relations(m: argmap.Map) -> set[tuple[str, str, str]]:
    return {(str(r.source), r.kind, str(r.target)) for r in m.relations}


# ---------------------------------------------------------------- shapes ----


@pytest.mark.parametrize("name", ALL_MAPS)
def test_shape(maps, name):
    m = maps[name]
    claims, kinds, footnotes, quotes, arguments, theses, cases, persons = SHAPES[name]
    assert m.id == name
    assert len(m.claims) == claims
    assert dict(collections.Counter(r.kind for r in m.relations)) == kinds
    assert len(m.footnotes) == footnotes
    assert sum(len(c.quotes) for c in m.claims) == quotes
    assert len(m.arguments) == arguments
    assert len(m.theses) == theses
    assert len(m.cases) == cases
    assert len(m.persons) == persons


@pytest.mark.parametrize("name,source,kind,target", NAMED_RELATIONS)
def test_named_relation(maps, name, source, kind, target):
    assert (source, kind, target) in _relations(maps[name])


@pytest.mark.parametrize("name,source,kind,target", REMOVED_RELATIONS)
def test_removed_relation(maps, name, source, kind, target):
    assert (source, kind, target) not in _relations(maps[name])


# Attribution: `by X` only where the article says X said it; the author's report is the author's.
ATTRIBUTIONS = [
    ("brown2017", "erdogan_excuse", "brown"),  # "this was claimed": Brown names no one
    ("brown2017", "jea_agreement", "brown"),  # an outcome Brown reports
    ("brown2017", "summit_deals", "brown"),
    ("brown2017", "stepping_stone", "optimists"),  # "the Japanese leadership and these commentators"
    ("brown2017", "shared_admin_benefits", "optimists"),
    ("brown2017", "economic_incentives", "brown"),  # Brown's account of the intention
    ("brown2017", "vanuatu_precedent", "nikkei"),
    ("togo2013", "late_arrival_meaning", "observers"),  # "some shrewd observers", not Togo
    ("togo2013", "history_concern", "togo"),
    ("suzuki2012", "lavrov_mild", "suzuki"),  # Suzuki's account of Lavrov's manner
]


@pytest.mark.parametrize("name,claim,person", ATTRIBUTIONS)
def test_attribution(maps, name, claim, person):
    [c] = [c for c in maps[name].claims if c.id == claim]
    assert str(c.by) == person


# The grounded label of each thesis: what the articles conclude, once the concessions
# their authors answer are answered in the maps (maps/README.md explains each).
THESIS_LABELS = [
    ("akiyama2015", "keep_engaging", "in"),  # Akiyama answers the crisis, G7 and stalled projects
    ("tsuruoka2020", "reset_needed", "in"),
    ("suzuki2012", "patient_strategy", "in"),
    ("togo2013", "breakthrough", "out"),  # Rozman's odds stand unanswered at the end, not Togo's own caveat
    ("brown2017", "new_approach", "out"),  # Brown's verdicts stand; nothing in the article answers them
]


@pytest.mark.parametrize("name,thesis,label", THESIS_LABELS)
def test_thesis_label(maps, name, thesis, label):
    assert argmap.evaluate(maps[name]).labels[thesis].value == label


def test_togo_falls_to_rozman_not_to_himself(maps):
    """Without Rozman's commentary, Togo's own case carries his thesis."""
    m = maps["togo2013"]
    labels = argmap.evaluate(m).labels
    assert labels["odds_high"].value == "in"
    rozman = {c.id for c in m.claims if str(c.case) == "rozman"}
    attackers = {str(r.source) for r in m.relations if r.kind == "rebuts" and str(r.target) == "breakthrough"}
    assert attackers and attackers <= rozman


# -------------------------------------------------------- the article maps ----


@pytest.mark.parametrize("name", ARTICLES)
def test_every_footnote_is_cited(maps, name):
    m = maps[name]
    cited = {c.label for claim in m.claims for c in claim.all_citations}
    cited |= {c.label for group in (m.theses, m.cases, m.persons) for item in group for c in item.citations}
    defined = {note.label for note in m.footnotes}
    assert defined - cited == set(), "footnotes no claim cites"
    assert cited - defined == set(), "citations of undefined footnotes"


@pytest.mark.parametrize("name", ARTICLES)
def test_quotations_are_in_the_source_text(maps, name, seeds):
    m = maps[name]
    assert m.document is not None and (seeds / m.document.text).is_file()
    codes = [d.code for d in argmap.check(m, text_dirs=[seeds])]
    assert "C113" not in codes, "the article's text was not found, so nothing was verified"
    assert "C108" not in codes


@pytest.mark.parametrize("name", ARTICLES)
def test_every_claim_has_a_case_and_a_person(maps, name):
    m = maps[name]
    for claim in m.claims:
        assert claim.case is not None and m.resolve_case(claim.case) is not None, claim.id
        assert claim.by is not None and m.resolve_person(claim.by) is not None, claim.id
    for argument in m.arguments:
        assert argument.case is not None and m.resolve_case(argument.case) is not None, argument.id
        assert argument.by is not None and m.resolve_person(argument.by) is not None, argument.id


@pytest.mark.parametrize("name", ARTICLES)
def test_no_errors(maps, name, seeds):
    errors = [d for d in argmap.check(maps[name], text_dirs=[seeds]) if d.severity >= Severity.ERROR]
    assert errors == []


# ------------------------------------------------------------ the debate map ----


def test_debate_uses_the_five_articles(maps):
    m = maps[DEBATE]
    assert [u.id for u in m.uses] == ["suzuki2012", "togo2013", "akiyama2015", "brown2017", "tsuruoka2020"]
    assert set(m.imports) == set(ARTICLES)


def test_debate_links_claims_of_two_articles(maps):
    m = maps[DEBATE]
    assert m.relations
    for r in m.relations:
        # an undercut's target is the step between two claims of one other article
        targets = (r.target.source, r.target.target) if isinstance(r.target, Link) else (r.target,)
        assert isinstance(r.target, Link) == (r.kind == "undercuts"), str(r.target)
        assert r.source.map in ARTICLES, str(r.source)
        assert isinstance(m.resolve(r.source), Claim), str(r.source)
        for t in targets:
            assert t.map in ARTICLES and r.source.map != t.map, f"{r.source} {r.kind} {r.target} links a map to itself"
            # a claim, or (once) the thesis an article's case argues for
            assert isinstance(m.resolve(t), (Claim, Thesis)), str(t)


def test_debate_links_are_explained(maps):
    """Each link stands on a line of its own, with a comment just above it."""
    m = maps[DEBATE]
    lines = (MAPS / f"{DEBATE}.argmap").read_text(encoding="utf-8").splitlines()
    for r in m.relations:
        assert not r.inline
        line = lines[r.span.line - 1]
        assert re.match(rf"{re.escape(str(r.source))}\s+{r.kind}\s+{re.escape(str(r.target))}\s*$", line), line
        assert lines[r.span.line - 2].lstrip().startswith("#"), f"no comment above: {line}"


def test_debate_map_has_no_errors(maps, seeds):
    errors = [d for d in argmap.check(maps[DEBATE], text_dirs=[seeds]) if d.severity >= Severity.ERROR]
    assert errors == []


# ------------------------------------------------------------- the command ----


def test_check_maps_folder(seeds, capsys):
    code = main(["check", str(MAPS), "--text-dir", str(seeds)])
    out = capsys.readouterr().out
    summary = out.splitlines()[-1]
    assert code == 0, out
    assert summary.startswith(f"{len(ALL_MAPS)} maps checked: 0 errors"), summary
    assert " C108 " not in out


def test_seed_maps_are_in_canonical_form(capsys):
    """`argmap fmt --check maps/` passes: the maps are what fmt would write."""
    from argmap.cli import main

    assert main(["fmt", "--check", str(MAPS)]) == 0, capsys.readouterr()
