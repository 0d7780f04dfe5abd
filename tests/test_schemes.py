"""The scheme catalogue: what ships, how names resolve, users' files, and every way a file can be wrong."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.schemes import (
    NO_SCHEME_LABELS,
    CatalogueError,
    explain_scheme,
    fill_letters,
    load_catalogue,
    read_catalogue_text,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "argmap" / "schemes" / "walton.toml"

# The schemes the catalogue is meant to hold (ch. 9 of Walton, Reed & Macagno 2008).
EXPECTED = ("expert_opinion", "position_to_know", "witness_testimony", "popular_opinion", "popular_practice",
            "analogy", "verbal_classification", "commitment", "inconsistent_commitment", "ethotic", "ad_hominem",
            "circumstantial_ad_hominem", "bias", "cause_to_effect", "correlation_to_cause", "sign", "example",
            "precedent", "positive_consequences", "negative_consequences", "practical_reasoning", "values",
            "sunk_costs", "waste", "established_rule", "slippery_slope", "gradualism", "evidence_to_hypothesis",
            "abduction", "threat")

SNAKE = re.compile(r"[a-z][a-z0-9_]*\Z")


def minimal(sid: str = "a", name: str = "Scheme A", extra: str = "") -> str:
    """A complete one-scheme catalogue in the documented layout."""
    return (f'[schemes.{sid}]\nname = "{name}"\nconclusion = "C holds."\nsource = "Somebody 2020"\n{extra}'
            f'\n[schemes.{sid}.premises]\nmajor = "M holds."\n'
            f'\n[[schemes.{sid}.questions]]\nid = "q"\ntext = "Does M hold?"\npremise = "major"\n')


def line_of(text: str, fragment: str, nth: int = 0) -> int:
    """The 1-based line of the *nth* line of *text* that contains *fragment*."""
    return [i for i, line in enumerate(text.split("\n"), 1) if fragment in line][nth]


# ------------------------------------------------------------ shipped ----


def test_the_shipped_catalogue_holds_the_compendium_schemes():
    cat = load_catalogue()
    ids = [s.id for s in cat]
    assert len(cat) >= 24
    assert len(ids) == len(set(ids))
    missing = [i for i in EXPECTED if i not in ids]
    assert not missing, f"the catalogue lacks {missing}"


@pytest.mark.parametrize("scheme", list(load_catalogue()), ids=lambda s: s.id)
def test_every_shipped_scheme_is_complete(scheme):
    assert SNAKE.match(scheme.id)
    assert scheme.name.strip() and scheme.conclusion.strip()
    assert scheme.premises and all(p.text.strip() and SNAKE.match(p.id) for p in scheme.premises)
    assert len(scheme.questions) >= 2, "a scheme is useful for its critical questions"
    qids = [q.id for q in scheme.questions]
    assert len(qids) == len(set(qids)) and all(SNAKE.match(q) for q in qids)
    assert all(q.text.rstrip().endswith("?") for q in scheme.questions), "questions are asked as questions"
    assert {q.premise for q in scheme.questions} - {None} <= {p.id for p in scheme.premises}
    assert "Walton, Reed & Macagno 2008" in scheme.source and "ch. 9" in scheme.source
    assert scheme.aif, "every shipped scheme names the label AIF tools give it"


def test_expert_opinion_asks_the_six_classic_questions():
    scheme = load_catalogue()["expert_opinion"]
    assert [q.id for q in scheme.questions] == ["expertise", "field", "opinion", "trustworthiness",
                                                 "consistency", "backup_evidence"]
    assert [p.id for p in scheme.premises] == ["major", "minor"]
    assert scheme.question("field").premise == "major"
    with pytest.raises(KeyError, match="expertise"):
        scheme.question("fame")


def test_every_name_of_every_scheme_leads_back_to_it():
    cat = load_catalogue()
    for scheme in cat:
        for name in scheme.names:
            assert cat[name] is scheme, f"{name!r} resolves to {cat.get(name)} instead of {scheme.id}"


@pytest.mark.parametrize("written", ["Argument From Expert Opinion", "argument from expert opinion",
                                     "Expert Opinion", "EXPERT  OPINION", "expert_opinion", "Expert-Opinion",
                                     "  expert opinion "])
def test_lookup_ignores_case_and_spacing(written):
    assert load_catalogue()[written].id == "expert_opinion"


def test_the_label_an_aif_file_really_uses_resolves():
    data = json.loads((ROOT / "tests" / "data" / "aif" / "araucaria.json").read_text(encoding="utf-8"))
    labels = {n["scheme"] for n in data["nodes"] if n["type"] == "RA" and n.get("scheme")}
    assert labels and {load_catalogue()[label].id for label in labels} == {"expert_opinion"}


@pytest.mark.parametrize("label", NO_SCHEME_LABELS + ("default  inference", "ra"))
def test_default_inference_names_no_scheme(label):
    cat = load_catalogue()
    assert cat.get(label) is None and label not in cat
    with pytest.raises(KeyError, match="no scheme"):
        cat[label]


def test_an_unknown_name_is_answered_with_near_ones():
    cat = load_catalogue()
    with pytest.raises(KeyError, match="expert_opinion"):
        cat["expert opnion"]
    assert set(cat.suggest("consequences")) == {"positive_consequences", "negative_consequences"}
    assert cat.suggest("zzzz") == ()


# ------------------------------------------------------------ explain ----


@pytest.mark.parametrize("scheme", list(load_catalogue()), ids=lambda s: s.id)
def test_explain_names_every_question_in_order(scheme):
    text = explain_scheme(scheme)
    flat = " ".join(text.split())
    assert text.startswith(f"{scheme.name} ({scheme.id})")
    for p in scheme.premises:
        assert " ".join(p.text.split()) in flat
    assert " ".join(scheme.conclusion.split()) in flat and " ".join(scheme.source.split()) in flat
    places = []
    for n, q in enumerate(scheme.questions, 1):
        entry = f"{n}. [{q.id}] {' '.join(q.text.split())}"
        assert entry in flat, f"question {n} is not shown as {entry!r}"
        places.append(flat.index(entry))
    assert places == sorted(places)
    assert all(len(line) <= 78 for line in text.splitlines() if " " in line.strip())


def test_explain_says_what_each_question_doubts():
    text = " ".join(explain_scheme(load_catalogue()["expert_opinion"]).split())
    assert "[field] Is E an expert in the field that A belongs to? (doubts the major premise)" in text
    assert "[backup_evidence] Does E's assertion rest on evidence? (doubts the inference)" in text


# --------------------------------------------------------- user files ----


def test_a_user_file_adds_schemes_and_overrides_by_id(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(minimal("from_rumour", "Argument from rumour", 'aif = ["Rumour"]')
                    + minimal("analogy", "Argument from analogy (our version)"), encoding="utf-8")
    cat = load_catalogue([user])
    shipped = load_catalogue()
    assert len(cat) == len(shipped) + 1
    assert cat["rumour"].id == "from_rumour" and cat["rumour"].origin == str(user)
    assert cat["analogy"].name == "Argument from analogy (our version)"
    assert [s.id for s in cat][:len(shipped)] == [s.id for s in shipped], "an override keeps its place"
    assert shipped["analogy"].name == "Argument from analogy", "the shipped catalogue is left as it was"


def test_a_later_file_wins_and_a_users_label_beats_a_shipped_one(tmp_path):
    first, second = tmp_path / "1.toml", tmp_path / "2.toml"
    first.write_text(minimal("mine", "Mine, first"), encoding="utf-8")
    second.write_text(minimal("mine", "Mine, second", 'aif = ["Argument From Expert Opinion", "Expert Opinion"]'),
                      encoding="utf-8")
    cat = load_catalogue([first, second])
    assert cat["mine"].name == "Mine, second"
    assert cat["Argument From Expert Opinion"].id == "mine"
    # "Expert Opinion" reads as the id expert_opinion, and an id is never taken by another scheme's label
    assert cat["Expert Opinion"].id == cat["expert_opinion"].id == "expert_opinion"


def test_a_user_file_is_read_again_on_every_load(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(minimal("mine", "First name"), encoding="utf-8")
    assert load_catalogue([user])["mine"].name == "First name"
    user.write_text(minimal("mine", "Second name"), encoding="utf-8")
    assert load_catalogue([user])["mine"].name == "Second name"


# (name, text, the fragment whose line is blamed, the column there, words the message must hold)
BAD = [
    ("toml syntax", minimal().replace('name = "Scheme A"', 'name = = "Scheme A"'), "name = =", 8,
     "not valid TOML"),
    ("unterminated string", minimal() + 'extra = "oops\n', 'extra = "oops', 14, "not valid TOML"),
    ("duplicate key", minimal().replace('source = "Somebody 2020"', 'source = "x"\nsource = "y"'),
     'source = "y"', None, "not valid TOML"),  # the column is wherever the TOML reader noticed
    ("missing field", minimal().replace('conclusion = "C holds."\n', ""), "[schemes.a]", 2, "no `conclusion`"),
    ("duplicate question ids", minimal() + '\n[[schemes.a.questions]]\nid = "q"\ntext = "Again?"\n',
     'id = "q"', 1, "two questions with the id `q`"),
    ("name not text", minimal().replace('name = "Scheme A"', "name = 3"), "name = 3", 1, "not a number"),
    ("aliases not a list", minimal(extra='aliases = "one"'), "aliases =", 1, "list of names"),
    ("alias not text", minimal(extra="aliases = [true]"), "aliases =", 1, "not true or false"),
    ("premises a list", minimal(extra='premises = ["M"]').replace('[schemes.a.premises]\nmajor = "M holds."\n', "")
     .replace('premise = "major"\n', ""), "premises = [", 1, "should be a table"),
    ("questions text", minimal().split("[[schemes.a.questions]]")[0].replace(
        'source = "Somebody 2020"', 'source = "Somebody 2020"\nquestions = "Why?"'), "questions =", 1,
     "[[schemes.a.questions]]"),
    ("no questions", minimal().split("[[schemes.a.questions]]")[0].replace(
        'source = "Somebody 2020"', 'source = "Somebody 2020"\nquestions = []'), "questions =", 1,
     "no critical questions"),
    ("unknown premise", minimal().replace('premise = "major"', 'premise = "minor"'), 'premise = "minor"', 1,
     "premise `minor`"),
    ("unknown field", minimal(extra='questons = "typo"'), "questons", 1, "did you mean `questions`"),
    ("question without text", minimal().replace('text = "Does M hold?"\n', ""), "[[schemes.a.questions]]", 3,
     "has no `text`"),
    ("empty text", minimal().replace('"C holds."', '"  "'), "conclusion =", 1, "is empty"),
    ("scheme id", minimal("Not-Snake"), "[schemes.Not-Snake]", 2, "snake_case"),
    ("question id", minimal().replace('id = "q"', 'id = "Q 1"'), 'id = "Q 1"', 1, "snake_case"),
    ("scheme not a table", 'schemes.a = "x"\n', "schemes.a", 1, "should be a table"),
    ("no schemes", "format = 1\n", "format", 1, "defines no schemes"),
    ("unknown format", "format = 2\n" + minimal(), "format = 2", 1, "format 1"),
    ("default label", minimal(extra='aif = ["Default Inference"]'), "aif =", 1, "inference with no scheme"),
    ("two schemes one name", minimal("a") + minimal("b", "Scheme B", 'aliases = ["scheme a"]'), "aliases =", 1,
     "names both scheme `a` and scheme `b`"),
    ("date for text", minimal().replace('"Somebody 2020"', "2020-01-01"), "source =", 1, "date"),
    ("letter unused", minimal() + '\n[schemes.a.letters]\nZ = "speaker"\n', 'Z = "speaker"', 1, "no letter `Z`"),
    ("letter's part unknown", minimal() + '\n[schemes.a.letters]\nM = "speakr"\n', 'M = "speakr"', 1,
     "did you mean `speaker`"),
    ("letters a list", minimal(extra='letters = ["M"]'), "letters =", 1, "[schemes.a.letters]"),
    ("letter a word", minimal().replace("Does M hold?", "Does a M hold?") + '\n[schemes.a.letters]\na = "speaker"\n',
     'a = "speaker"', 1, "is not a letter"),
]


@pytest.mark.parametrize("name,text,fragment,column,words", BAD, ids=[b[0] for b in BAD])
def test_a_bad_user_file_is_reported_at_its_line_and_column(tmp_path, name, text, fragment, column, words):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([path])
    err = caught.value
    nth = 1 if name == "duplicate question ids" else 0
    assert (err.path, err.line) == (str(path), line_of(text, fragment, nth)), str(err)
    if column is not None:
        assert err.column == column, str(err)
    assert words in err.message
    assert str(err).startswith(f"{path}:{err.line}:{err.column}: ")
    assert "Traceback" not in str(err) and "Error" not in err.message


def test_letters_say_what_the_texts_stand_for_in_a_map_and_explain_prints_them():
    (scheme,) = read_catalogue_text(minimal() + '\n[schemes.a.letters]\nM = "reason"\nC = "conclusion"\n')
    assert scheme.letters == (("M", "reason"), ("C", "conclusion"))
    assert "In a map:\n  M is the reason; C is the conclusion.\n" in explain_scheme(scheme)
    (bare,) = read_catalogue_text(minimal())
    assert bare.letters == () and "In a map" not in explain_scheme(bare)
    shipped = load_catalogue()
    assert ("E", "speaker") in shipped["expert_opinion"].letters
    assert ("P", "speaker") in shipped["position_to_know"].letters


@pytest.mark.parametrize("text,words,expected", [
    ("How credible is E as an expert?", {"E": "Hyodo"}, "How credible is Hyodo as an expert?"),
    ("Does E's assertion rest on evidence?", {"E": "Hyodo"}, "Does Hyodo's assertion rest on evidence?"),
    ("Is A0 worse than A1, and A?", {"A": "it", "A0": "the start"}, "Is the start worse than A1, and it?"),
    ("Every Eu and EA stays.", {"E": "x", "A": "y"}, "Every Eu and EA stays."),
])
def test_letters_are_filled_in_as_whole_words_only(text, words, expected):
    assert fill_letters(text, words) == expected


def test_a_missing_or_non_utf8_file_is_reported_in_plain_words(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read the scheme catalogue"):
        load_catalogue([tmp_path / "absent.toml"])
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(minimal().encode() + b'\n# caf\xe9\n')
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([bad])
    assert caught.value.line == minimal().count("\n") + 2 and caught.value.column == 6
    assert "not UTF-8" in caught.value.message


def _toml(value) -> str:
    """A TOML rendering of a value built by the strategy below (json's strings are TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()) + "}"


VALUES = st.recursive(st.booleans() | st.integers(-5, 5) | st.text(max_size=5),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                  max_size=3),
                      max_leaves=6)


@given(field=st.sampled_from(["name", "aif", "aliases", "conclusion", "source", "premises", "questions",
                              "premise", "id", "text", "major"]),
       value=VALUES)
def test_any_wrong_value_gives_a_catalogue_error_never_a_traceback(field, value):
    text = minimal()
    if field in ("premise", "id", "text"):  # a field of the question
        text = re.sub(rf"^{field} = .*$", lambda _: f"{field} = {_toml(value)}", text, count=1, flags=re.M)
    elif field == "major":  # the premise
        text = text.replace('major = "M holds."', f"major = {_toml(value)}")
    else:
        text = re.sub(rf"^{field} = .*$", "", text, flags=re.M)
        text = text.replace("[schemes.a]\n", f"[schemes.a]\n{field} = {_toml(value)}\n", 1)
        if field == "premises":  # the table of that name would clash: drop it, and the question's reference
            text = text.replace('[schemes.a.premises]\nmajor = "M holds."\n', "").replace('premise = "major"\n', "")
        elif field == "questions":
            text = text.split("[[")[0]
    try:
        schemes = read_catalogue_text(text, "u.toml")
    except CatalogueError as err:
        assert 1 <= err.line <= text.count("\n") + 1 and err.column >= 1
        assert err.message
    else:
        (scheme,) = schemes
        assert scheme.id == "a" and scheme.questions and scheme.premises


# --------------------------------------------------------- packaging ----


def test_the_catalogue_is_read_from_inside_the_package():
    text = SHIPPED.read_text(encoding="utf-8")
    assert len(tomllib.loads(text)["schemes"]) == len(load_catalogue())


# -------------------------------------------------------------- the page ----

PAGE = ROOT / "docs" / "schemes.md"


def test_the_page_shows_what_explain_prints():
    blocks = re.findall(r"^```text\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.M | re.S)
    assert explain_scheme(load_catalogue()["expert_opinion"]) in blocks


def test_the_page_lists_every_shipped_scheme_with_its_questions():
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \| (.+?) \|$", PAGE.read_text(encoding="utf-8"), re.M)
    listed = {sid: (name, questions.split(", ")) for sid, name, questions in rows}
    cat = load_catalogue()
    assert list(listed) == [s.id for s in cat]
    for scheme in cat:
        assert listed[scheme.id] == (scheme.name, [q.id for q in scheme.questions])


def test_the_pages_own_catalogue_loads_and_its_error_lines_are_true(tmp_path):
    text = PAGE.read_text(encoding="utf-8")
    (toml,) = re.findall(r"^```toml\n(.*?)^```", text, re.M | re.S)
    path = tmp_path / "our-schemes.toml"
    path.write_text(toml, encoding="utf-8")
    assert load_catalogue([path])["hearsay"].id == "rumour"
    shown = re.search(r"^# the second question's id.*?^```", text, re.M | re.S).group(0)
    reports = [line for line in shown.splitlines() if line.startswith("our-schemes.toml:")]
    mistakes = [toml.replace('id = "interest"', 'id = "origin"'),
                toml.replace('premise = "report"', 'premise = "reports"'),
                toml.replace('name = "Argument from rumour"', "name = 3"),
                toml.replace('conclusion = "A is presumably true."\n', ""),
                toml.replace('aliases = ["hearsay"]', 'aliases = ["hearsay",]]')]
    assert len(reports) == len(mistakes)
    for bad, report in zip(mistakes, reports):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(CatalogueError) as caught:
            load_catalogue([path])
        assert str(caught.value).replace(str(path), "our-schemes.toml") == report
